/** Writes a generated file map under a folder, or compares it with what is there (`--check`). */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Writes every file (each through a temp file and a rename). */
export function writeTree(dir: string, files: ReadonlyMap<string, string>): void {
  for (const [rel, text] of files) {
    const target = path.join(dir, rel);
    mkdirSync(path.dirname(target), { recursive: true });
    const tmp = `${target}.ork-tmp-${process.pid}`;
    writeFileSync(tmp, text);
    renameSync(tmp, target);
  }
}

/** Paths whose contents differ from (or are missing in) `dir`. */
export function staleFiles(dir: string, files: ReadonlyMap<string, string>): string[] {
  return [...files].filter(([rel, text]) => {
    const target = path.join(dir, rel);
    return !existsSync(target) || readFileSync(target, 'utf8') !== text;
  }).map(([rel]) => rel);
}
