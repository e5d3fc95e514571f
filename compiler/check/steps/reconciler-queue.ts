/**
 * ORK015: reconciler mode and queue consistency (Orkestra step 6): `mode` is typed or
 * dynamic, Go hooks and a constructor are not both declared, `queue.type` is known,
 * `queue.behaviour` needs `maxDepth > 0`, `onThreshold.value` is required (1–100) and
 * `onLimit.value` is not allowed, ordered-deletion group names are unique.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { Check, CheckContext } from '../check.ts';
import type { CrdModel } from '../../model/katalog-model.ts';
import { enabledCrds } from '../walk.ts';

export const reconcilerQueue: Check = {
  code: 'ORK015',
  title: 'reconciler mode and queue settings',
  orkestraStep: '6 validateReconciler (validateReconcilerMode + validateQueue)',
  run(ctx) {
    return enabledCrds(ctx.model).flatMap((crd) => [...modeChecks(ctx, crd), ...queueChecks(ctx, crd), ...groupNames(ctx, crd)]);
  },
};

function modeChecks(ctx: CheckContext, crd: CrdModel): Diagnostic[] {
  const out: Diagnostic[] = [];
  const mode = crd.raw.mode;
  if (mode !== undefined && mode !== 'typed' && mode !== 'dynamic') {
    out.push(ctx.error([...crd.at, 'mode'], `reconciler mode \`${mode}\` is not supported`, 'use "dynamic" (declarative templates) or drop `mode`'));
  }
  const r = crd.box.reconciler;
  if (r?.raw.hooks && r.raw.constructor) {
    out.push(ctx.errorAtKey([...r.at, 'constructor'], 'cannot declare both `hooks` and `constructor`', 'choose one'));
  }
  return out;
}

function queueChecks(ctx: CheckContext, crd: CrdModel): Diagnostic[] {
  const r = crd.box.reconciler;
  const q = r?.raw.queue;
  if (!r || !q) return [];
  const at = [...r.at, 'queue'];
  const out: Diagnostic[] = [];
  if (q.type !== undefined) {
    const t = q.type.replace(/[-/\s]/g, '').toLowerCase();
    if (t !== 'ratelimited' && t !== 'delayed') out.push(ctx.error([...at, 'type'], `queue.type \`${q.type}\` is not known`, 'use `ratelimited` (default) or `delayed`'));
  }
  for (const k of ['maxDepth', 'failureThreshold'] as const) {
    const v = q[k];
    if (v !== undefined && v < 0) out.push(ctx.error([...at, k], `queue.${k} must be 0 or more, got ${v}`, `use 0 for the default`));
  }
  const b = q.behaviour;
  if (b && (q.maxDepth ?? 0) === 0) {
    out.push(ctx.errorAtKey([...at, 'behaviour'], "(unlimited queue - maxDepth = 0): 'queue.behaviour' is only valid when 'queue.maxDepth' is greater than 0", 'set `maxDepth:` to a positive number, or remove `behaviour:`'));
  }
  if (b?.onLimit?.value !== undefined) {
    out.push(ctx.errorAtKey([...at, 'behaviour', 'onLimit', 'value'], "'value' is not allowed in onLimit (the limit is maxDepth)", 'remove `value:` from onLimit'));
  }
  if (b?.onThreshold) {
    const v = b.onThreshold.value;
    if (v === undefined) out.push(ctx.errorAtKey([...at, 'behaviour', 'onThreshold'], "'value' is required in onThreshold (e.g. 70)", 'add `value:` — the queue fullness percentage, 1–100'));
    else if (v < 1 || v > 100) out.push(ctx.error([...at, 'behaviour', 'onThreshold', 'value'], `onThreshold.value must be 1–100, got ${v}`, 'use a percentage between 1 and 100'));
    if (b.onThreshold.drop === false) out.push(ctx.warning([...at, 'behaviour', 'onThreshold', 'drop'], 'onThreshold.drop: false is treated as true (as in Orkestra)', 'remove `drop: false`'));
  }
  return out;
}

function groupNames(ctx: CheckContext, crd: CrdModel): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const block of crd.box.hooks) {
    const seen = new Set<string>();
    for (const g of block.groups) {
      const name = g.raw.name;
      if (name === undefined) continue;
      if (seen.has(name)) out.push(ctx.error([...g.at, 'name'], `onDelete group name \`${name}\` is used twice`, 'give each ordered-deletion group its own name'));
      seen.add(name);
    }
  }
  return out;
}
