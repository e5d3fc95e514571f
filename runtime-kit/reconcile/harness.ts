/**
 * The reconcile harness: one CR key in, the cluster moved toward the CR's desired state.
 *
 *   read CR → deleting? run deletion stages, release finalizers
 *           → add missing finalizers → desired = generated reconciler(CR)
 *           → apply the Katalog's CR `labels` when one is missing or differs (cr-labels.ts)
 *           → create / server-side apply children that differ (ownerReferences set)
 *           → delete owned children whose gate is off, or no longer declared
 *           → patch status (conditions, observedGeneration, fields) only if it changed
 *             (Degraded when the CR's values break a template, or render a child with an
 *             impossible name or one the API server rejects with 400/422: reason InvalidChild)
 *           → Events
 *
 * A reconcile that finds everything as desired writes nothing. Errors are returned, never
 * thrown, so the worker can back off (see result.ts).
 */
import type { Clock } from '../clock.ts';
import type { Logger } from '../log/logger.ts';
import { BadRequestError, InvalidError, isNotFound } from '../client/errors.ts';
import type { Desired, DesiredChild, KubeObjectLike, ObjectRef, ReconcileFn } from './desired.ts';
import type { ApiWriter, EventSink, KindInfo, LiveReader } from './ports.ts';
import { refOf } from './ports.ts';
import { isSubset } from './subset.ts';
import { nextStatus } from './status.ts';
import { DONE, type ReconcileResult } from './result.ts';
import { declaredBy, withOwnership } from './ownership.ts';
import { checkChildName, InvalidChildError } from './child-name.ts';
import { ensureCrLabels } from './cr-labels.ts';

/** Everything the harness of one CRD needs. */
export interface HarnessOptions {
  /** The CRD's kind; `kinds` must include it and every child kind. */
  readonly crdKind: KindInfo;
  readonly kinds: readonly KindInfo[];
  readonly reconcile: ReconcileFn;
  readonly api: ApiWriter;
  readonly live: LiveReader;
  readonly events: EventSink;
  /** Finalizers every CR of this CRD carries (the system finalizer included). */
  readonly finalizers: readonly string[];
  /** `ignoreStatusPatch`: never write status. */
  readonly skipStatus?: boolean;
  readonly fieldManager: string;
  readonly clock: Clock;
  readonly log: Logger;
  /** Operator facts for `.ork`. */
  readonly ork?: Readonly<Record<string, unknown>>;
}

/** How long a deletion stage is polled between checks. */
export const DELETION_POLL_MS = 2_000;

/** A reconcile function for `namespace/name` keys of one CRD. */
export function createHarness(opts: HarnessOptions): (namespace: string | undefined, name: string) => Promise<ReconcileResult> {
  return async (namespace, name) => {
    try {
      const cr = await opts.live.get({ apiVersion: opts.crdKind.apiVersion, kind: opts.crdKind.kind, name, ...(namespace ? { namespace } : {}) });
      if (!cr) return DONE;
      if (cr.metadata.deletionTimestamp) return await finalize(opts, cr);
      return await reconcileLive(opts, cr);
    } catch (err) {
      return { kind: 'error', error: err instanceof Error ? err : new Error(String(err)) };
    }
  };
}

async function reconcileLive(opts: HarnessOptions, cr: KubeObjectLike): Promise<ReconcileResult> {
  await ensureFinalizers(opts, cr);
  const owned = await opts.live.ownedBy(cr.metadata.uid ?? '', cr.metadata.namespace, opts.kinds.filter((k) => k !== opts.crdKind));
  const children = childrenByKind(owned);
  let desired: Desired;
  try {
    desired = opts.reconcile(cr, { children, ork: opts.ork ?? {} });
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    await writeStatus(opts, cr, { ok: false, reason: 'TemplateError', message: e.message }, {});
    opts.events.emit(cr, 'Warning', 'TemplateError', e.message);
    return { kind: 'error', error: e };
  }
  let changed = 0;
  try {
    await ensureCrLabels(opts, cr, desired.crLabels);
    for (const child of desired.children) changed += await writeChild(opts, cr, child);
    changed += await prune(opts, cr, desired, owned);
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    // 400/422: the API server refuses the object these values render to — bad input, like a template error
    const reason = err instanceof InvalidChildError || err instanceof InvalidError || err instanceof BadRequestError ? 'InvalidChild' : 'ReconcileError';
    await writeStatus(opts, cr, { ok: false, reason, message: e.message }, {});
    opts.events.emit(cr, 'Warning', reason, e.message);
    return { kind: 'error', error: e };
  }
  await writeStatus(opts, cr, { ok: true, reason: 'ReconcileSucceeded', message: '' }, desired.statusFields);
  if (changed > 0) opts.events.emit(cr, 'Normal', 'Reconciled', `applied ${changed} change${changed === 1 ? '' : 's'} to children`);
  return desired.requeueAfterMs > 0 ? { kind: 'requeue', afterMs: desired.requeueAfterMs, reason: 'requeue.after' } : DONE;
}

/** Creates or applies one child when it is absent or differs; returns 1 when it wrote. */
async function writeChild(opts: HarnessOptions, cr: KubeObjectLike, child: DesiredChild): Promise<number> {
  const object = withOwnership(child.object, cr, child.declaredAt);
  checkChildName(object.kind, object.metadata.name);
  const ref = { apiVersion: object.apiVersion, kind: object.kind, name: object.metadata.name, ...(object.metadata.namespace ? { namespace: object.metadata.namespace } : {}) };
  const live = await opts.live.get(ref);
  if (child.mode === 'create') {
    if (live) return 0;
    await opts.api.create(collectionRef(opts, ref), object);
    opts.log.info('child created', { child: `${object.kind}/${object.metadata.name}`, declaredAt: child.declaredAt });
    return 1;
  }
  if (live && isSubset(object, live)) return 0;
  await opts.api.apply(refOf(opts.kinds, ref), object, { fieldManager: opts.fieldManager, force: child.force });
  opts.log.info(live ? 'child drift corrected' : 'child applied', { child: `${object.kind}/${object.metadata.name}`, declaredAt: child.declaredAt });
  return 1;
}

function collectionRef(opts: HarnessOptions, ref: ObjectRef) {
  const { name: _name, ...collection } = refOf(opts.kinds, ref);
  return collection;
}

/** Deletes owned children that are gated off or no longer declared by any declaration. */
async function prune(opts: HarnessOptions, cr: KubeObjectLike, desired: Desired, owned: readonly KubeObjectLike[]): Promise<number> {
  const wanted = new Set(desired.children.map((c) => keyOf(c.object)));
  const gated = new Set(desired.gatedOff.map(keyOf));
  let deleted = 0;
  for (const o of owned) {
    const k = keyOf(o);
    if (wanted.has(k)) continue;
    const stale = gated.has(k) || declaredBy(o) !== undefined;
    if (!stale) continue;
    try {
      await opts.api.delete(refOf(opts.kinds, toRef(o)), { propagationPolicy: 'Background' });
      deleted++;
      opts.log.info('child pruned', { child: `${o.kind}/${o.metadata.name}`, cr: cr.metadata.name });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }
  return deleted;
}

async function ensureFinalizers(opts: HarnessOptions, cr: KubeObjectLike): Promise<void> {
  const have = cr.metadata.finalizers ?? [];
  const missing = opts.finalizers.filter((f) => !have.includes(f));
  if (missing.length === 0) return;
  await opts.api.mergePatch(refOf(opts.kinds, toRef(cr)), { metadata: { finalizers: [...have, ...missing], resourceVersion: cr.metadata.resourceVersion } });
  opts.events.emit(cr, 'Normal', 'FinalizerAdded', `added ${missing.join(', ')}`);
}

/** Deletion: run the stages (waiting by requeue, never by sleeping), then release our finalizers. */
async function finalize(opts: HarnessOptions, cr: KubeObjectLike): Promise<ReconcileResult> {
  const have = cr.metadata.finalizers ?? [];
  if (!opts.finalizers.some((f) => have.includes(f))) return DONE;
  let desired: Desired | undefined;
  try {
    desired = opts.reconcile(cr, { children: {}, ork: opts.ork ?? {} });
  } catch {
    desired = undefined; // a CR whose templates cannot render still gets its finalizers released
  }
  const stages = desired?.deletionStages ?? [];
  for (let i = 0; i < stages.length; i++) {
    const present: ObjectRef[] = [];
    for (const ref of stages[i] ?? []) if (await opts.live.get(ref)) present.push(ref);
    if (present.length === 0) continue;
    for (const ref of present) {
      try {
        await opts.api.delete(refOf(opts.kinds, ref), { propagationPolicy: 'Foreground' });
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    }
    return { kind: 'requeue', afterMs: DELETION_POLL_MS, reason: `waiting for deletion stage ${i + 1} of ${stages.length}: ${present.map((r) => `${r.kind}/${r.name}`).join(', ')}` };
  }
  await opts.api.mergePatch(refOf(opts.kinds, toRef(cr)), { metadata: { finalizers: have.filter((f) => !opts.finalizers.includes(f)), resourceVersion: cr.metadata.resourceVersion } });
  opts.events.emit(cr, 'Normal', 'Deleted', `released finalizers after ${stages.length} deletion stage${stages.length === 1 ? '' : 's'}`);
  return DONE;
}

async function writeStatus(opts: HarnessOptions, cr: KubeObjectLike, outcome: { ok: boolean; reason: string; message: string }, fields: Readonly<Record<string, unknown>>): Promise<void> {
  if (opts.skipStatus) return;
  const next = nextStatus(cr, outcome, fields, new Date(opts.clock.now()).toISOString().replace(/\.\d+Z$/, 'Z'));
  if (!next) return;
  try {
    await opts.api.mergePatch(refOf(opts.kinds, toRef(cr), 'status'), { status: next });
  } catch (err) {
    if (isNotFound(err)) return; // no status subresource, or the CR is gone
    throw err;
  }
}

function childrenByKind(owned: readonly KubeObjectLike[]): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const o of owned) out[o.kind.toLowerCase()] ??= o;
  return out;
}

function toRef(o: KubeObjectLike): ObjectRef {
  return { apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name, ...(o.metadata.namespace ? { namespace: o.metadata.namespace } : {}) };
}

function keyOf(o: ObjectRef | KubeObjectLike): string {
  const r = 'metadata' in o ? toRef(o) : o;
  return `${r.apiVersion}|${r.kind}|${r.namespace ?? ''}|${r.name}`;
}
