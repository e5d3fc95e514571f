/**
 * The reconciler block: `operatorBox.reconciler` (classic) or `operatorBox.reconcile` (newest,
 * which may also hold onCreate/onReconcile/onDelete). Orkestra `types_operatorbox.go`
 * `ReconcilerConfig`, `HookDeclaration`, `ConstructorDeclaration`.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Obj, Opt, Str, Bool, Int, Duration, AnyMap } from './scalars.ts';
import { ExternalCallList } from './external.ts';
import { QueueSchema, RequeueSchema } from './queue.ts';
import { HookTemplatesSchema } from './hook-templates.ts';
import { ManagedResourceSchema } from './managed-resource.ts';
import { MotifImportSchema } from './crd-extras.ts';
import { Ref } from './definitions.ts';

const goCodeKeys = (what: string) => ({
  location: Str(`Go import path of the ${what}.`),
  version: Opt(Str('Module version to pin.')),
  fetch: Opt(Bool('go get the module at generate time.')),
  function: Str('Exported Go function name.'),
  alias: Opt(Str('Go import alias.')),
  managedResources: Opt(Type.Array(ManagedResourceSchema, { description: 'Types the Go code manages.' })),
  resources: Opt(Type.Array(ManagedResourceSchema, { description: 'Renamed in Orkestra v0.7.16: use `managedResources`.' })),
  args: Opt(AnyMap('Arguments passed to the Go code (string values are templates).')),
});

export const HookDeclarationSchema = Obj('Go reconcile hooks (not supported by ork: Go code, not data).', {
  ...goCodeKeys('hooks'),
  runHooksFirst: Opt(Bool('Run the hook before the declarative templates.')),
  external: Opt(ExternalCallList('HTTP calls before the hook (not supported by ork).')),
});

export const ConstructorDeclarationSchema = Obj('Custom Go reconciler constructor for default: false (not supported by ork).', goCodeKeys('constructor'));

/** Keys shared by both spellings of the reconciler block. */
function reconcilerKeys() {
  return {
    default: Opt(Bool('true (default) = the generic declarative reconciler; false = a custom Go constructor (not supported by ork).')),
    hooks: Opt(HookDeclarationSchema),
    constructor: Opt(ConstructorDeclarationSchema),
    remote: Opt(AnyMap('Remote HTTP reconciler (not supported by ork).')),
    profile: Opt(Str('Tuning preset: high-throughput, conservative, development, or a profiles.reconciler name.')),
    workers: Opt(Int('Concurrent reconciles of this CRD, 1-50 (default 3).')),
    resync: Opt(Duration('Informer resync period, default 30s')),
    queue: Opt(QueueSchema),
    requeue: Opt(RequeueSchema),
    include: Opt(Str('Path of a YAML file whose reconciler: block is merged under this one (inline wins).')),
  };
}

export const ReconcilerSchema = Obj('Which reconciler runs and how it is tuned (classic spelling `reconciler`).', reconcilerKeys());
export type RawReconciler = Static<typeof ReconcilerSchema>;

export const ReconcileSchema = Obj('Which reconciler runs, how it is tuned, and (optionally) its templates (newest spelling `reconcile`).', {
  ...reconcilerKeys(),
  onCreate: Opt(Ref(HookTemplatesSchema)),
  onReconcile: Opt(Ref(HookTemplatesSchema)),
  onDelete: Opt(Ref(HookTemplatesSchema)),
  imports: Opt(Type.Array(MotifImportSchema, { description: 'Motif imports merged into the templates at load (not supported by ork).' })),
});
export type RawReconcile = Static<typeof ReconcileSchema>;
