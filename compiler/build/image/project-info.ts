/**
 * What the image labels need to know about a generated project when the caller has no Katalog
 * model at hand (`ork build --image <project-dir>`): the Katalog name and version from the
 * generated `src/main.ts` spec, the operator name from its package.json, and the VCS revision.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ImageBuildError, run } from './exec.ts';

/** Identity of a generated operator project. */
export interface ProjectIdentity {
  /** The Katalog's name, e.g. `web-app`. */
  readonly katalogName: string;
  /** The Katalog's version, e.g. `0.1.0`. */
  readonly version: string;
  /** The operator's name (package.json), e.g. `web-app-operator`. */
  readonly operatorName: string;
}

/** Reads the identity from `<projectDir>/src/main.ts` (`spec = { name: "…", version: "…"`) and package.json. */
export async function projectIdentity(projectDir: string): Promise<ProjectIdentity> {
  let main = '';
  let pkg: { name?: string; version?: string } = {};
  try {
    main = await readFile(path.join(projectDir, 'src', 'main.ts'), 'utf8');
    pkg = JSON.parse(await readFile(path.join(projectDir, 'package.json'), 'utf8')) as typeof pkg;
  } catch {
    throw new ImageBuildError(`${projectDir} is not a generated operator project`, '', 'pass a folder made by `ork generate` / `ork build`');
  }
  const spec = /export const spec: OperatorSpec = \{\s*name: ("(?:[^"\\]|\\.)*"),\s*version: ("(?:[^"\\]|\\.)*")/.exec(main);
  const katalogName = spec?.[1] ? (JSON.parse(spec[1]) as string) : undefined;
  const version = spec?.[2] ? (JSON.parse(spec[2]) as string) : pkg.version;
  if (!katalogName || !version || !pkg.name) throw new ImageBuildError(`cannot read the Katalog name and version of ${projectDir} (src/main.ts spec, package.json)`);
  return { katalogName, version, operatorName: pkg.name };
}

/** `git rev-parse HEAD` in `cwd`, with `-dirty` appended when tracked files changed; undefined outside git. */
export async function gitRevision(cwd = process.cwd()): Promise<string | undefined> {
  try {
    const head = (await run('git', ['rev-parse', 'HEAD'], { cwd, timeoutMs: 10_000 })).stdout.trim();
    const dirty = (await run('git', ['status', '--porcelain', '--untracked-files=no'], { cwd, timeoutMs: 30_000 })).stdout.trim() !== '';
    return dirty ? `${head}-dirty` : head;
  } catch {
    return undefined;
  }
}
