/**
 * Reads a user's input file with a size limit. Failures are diagnostics (ORK001), never
 * exceptions, so the CLI can print them like any other error.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';

/** Largest input file ork reads: Katalogs and CRD files are a few KB; 4 MiB is generous. */
export const MAX_INPUT_BYTES = 4 * 1024 * 1024;

/** A file read into memory, named as the user named it. */
export interface SourceFile {
  readonly file: string;
  readonly text: string;
}

/** Reads `file` as UTF-8, or returns the reason it cannot be read. */
export function readSource(file: string, what: string, referencedFrom?: Diagnostic['position']): SourceFile | Diagnostic {
  const fail = (message: string, hint: string): Diagnostic => ({
    severity: 'error',
    code: 'ORK001',
    message,
    hint,
    position: referencedFrom ?? { file, line: 1, column: 1 },
  });
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) return fail(`${what} \`${file}\` is not a regular file`, 'name a YAML file');
    size = st.size;
  } catch {
    return fail(`${what} \`${file}\` does not exist`, 'check the path (relative paths are resolved against the Katalog\'s folder for crdFile/crFiles, the working directory otherwise)');
  }
  if (size > MAX_INPUT_BYTES) {
    return fail(`${what} \`${file}\` is ${size} bytes, more than the ${MAX_INPUT_BYTES}-byte limit`, 'split it, or check that this is the file you meant');
  }
  try {
    const text = readFileSync(file, 'utf8');
    if (text.includes('\u0000')) return fail(`${what} \`${file}\` is binary, not YAML`, 'name a YAML text file');
    return { file, text };
  } catch (err) {
    return fail(`${what} \`${file}\` cannot be read: ${(err as NodeJS.ErrnoException).code ?? 'error'}`, 'check its permissions');
  }
}
