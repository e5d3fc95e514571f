/**
 * `operatorBox.preReconcile`: sentinels and the two gates (Orkestra `PreReconcileConfig`,
 * `GateConditions`).
 */
import { type Static } from '@sinclair/typebox';
import { Obj, Opt, Bool, StrList, Str } from './scalars.ts';
import { gateKeys } from './conditions.ts';
import { ExternalCallList } from './external.ts';

/** Sentinel names documented by Orkestra (its list has a few more). */
export const KNOWN_SENTINELS = [
  'generationChanged', 'labelsChanged', 'annotationsChanged', 'deletionStarted',
  'finalizersChanged', 'namespaceChanged', 'uidChanged', 'ownerReferenceChanged',
] as const;

const GateSchema = (where: string, extra: string) => Obj(`${where}. ${extra}`, {
  external: Opt(ExternalCallList('Gate-specific HTTP calls (not supported by ork).')),
  sentinels: Opt(StrList('Shorthand: passes when any of these sentinels is true (subset of preReconcile.sentinels).')),
  eventAware: Opt(Bool('reconcileGate only: evaluate every event separately (no queue coalescing).')),
  ...gateKeys('the gate to pass'),
  failPolicy: Opt(Str('When the gate cannot be evaluated: open (default, pass) or closed (hold).')),
});

export const PreReconcileSchema = Obj('Gates evaluated before a CR is enqueued and before it is reconciled.', {
  external: Opt(ExternalCallList('HTTP calls shared by both gates (not supported by ork).')),
  sentinels: Opt(StrList(`Event-time values usable in gates, e.g. ${KNOWN_SENTINELS.join(', ')}.`)),
  enqueueGate: Opt(GateSchema('Evaluated by the informer before enqueue', 'Failing drops the event silently.')),
  reconcileGate: Opt(GateSchema('Evaluated after dequeue, before reconcile', 'Failing discards the item and marks the CRD gated.')),
});
export type RawPreReconcile = Static<typeof PreReconcileSchema>;

