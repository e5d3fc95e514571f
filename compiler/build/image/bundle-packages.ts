/**
 * The npm packages inside a bundle, read from esbuild's metafile: every input that contributes
 * bytes to the output is mapped to the package folder it lives in (the last `node_modules/<name>`
 * of its path) and that folder's package.json gives name, version and license. This is exactly
 * what ships — unlike `npm sbom` on ork's dependency tree, which would list the compiler's own
 * dependencies (ts-morph, typescript, ...) and miss nothing the generated project declares
 * (its package.json has no dependencies: the kit's are resolved from ork's node_modules).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Metafile } from 'esbuild';
import { ImageBuildError } from './exec.ts';

/** One npm package with code in the bundle. */
export interface BundledPackage {
  readonly name: string;
  readonly version: string;
  /** SPDX expression from package.json (`license`, or the legacy `licenses` array). */
  readonly license: string | undefined;
  /** npm integrity (sha512-base64) from the lockfile, when known. */
  readonly integrity: string | undefined;
  /** Bytes this package contributes to the minified output. */
  readonly bytesInOutput: number;
}

/** What the bundle is made of: npm packages, and bytes from the runtime kit and the project itself. */
export interface BundleComposition {
  readonly packages: readonly BundledPackage[];
  readonly runtimeKitBytes: number;
  readonly projectBytes: number;
}

/** The package folder of `file` (absolute), or undefined when it is not under node_modules. */
export function packageDirOf(file: string): string | undefined {
  const parts = file.split('/');
  const i = parts.lastIndexOf('node_modules');
  if (i < 0 || i + 1 >= parts.length) return undefined;
  const n = parts[i + 1]?.startsWith('@') ? 3 : 2;
  return parts.slice(0, i + n).join('/');
}

interface PkgJson {
  name?: string;
  version?: string;
  license?: string | { type?: string };
  licenses?: Array<{ type?: string }>;
}

function licenseOf(p: PkgJson): string | undefined {
  if (typeof p.license === 'string') return p.license;
  if (p.license?.type) return p.license.type;
  const ls = (p.licenses ?? []).map((l) => l.type).filter((t): t is string => !!t);
  return ls.length > 0 ? ls.join(' OR ') : undefined;
}

/**
 * Groups the bundle's inputs. `cwd` is the folder esbuild ran in (metafile paths are relative
 * to it); `runtimeKitDir` and `projectDir` are absolute. Inputs elsewhere are an error.
 */
export function bundleComposition(metafile: Metafile, outfile: string, opts: { cwd: string; runtimeKitDir: string; projectDir: string; lockfile?: string }): BundleComposition {
  const outKey = Object.keys(metafile.outputs).find((k) => path.resolve(opts.cwd, k) === path.resolve(outfile));
  const output = outKey === undefined ? undefined : metafile.outputs[outKey];
  if (!output) throw new ImageBuildError(`the metafile has no output ${outfile}`);
  const lock = readLock(opts.lockfile);
  const byDir = new Map<string, number>();
  let runtimeKitBytes = 0;
  let projectBytes = 0;
  for (const [input, info] of Object.entries(output.inputs)) {
    if (info.bytesInOutput === 0 || input.startsWith('<')) continue;
    // `builtin:node:http` ...: the one-line `require` shims of bundle.ts's builtinsViaRequire (Node's own modules ship in the binary).
    if (input.startsWith('builtin:')) continue;
    const abs = path.resolve(opts.cwd, input);
    const dir = packageDirOf(abs);
    if (dir !== undefined) byDir.set(dir, (byDir.get(dir) ?? 0) + info.bytesInOutput);
    else if (isUnder(abs, opts.runtimeKitDir)) runtimeKitBytes += info.bytesInOutput;
    else if (isUnder(abs, opts.projectDir)) projectBytes += info.bytesInOutput;
    else throw new ImageBuildError(`bundle input outside node_modules, the runtime kit and the project: ${input}`);
  }
  const packages = [...byDir.entries()].map(([dir, bytesInOutput]): BundledPackage => {
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as PkgJson;
    if (!pkg.name || !pkg.version) throw new ImageBuildError(`${dir}/package.json has no name or version`);
    const key = dir.slice(dir.indexOf('node_modules/'));
    return { name: pkg.name, version: pkg.version, license: licenseOf(pkg), integrity: lock.get(key), bytesInOutput };
  });
  packages.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.version < b.version ? -1 : 1));
  return { packages, runtimeKitBytes, projectBytes };
}

function isUnder(p: string, dir: string): boolean {
  const rel = path.relative(dir, p);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** `node_modules/<pkg>` → integrity from a package-lock.json (v2/v3), empty when unreadable. */
function readLock(file: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!file) return out;
  try {
    const lock = JSON.parse(readFileSync(file, 'utf8')) as { packages?: Record<string, { integrity?: string }> };
    for (const [k, v] of Object.entries(lock.packages ?? {})) if (v.integrity) out.set(k, v.integrity);
  } catch {
    // no lockfile: no hashes
  }
  return out;
}
