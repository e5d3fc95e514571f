/**
 * One entry of `spec.crds` (Orkestra `types_crd_entry.go` `CRDEntry`); the map key is the CRD
 * name. Gateway-side blocks (conversion, admission webhooks, serve, deletion protection) are known
 * and validated for shape; ork's operator ignores them.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Obj, Opt, Str, Bool, Int, StrList, StringMap } from './scalars.ts';
import { ApiTypesSchema } from './api-types.ts';
import { DependsOnSchema } from './depends-on.ts';
import { OperatorBoxSchema } from './operator-box.ts';
import { ValidationSchema, MutationSchema, AdmissionSchema, AdmissionWebhooksSchema } from './admission.ts';
import {
  SetupSchema, EnrichSchema, ConversionSchema, NormalizeSchema, DeletionProtectionOverrideSchema, MotifImportSchema,
} from './crd-extras.ts';
import { ServeSchema } from './serve.ts';
import { Def, Ref } from './definitions.ts';

export const EndpointsSchema = Obj('Per-CRD HTTP endpoints of the operator (all default true).', {
  enabled: Opt(Bool('false disables every endpoint of this CRD.')),
  health: Opt(Bool('Serve /katalog/<crd>/health.')),
  info: Opt(Bool('Serve /katalog/<crd>.')),
});

export const CrdEntrySchema = Def('CrdEntry', Obj('One CRD managed by this Katalog; the map key is its name (lowercase RFC 1123).', {
  enabled: Opt(Bool('false = skip this CRD entirely (default true; strip finalizers from live CRs first).')),
  description: Opt(Str('Human description, shown in /katalog.')),
  mode: Opt(Str('typed or dynamic; typed needs Go types (not supported by ork).')),
  apiTypes: Opt(ApiTypesSchema),
  crdFile: Opt(Str('Path (relative to the Katalog) of the CRD YAML; its OpenAPI schema types the CR and the templates.')),
  crFiles: Opt(StrList('CR YAML files applied after the CRD in development runs.')),
  setup: Opt(SetupSchema),
  namespaced: Opt(Bool('Namespace-scoped (default true) or cluster-scoped.')),
  namespace: Opt(Str('Watch only this namespace (default: all).')),
  workersActive: Opt(Int('Runtime record of active workers (not meant to be written).')),
  dependsOn: Opt(DependsOnSchema),
  enrichAll: Opt(Bool('Enrich every supported child type (exclusive with enrich).')),
  enrich: Opt(EnrichSchema),
  operatorBox: Opt(Ref(OperatorBoxSchema)),
  labels: Opt(StringMap('Labels written onto every CR of this CRD (static keys, template values).')),
  labelSelector: Opt(StringMap('Reconcile only objects with these labels (required for built-in kinds).')),
  fieldSelector: Opt(StringMap('Server-side field selector, e.g. metadata.namespace: default.')),
  ignoreStatusPatch: Opt(Bool('Never patch the status of these objects.')),
  ignoreObservedGeneration: Opt(Bool('Skip the observedGeneration idempotency check.')),
  endpoints: Opt(EndpointsSchema),
  restrictedNamespaces: Opt(StrList('Namespaces whose CRs are ignored (exclusive with allowedNamespaces).')),
  allowedNamespaces: Opt(StrList('Only CRs in these namespaces are reconciled.')),
  crossAccess: Opt(Bool('Let other Katalogs read this CRD through cross: (default true).')),
  conversion: Opt(ConversionSchema),
  validation: Opt(Ref(ValidationSchema)),
  mutation: Opt(Ref(MutationSchema)),
  admission: Opt(AdmissionSchema),
  webhooks: Opt(AdmissionWebhooksSchema),
  normalize: Opt(NormalizeSchema),
  removeFinalizers: Opt(Bool('Testing knob: strip finalizers instead of adding them.')),
  deletionProtection: Opt(DeletionProtectionOverrideSchema),
  imports: Opt(Type.Array(MotifImportSchema, { description: 'Motif imports merged into onReconcile at load (not supported by ork).' })),
  serve: Opt(ServeSchema),
  forceConflict: Opt(Bool('Server-side apply with force for onCreate/onReconcile children (default true).')),
  katalogName: Opt(Str('Filled by Komposer merge: source Katalog name.')),
  katalogNamespace: Opt(Str('Filled by Komposer merge: source Katalog namespace.')),
  katalogDescription: Opt(Str('Filled by Komposer merge: source Katalog description.')),
  katalogVersion: Opt(Str('Filled by Komposer merge: source Katalog version.')),
}));
export type RawCrdEntry = Static<typeof CrdEntrySchema>;
