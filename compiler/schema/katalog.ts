/**
 * The whole Katalog document as written, before normalization (Orkestra `pkg/types/katalog.go`
 * `KatalogFile`).
 */
import { Type, type Static } from '@sinclair/typebox';
import { Obj, Opt, Str, Bool, StrList, MapOf } from './scalars.ts';
import { MetadataSchema, LifecycleSchema, PolicySchema } from './metadata.ts';
import { CrdEntrySchema } from './crd-entry.ts';
import { pending } from './crd-pending.ts';
import { DEFINITIONS, Ref } from './definitions.ts';

export const KatalogSpecSchema = Obj('The CRDs this operator manages.', {
  crds: Opt(MapOf(Ref(CrdEntrySchema), 'CRD entries keyed by CRD name (lowercase RFC 1123).')),
  finalizers: Opt(StrList('Default finalizers for CRDs that declare none.')),
  imports: Opt(Type.Array(pending('Motif import (profiles only)'), { description: 'Motifs whose profiles are merged (not supported by ork).' })),
});
export type RawKatalogSpec = Static<typeof KatalogSpecSchema>;

export const KatalogSchema = Type.Object({
  apiVersion: Str('orkestra.orkspace.io/v1'),
  kind: Str('Katalog (or Komposer, a Katalog with imports).'),
  metadata: MetadataSchema,
  lifecycle: Opt(LifecycleSchema),
  policy: Opt(PolicySchema),
  imports: Opt(pending('Komposer imports: files, helm, registry')),
  spec: Opt(KatalogSpecSchema),
  security: Opt(pending('Security settings (Gateway)')),
  crossAccess: Opt(Bool('Default cross: read policy of every CRD (default true).')),
  gateway: Opt(pending('Gateway deployment and endpoint')),
  publish: Opt(pending('Publishing policy (registry)')),
  notification: Opt(pending('Notification teams and messages')),
  notes: Opt(pending('User template functions')),
  profiles: Opt(pending('User-defined profiles')),
  providers: Opt(Type.Array(pending('Provider requirement'), { description: 'External provider libraries (not supported by ork).' })),
}, {
  additionalProperties: false,
  description: 'An Orkestra Katalog: CRDs and what their operator does.',
  definitions: DEFINITIONS,
});
export type RawKatalog = Static<typeof KatalogSchema>;
