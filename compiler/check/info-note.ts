/**
 * Note-severity diagnostics for checks. `CheckContext` builds errors and warnings; a note
 * ("validated; not part of the compiled operator") is a warning's twin with severity `note`,
 * printed but never failing validation.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { DocPath } from '../load/yaml-document.ts';
import type { CheckContext } from './check.ts';

/** A note positioned on the key at `at` (falls back to the nearest existing node). */
export function noteAtKey(ctx: CheckContext, at: DocPath, message: string, hint: string): Diagnostic {
  const d = ctx.errorAtKey(at, message, hint);
  return { ...d, severity: 'note' };
}
