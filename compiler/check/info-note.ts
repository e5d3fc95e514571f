/**
 * Diagnostics `CheckContext` does not build directly: notes ("validated; not part of the
 * compiled operator"), printed but never failing validation, and warnings positioned on a key.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { DocPath } from '../load/yaml-document.ts';
import type { CheckContext } from './check.ts';

/** A warning positioned on the key at `at` (CheckContext's warning points at the value). */
export function warningAtKey(ctx: CheckContext, at: DocPath, message: string, hint: string): Diagnostic {
  const d = ctx.errorAtKey(at, message, hint);
  return { ...d, severity: 'warning' };
}

/** A note positioned on the key at `at` (falls back to the nearest existing node). */
export function noteAtKey(ctx: CheckContext, at: DocPath, message: string, hint: string): Diagnostic {
  const d = ctx.errorAtKey(at, message, hint);
  return { ...d, severity: 'note' };
}
