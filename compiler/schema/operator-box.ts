/**
 * `operatorBox`: what the operator does for one CRD (Orkestra `types_operatorbox.go`
 * `OperatorBoxConfig`). Both layouts are known here:
 * - classic: `reconciler`, `onCreate`/`onReconcile`/`onDelete`, `status`, `observe` directly here;
 * - newest: `reconcile` (may hold the templates), `emit.status`.
 * Mixing both spellings of the same thing is refused by a check, not by the schema.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Obj, Opt, Bool, StrList, MapOf, AnyMap } from './scalars.ts';
import { gateKeys } from './conditions.ts';
import { ReconcilerSchema, ReconcileSchema } from './reconciler.ts';
import { PreReconcileSchema } from './pre-reconcile.ts';
import { HookTemplatesSchema } from './hook-templates.ts';
import { StatusSchema } from './status.ts';
import { CrossListSchema } from './cross.ts';
import { ObserveSchema, WatchListSchema } from './observe.ts';
import { AutoscaleSchema } from './autoscale.ts';
import { RollbackSchema } from './rollback.ts';
import { Def, Ref } from './definitions.ts';

export const EmitSchema = Obj('What the operator writes back (newest layout).', {
  status: Opt(Ref(StatusSchema)),
});

export const RuntimeBlockSchema = Obj('Runtime tuning of the operatorBox (newest layout).', {
  autoscale: Opt(AutoscaleSchema),
});

export const OperatorBoxSchema = Def('OperatorBox', Obj('What the operator does for this CRD: reconciler, templates, status, gates.', {
  reconciler: Opt(ReconcilerSchema),
  reconcile: Opt(ReconcileSchema),
  preReconcile: Opt(PreReconcileSchema),
  finalizers: Opt(StrList('Finalizers added to every CR of this CRD (overrides spec.finalizers).')),
  onCreate: Opt(Ref(HookTemplatesSchema)),
  onReconcile: Opt(Ref(HookTemplatesSchema)),
  onDelete: Opt(Ref(HookTemplatesSchema)),
  status: Opt(Ref(StatusSchema)),
  emit: Opt(EmitSchema),
  providers: Opt(MapOf(Type.Array(AnyMap('One provider resource declaration.')), 'Provider blocks by provider name, e.g. aws: [...] (not supported by ork).')),
  cross: Opt(CrossListSchema),
  observe: Opt(ObserveSchema),
  watch: Opt(WatchListSchema),
  autoscale: Opt(AutoscaleSchema),
  runtime: Opt(RuntimeBlockSchema),
  rollback: Opt(RollbackSchema),
  rollBackOnError: Opt(Bool('Roll back to the previous spec after repeated failures (unfinished upstream; not supported by ork).')),
  ...gateKeys('the box'),
}));
export type RawOperatorBox = Static<typeof OperatorBoxSchema>;
