/**
 * Renders diagnostics for people (`file:line:col: error[ORK014]: message`, the source line
 * with a caret under the column, then notes and a hint) and for machines (plain JSON).
 */
import type { Diagnostic } from './diagnostic.ts';

/** Source text per file name, used to quote the offending line. */
export type SourceLookup = (file: string) => string | undefined;

/** Options for the text renderer. */
export interface RenderOptions {
  /** Use ANSI colours (only on a TTY and never with NO_COLOR; the CLI decides). */
  readonly color?: boolean;
}

const ansi = (on: boolean, code: string, s: string): string => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

/** Renders one diagnostic as text, several lines, no trailing newline. */
export function renderDiagnostic(d: Diagnostic, sources: SourceLookup, opts: RenderOptions = {}): string {
  const color = opts.color ?? false;
  const sevColor = d.severity === 'error' ? '1;31' : d.severity === 'warning' ? '1;33' : '1;36';
  const where = d.position ? `${d.position.file}:${d.position.line}:${d.position.column}: ` : '';
  const lines = [`${ansi(color, '1', where)}${ansi(color, sevColor, `${d.severity}[${d.code}]`)}: ${d.message}`];
  // Notes are informational: one line and the hint, no quoted source.
  const quoted = d.position && d.severity !== 'note' ? quoteLine(sources(d.position.file), d.position.line, d.position.column) : undefined;
  if (quoted) lines.push(...quoted);
  if (d.path && d.severity !== 'note') lines.push(`  = at: ${d.path}`);
  for (const n of d.notes ?? []) lines.push(`  = note: ${n}`);
  if (d.hint) lines.push(`  = ${ansi(color, '1;32', 'hint')}: ${d.hint}`);
  return lines.join('\n');
}

/** The source line with a gutter and a caret under the column, or undefined when unknown. */
function quoteLine(text: string | undefined, line: number, column: number): string[] | undefined {
  if (text === undefined) return undefined;
  const src = text.split(/\r?\n/)[line - 1];
  if (src === undefined) return undefined;
  const gutter = String(line);
  const pad = ' '.repeat(gutter.length);
  const shown = src.length > 200 ? `${src.slice(0, 200)}…` : src;
  const caretAt = Math.max(0, Math.min(column - 1, shown.length));
  return [`${pad} |`, `${gutter} | ${shown}`, `${pad} | ${' '.repeat(caretAt)}^`];
}

/** Renders a list of diagnostics separated by blank lines. */
export function renderDiagnostics(ds: readonly Diagnostic[], sources: SourceLookup, opts: RenderOptions = {}): string {
  return ds.map((d) => renderDiagnostic(d, sources, opts)).join('\n\n');
}
