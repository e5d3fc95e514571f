/**
 * Diagnostics are data until the CLI renders them: every phase (load, check, template,
 * emit) returns `Diagnostic` values instead of throwing or printing. One renderer turns
 * them into text (`render.ts`) or JSON, so every error looks the same wherever it comes from.
 */

/** How bad a diagnostic is. Errors stop the command; warnings and notes are printed only. */
export type Severity = 'error' | 'warning' | 'note';

/** A position inside a source file: 1-based line and column, as editors show them. */
export interface SourcePosition {
  /** Path of the file as the user named it (relative to the working directory when possible). */
  readonly file: string;
  /** 1-based line number. */
  readonly line: number;
  /** 1-based column number. */
  readonly column: number;
}

/** One finding of ork about a user's input. */
export interface Diagnostic {
  readonly severity: Severity;
  /** Stable code, `ORK0nn` for checks; see docs/checks.md. */
  readonly code: string;
  /** What is wrong, in one sentence, without a trailing period. */
  readonly message: string;
  /** Where it is; absent only when the problem has no place (e.g. a missing file argument). */
  readonly position?: SourcePosition;
  /** Path of the offending node inside the document, e.g. `spec.crds.web.operatorBox`. */
  readonly path?: string;
  /** How to fix it. */
  readonly hint?: string;
  /** Further facts ("got: \"three\"", "the cycle is a → b → a"). */
  readonly notes?: readonly string[];
}

/** True when any diagnostic in the list is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
