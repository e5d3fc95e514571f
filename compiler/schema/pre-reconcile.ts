/**
 * `operatorBox.preReconcile`: sentinels and the two gates (Orkestra `PreReconcileConfig`,
 * `GateConditions`). The gate shape is shared with `observe` watch/event entries.
 */
import { type Static } from '@sinclair/typebox';
import { Obj, Opt, Bool, StrList, Str } from './scalars.ts';
import { gateKeys } from './conditions.ts';
import { ExternalCallList } from './external.ts';
import { Def, Ref } from './definitions.ts';

/** Sentinel names documented by Orkestra (its list has a few more). */
export const KNOWN_SENTINELS = [
  'generationChanged', 'labelsChanged', 'annotationsChanged', 'deletionStarted',
  'finalizersChanged', 'namespaceChanged', 'uidChanged', 'ownerReferenceChanged',
] as const;

/** A gate: sentinels shorthand, conditions, and (refused) external calls. */
export const GateSchema = Def('Gate', Obj('A gate: passes when its sentinels shorthand or its when/or conditions pass.', {
  external: Opt(ExternalCallList('Gate-specific HTTP calls (not supported by ork).')),
  sentinels: Opt(StrList('Shorthand: passes when any of these sentinels is true (subset of preReconcile.sentinels).')),
  eventAware: Opt(Bool('reconcileGate only: evaluate every event separately (no queue coalescing).')),
  ...gateKeys('the gate to pass'),
  failPolicy: Opt(Str('When the gate cannot be evaluated: open (default, pass) or closed (hold).')),
}));

export const PreReconcileSchema = Obj('Gates evaluated before a CR is enqueued (enqueueGate: failing drops the event) and before it is reconciled (reconcileGate: failing discards the item, CRD marked gated).', {
  external: Opt(ExternalCallList('HTTP calls shared by both gates (not supported by ork).')),
  sentinels: Opt(StrList(`Event-time values usable in gates, e.g. ${KNOWN_SENTINELS.join(', ')}.`)),
  enqueueGate: Opt(Ref(GateSchema)),
  reconcileGate: Opt(Ref(GateSchema)),
});
export type RawPreReconcile = Static<typeof PreReconcileSchema>;
export type RawGate = Static<typeof GateSchema>;
