/** Printing helpers of the CLI: colour only on a TTY and never with NO_COLOR; diagnostics rendered once. */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { renderDiagnostics } from '../diagnostics/render.ts';

/** True when stderr/stdout may use colour. */
export function useColor(stream: NodeJS.WriteStream): boolean {
  return Boolean(stream.isTTY) && !('NO_COLOR' in process.env) && process.env['TERM'] !== 'dumb';
}

/**
 * A progress line for a long step, on stderr and only when stderr is a terminal: pipes, logs
 * and tests see just the result, and stdout stays data.
 */
export function progress(line: string): void {
  if (process.stderr.isTTY) process.stderr.write(`${line}\n`);
}

/** Prints diagnostics to stderr as text. */
export function printDiagnostics(ds: readonly Diagnostic[], sources: ReadonlyMap<string, string>): void {
  if (ds.length === 0) return;
  process.stderr.write(`${renderDiagnostics(ds, (f) => sources.get(f), { color: useColor(process.stderr) })}\n`);
}

/** Diagnostics as plain JSON objects (for --output json). */
export function diagnosticsJson(ds: readonly Diagnostic[]): object[] {
  return ds.map((d) => ({
    severity: d.severity,
    code: d.code,
    message: d.message,
    file: d.position?.file ?? null,
    line: d.position?.line ?? null,
    column: d.position?.column ?? null,
    path: d.path ?? null,
    hint: d.hint ?? null,
    notes: d.notes ?? [],
  }));
}
