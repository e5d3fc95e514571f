/**
 * Runs the checks in order. Like Orkestra's validator it stops at the first step that
 * reports an error, but within a step it reports every instance it finds (all unknown
 * CRD references, say, not just the first). Warnings never stop the run.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { KatalogModel } from '../model/katalog-model.ts';
import type { YamlDocument } from '../load/yaml-document.ts';
import { contextFor, type Check } from './check.ts';

/** Outcome of running the checks. */
export interface CheckRun {
  readonly diagnostics: readonly Diagnostic[];
  /** Codes of the checks that ran, in order (the failing one last when one failed). */
  readonly ran: readonly string[];
}

/** Runs `checks` in order over `model`, stopping after the first step with an error. */
export function runChecks(checks: readonly Check[], model: KatalogModel, doc: YamlDocument): CheckRun {
  const diagnostics: Diagnostic[] = [];
  const ran: string[] = [];
  for (const check of checks) {
    ran.push(check.code);
    const found = check.run(contextFor(model, doc, check.code));
    diagnostics.push(...found);
    if (found.some((d) => d.severity === 'error')) break;
  }
  return { diagnostics, ran };
}
