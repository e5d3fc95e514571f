/** Writes command output to a file atomically (temp file + rename: never half-written) or to stdout. */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Writes `text` to `file` atomically, or to stdout when `file` is undefined or `-`. */
export function writeOutput(text: string, file: string | undefined): void {
  if (file === undefined || file === '-') {
    process.stdout.write(text);
    return;
  }
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.ork-tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
  process.stderr.write(`wrote ${file}\n`);
}

/** The Katalog path as it may appear in generated files: relative, never absolute. */
export function displayPath(file: string): string {
  const rel = path.isAbsolute(file) ? path.relative(process.cwd(), file) : file;
  return rel.startsWith('..') || path.isAbsolute(rel) ? path.basename(file) : rel.split(path.sep).join('/');
}
