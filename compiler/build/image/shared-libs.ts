/**
 * The shared libraries a dynamically linked binary needs, found with `ldd`, and the Debian
 * package (name, version, architecture) each one comes from — recorded like distroless does,
 * so the SBOM names exactly what was copied into the image.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { ImageBuildError, run } from './exec.ts';

/** A Debian package installed on the build machine. */
export interface DebPackage {
  readonly name: string;
  readonly version: string;
  readonly arch: string;
}

/** One library as `ldd` resolved it, and where it goes in the image. */
export interface SharedLib {
  /** The path ldd printed (also the path inside the image), e.g. `/lib/x86_64-linux-gnu/libc.so.6`. */
  readonly path: string;
  /** The real file on the build machine (symlinks resolved). */
  readonly source: string;
  readonly pkg: DebPackage;
}

/**
 * Parses `ldd` output into absolute library paths, sorted. Skips the vDSO (no file);
 * throws on "not found" lines — a library the binary needs is missing on this machine.
 */
export function parseLdd(out: string): string[] {
  const paths = new Set<string>();
  for (const raw of out.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('linux-vdso') || line.startsWith('statically linked')) continue;
    if (line.includes('not found')) throw new ImageBuildError(`ldd: a shared library is missing: ${line}`);
    const arrow = /=>\s*(\/\S+)/.exec(line);
    const bare = /^(\/\S+)/.exec(line);
    const p = arrow?.[1] ?? bare?.[1];
    if (p !== undefined) paths.add(p);
  }
  return [...paths].sort();
}

/** Candidate spellings of `p` in dpkg's database (merged-/usr machines list either /lib or /usr/lib). */
function dpkgCandidates(p: string): string[] {
  const out = [p];
  if (p.startsWith('/usr/')) out.push(p.slice(4));
  else out.push(`/usr${p}`);
  try {
    const real = realpathSync(p);
    out.push(real, real.startsWith('/usr/') ? real.slice(4) : `/usr${real}`);
  } catch {
    // kept as is
  }
  return [...new Set(out)];
}

/** The Debian package that installed `file` (tries the merged-/usr spellings). */
export async function debPackageOf(file: string): Promise<DebPackage> {
  for (const candidate of dpkgCandidates(file)) {
    try {
      const { stdout } = await run('dpkg-query', ['-S', candidate], { timeoutMs: 30_000 });
      const first = stdout.split('\n')[0] ?? '';
      const owner = first.slice(0, first.indexOf(': ')).split(', ')[0] ?? '';
      const name = owner.split(':')[0];
      if (name) return await debPackage(name, owner.split(':')[1]);
    } catch {
      // try the next spelling
    }
  }
  throw new ImageBuildError(`no Debian package owns ${file}`, '', 'the image takes shared libraries from Debian packages only (dpkg-query -S)');
}

/** Name, version and architecture of an installed Debian package. */
export async function debPackage(name: string, arch?: string): Promise<DebPackage> {
  const spec = arch ? `${name}:${arch}` : name;
  const { stdout } = await run('dpkg-query', ['-W', '-f', '${Package}\t${Version}\t${Architecture}\n', spec], { timeoutMs: 30_000 });
  const [pkg, version, a] = (stdout.split('\n')[0] ?? '').split('\t');
  if (!pkg || !version || !a) throw new ImageBuildError(`Debian package ${spec} is not installed`);
  return { name: pkg, version, arch: a };
}

/** The libraries `binary` needs (ldd), each with its real file and Debian package, sorted by path. */
export async function sharedLibs(binary: string): Promise<SharedLib[]> {
  const { stdout } = await run('ldd', [binary], { timeoutMs: 30_000 });
  const libs: SharedLib[] = [];
  for (const p of parseLdd(stdout)) {
    if (!path.isAbsolute(p)) continue;
    libs.push({ path: p, source: realpathSync(p), pkg: await debPackageOf(p) });
  }
  return libs;
}
