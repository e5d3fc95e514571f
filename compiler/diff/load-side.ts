/**
 * One side of `ork diff`, from what the user named: a Katalog file (validated, then
 * generated in memory), a folder holding a `katalog.yaml`, or a generated project folder
 * (its files read from disk). Never throws for bad input: the failure is returned.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { generate } from '../generate.ts';
import type { SideInfo } from './report.ts';
import { REQUIRED_FILES, snapshotFromFiles, SnapshotError, type Snapshot } from './snapshot.ts';

/** A side that loaded. */
export interface LoadedSide {
  readonly info: SideInfo;
  readonly snapshot: Snapshot;
}

/** A side that did not: a message, and the Katalog's diagnostics when it was invalid. */
export interface FailedSide {
  readonly info: SideInfo;
  readonly error: string;
  readonly hint?: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: ReadonlyMap<string, string>;
}

/** Loads `input` as a project folder or a Katalog. */
export function loadSide(input: string): LoadedSide | FailedSide {
  let isDir: boolean;
  try {
    isDir = statSync(input).isDirectory();
  } catch {
    return fail({ path: input, kind: 'katalog' }, `${input}: no such file or folder`, 'name a Katalog file or a generated project folder');
  }
  if (isDir && existsSync(path.join(input, REQUIRED_FILES[0]))) return loadProject(input);
  if (isDir && existsSync(path.join(input, 'katalog.yaml'))) return loadKatalog(path.join(input, 'katalog.yaml'));
  if (isDir) return fail({ path: input, kind: 'project' }, `${input}: neither a generated project (no ${REQUIRED_FILES[0]}) nor a folder with a katalog.yaml`, 'name a Katalog file or a folder made by `ork generate`');
  return loadKatalog(input);
}

function fail(info: SideInfo, error: string, hint?: string, diagnostics: readonly Diagnostic[] = [], sources: ReadonlyMap<string, string> = new Map()): FailedSide {
  return { info, error, ...(hint ? { hint } : {}), diagnostics, sources };
}

function loadKatalog(file: string): LoadedSide | FailedSide {
  const info: SideInfo = { path: file, kind: 'katalog' };
  // the output folder only shapes tsconfig paths, which diff does not compare
  const g = generate(file, path.join(tmpdir(), 'ork-diff'));
  if (!g.files) return fail(info, `${file} is invalid`, `fix the errors above (\`ork validate ${file}\`)`, g.diagnostics, g.sources);
  return snapshotOf(info, g.files);
}

function loadProject(dir: string): LoadedSide | FailedSide {
  const info: SideInfo = { path: dir, kind: 'project' };
  const files = new Map<string, string>();
  try {
    for (const f of REQUIRED_FILES) if (existsSync(path.join(dir, f))) files.set(f, readFileSync(path.join(dir, f), 'utf8'));
    const rdir = path.join(dir, 'src', 'reconcilers');
    if (existsSync(rdir)) {
      for (const f of readdirSync(rdir).filter((n) => n.endsWith('.ts')).sort()) files.set(`src/reconcilers/${f}`, readFileSync(path.join(rdir, f), 'utf8'));
    }
  } catch (e) {
    return fail(info, `${dir}: cannot read: ${(e as Error).message}`);
  }
  return snapshotOf(info, files);
}

function snapshotOf(info: SideInfo, files: ReadonlyMap<string, string>): LoadedSide | FailedSide {
  try {
    return { info, snapshot: snapshotFromFiles(files) };
  } catch (e) {
    if (e instanceof SnapshotError) return fail(info, `${info.path}: ${e.message}`, info.kind === 'project' ? 'regenerate it with `ork generate`' : undefined);
    throw e;
  }
}
