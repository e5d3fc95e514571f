/**
 * The contract of one validation check. Checks run in a fixed order (Orkestra's validator
 * order first, then ork's own; see `registry.ts` and docs/checks.md); each has a stable code
 * and returns diagnostics as data. A check reads the normalized model and never throws for
 * bad input.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { KatalogModel } from '../model/katalog-model.ts';
import type { DocPath, YamlDocument } from '../load/yaml-document.ts';

/** What every check gets: the model and a way to build positioned diagnostics. */
export interface CheckContext {
  readonly model: KatalogModel;
  readonly doc: YamlDocument;
  /** An error at the value found at `at` (a path in the Katalog document). */
  error(at: DocPath, message: string, hint: string, notes?: readonly string[]): Diagnostic;
  /** The same, positioned on the key rather than the value. */
  errorAtKey(at: DocPath, message: string, hint: string, notes?: readonly string[]): Diagnostic;
  /** A warning (printed, does not fail validation). */
  warning(at: DocPath, message: string, hint: string): Diagnostic;
}

/** One step of the validation boundary. */
export interface Check {
  /** Stable code, `ORK0nn`. */
  readonly code: string;
  /** What it checks, a few words (shown by `ork validate --output json` and in docs). */
  readonly title: string;
  /** Orkestra's validator step it corresponds to (`5 validateDependsOn`), or `ork` for ork's own. */
  readonly orkestraStep: string;
  /** Runs the check; returns every problem of this kind it finds. */
  run(ctx: CheckContext): Diagnostic[];
}

/** Builds a context whose diagnostics carry `code`. */
export function contextFor(model: KatalogModel, doc: YamlDocument, code: string): CheckContext {
  const make = (severity: Diagnostic['severity'], key: boolean) =>
    (at: DocPath, message: string, hint: string, notes?: readonly string[]): Diagnostic => ({
      severity,
      code,
      message,
      position: key ? doc.locateKey(at) : doc.locate(at),
      path: at.join('.'),
      hint,
      ...(notes && notes.length > 0 ? { notes } : {}),
    });
  return { model, doc, error: make('error', false), errorAtKey: make('error', true), warning: make('warning', false) };
}
