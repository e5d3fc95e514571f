/**
 * Parts of a Katalog that pass validation but that the generated operator does not act on yet:
 * each present one is a warning (ORK046) from `ork generate`/`build`/`up`, so nobody believes a
 * feature works that ork does not compile. docs/differences.md keeps the same list.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { valueAt, type DocPath, type YamlDocument } from '../load/yaml-document.ts';
import { conditionListsIn } from '../check/data-walk.ts';
import type { CrdModel, KatalogModel } from '../model/katalog-model.ts';

/** The not-yet-compiled parts: a path under a CRD entry and what it is. */
const PARTS: ReadonlyArray<{ readonly at: DocPath; readonly what: string }> = [
  { at: ['validation'], what: 'reconcile-time validation rules' },
  { at: ['admission', 'validation'], what: 'reconcile-time validation rules' },
  { at: ['operatorBox', 'preReconcile'], what: 'pre-reconcile gates and sentinels' },
  { at: ['operatorBox', 'cross'], what: 'cross reads of sibling CRs' },
  { at: ['operatorBox', 'observe'], what: 'observe.watch / observe.events' },
  { at: ['operatorBox', 'watch'], what: 'extra watches' },
  { at: ['operatorBox', 'reconciler', 'queue', 'behaviour'], what: 'queue.behaviour' },
  { at: ['operatorBox', 'reconcile', 'queue', 'behaviour'], what: 'queue.behaviour' },
];

/**
 * The condition lists the reconciler emitter compiles (reconciler-module.ts): the gates of
 * onCreate/onReconcile blocks and of their declarations, and of status fields. A `notify:`
 * anywhere else (validation rules, pre-reconcile gates, onDelete) is not acted on.
 */
function compiledConditionLists(crd: CrdModel): Set<string> {
  const lists: DocPath[] = [];
  for (const block of crd.box.hooks.filter((b) => b.phase !== 'onDelete')) {
    lists.push(block.at, ...block.resources.map((d) => d.at));
  }
  const st = crd.box.status;
  (st?.raw.fields ?? []).forEach((_f, i) => lists.push([...st!.at, 'fields', i]));
  return new Set(lists.flatMap((at) => [[...at, 'when'].join('.'), [...at, 'or'].join('.')]));
}

/** Warnings for every not-yet-compiled part present in the enabled CRD entries (and notify blocks outside compiled gates). */
export function notCompiledWarnings(model: KatalogModel, doc: YamlDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  const warn = (path: DocPath, what: string): void => {
    out.push({
      severity: 'warning',
      code: 'ORK046',
      message: `${what}: validated, but not compiled into the operator yet`,
      position: doc.locateKey(path),
      path: path.join('.'),
      hint: 'the operator runs without it; see docs/differences.md',
    });
  };
  for (const crd of model.crds.filter((c) => c.enabled)) {
    for (const p of PARTS) if (valueAt(crd.raw, p.at) !== undefined) warn([...crd.at, ...p.at], p.what);
    const compiled = compiledConditionLists(crd);
    const notify = conditionListsIn(crd.raw, crd.at)
      .filter((l) => !compiled.has(l.at.join('.')))
      .flatMap((l) => l.conditions.map((c, i) => ({ c, at: [...l.at, i] })))
      .find(({ c }) => c.notify !== undefined);
    if (notify) warn([...notify.at, 'notify'], 'a `notify:` outside onCreate/onReconcile and status-field gates');
  }
  return out;
}
