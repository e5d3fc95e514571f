/**
 * The validation boundary every cluster-bound command goes through: load (strict YAML,
 * schema, referenced files) → normalize → the ordered checks. Returns data; the CLI prints.
 */
import type { Diagnostic } from './diagnostics/diagnostic.ts';
import { hasErrors } from './diagnostics/diagnostic.ts';
import { loadKatalog } from './load/load-katalog.ts';
import { classicLayoutNotes } from './load/layouts.ts';
import { normalize } from './model/normalize.ts';
import type { KatalogModel } from './model/katalog-model.ts';
import { runChecks } from './check/run-checks.ts';
import { CHECKS } from './check/registry.ts';

/** The outcome of validating one Katalog file. */
export interface Validation {
  /** The model, present only when there is no error. */
  readonly model?: KatalogModel;
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: ReadonlyMap<string, string>;
  /** Codes of the checks that ran (empty when loading failed). */
  readonly checksRan: readonly string[];
}

/** Validates `file`: never throws for bad input. */
export function validateKatalog(file: string): Validation {
  const loaded = loadKatalog(file);
  if (!loaded.katalog) return { diagnostics: loaded.diagnostics, sources: loaded.sources, checksRan: [] };
  const model = normalize(loaded.katalog);
  const run = runChecks(CHECKS, model, loaded.katalog.doc);
  const diagnostics = [...run.diagnostics, ...classicLayoutNotes(loaded.katalog.doc)];
  return {
    ...(hasErrors(diagnostics) ? {} : { model }),
    diagnostics,
    sources: loaded.sources,
    checksRan: run.ran,
  };
}
