/**
 * Parts of a Katalog that pass validation but that the generated operator does not act on yet:
 * each present one is a warning (ORK046) from `ork generate`/`build`/`up`, so nobody believes a
 * feature works that ork does not compile. docs/differences.md keeps the same list.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { valueAt, type DocPath, type YamlDocument } from '../load/yaml-document.ts';
import { conditionListsIn } from '../check/data-walk.ts';
import type { CrdModel, HookBlockModel, KatalogModel } from '../model/katalog-model.ts';
import { RUNTIME_IO_KEYS, runtimeIoKeys } from '../../runtime-kit/children/runtime-io.ts';

/** The not-yet-compiled parts: a path under a CRD entry and what it is. */
const PARTS: ReadonlyArray<{ readonly at: DocPath; readonly what: string }> = [
  { at: ['endpoints'], what: 'per-CRD HTTP endpoint switches (every /katalog route is served)' },
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

/** Every child declaration of the blocks with its block's phase, deletion groups included. */
function declarations(blocks: readonly HookBlockModel[]): Array<{ readonly phase: HookBlockModel['phase']; readonly d: HookBlockModel['resources'][number] }> {
  return blocks.flatMap((b) => [...b.resources.map((d) => ({ phase: b.phase, d })), ...declarations(b.groups)]);
}

/**
 * Runtime keys the operator does not act on (runtime-kit/children/runtime-io.ts). `once` is
 * honoured under onCreate, whose children are created when absent and never updated.
 */
function ignoredRuntimeKeys(phase: HookBlockModel['phase'], listKey: string, raw: unknown): string[] {
  return runtimeIoKeys(listKey, raw).filter((k) => !(k === 'once' && phase === 'onCreate'));
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
    for (const { phase, d } of declarations(crd.box.hooks)) {
      const table: Readonly<Record<string, string>> = RUNTIME_IO_KEYS[d.listKey as keyof typeof RUNTIME_IO_KEYS] ?? {};
      for (const key of ignoredRuntimeKeys(phase, d.listKey, d.raw)) warn([...d.at, ...key.split('.')], `\`${key}\` of ${d.listKey} (${table[key]})`);
    }
    const compiled = compiledConditionLists(crd);
    const notify = conditionListsIn(crd.raw, crd.at)
      .filter((l) => !compiled.has(l.at.join('.')))
      .flatMap((l) => l.conditions.map((c, i) => ({ c, at: [...l.at, i] })))
      .find(({ c }) => c.notify !== undefined);
    if (notify) warn([...notify.at, 'notify'], 'a `notify:` outside onCreate/onReconcile and status-field gates');
  }
  return out;
}
