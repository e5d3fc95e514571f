/**
 * The whole Katalog document as written, before normalization (Orkestra `pkg/types/katalog.go`
 * `KatalogFile`).
 */
import { Type, type Static } from '@sinclair/typebox';
import { Obj, Opt, Str, Bool, StrList, MapOf } from './scalars.ts';
import { MetadataSchema, LifecycleSchema, PolicySchema } from './metadata.ts';
import { CrdEntrySchema } from './crd-entry.ts';
import { MotifImportSchema } from './crd-extras.ts';
import { KatalogImportsSchema } from './sources.ts';
import { SecuritySchema } from './security.ts';
import { GatewaySchema } from './gateway.ts';
import { PublishSchema } from './publish.ts';
import { NotificationSchema } from './notification.ts';
import { NotesSchema } from './notes.ts';
import { ProfilesSchema } from './profiles.ts';
import { ProvidersSchema } from './providers.ts';
import { DEFINITIONS, Ref } from './definitions.ts';

export const KatalogSpecSchema = Obj('The CRDs this operator manages.', {
  crds: Opt(MapOf(Ref(CrdEntrySchema), 'CRD entries keyed by CRD name (lowercase RFC 1123).')),
  finalizers: Opt(StrList('Default finalizers for CRDs that declare none.')),
  imports: Opt(Type.Array(MotifImportSchema, { description: 'Motifs whose profiles are merged (not supported by ork).' })),
});
export type RawKatalogSpec = Static<typeof KatalogSpecSchema>;

export const KatalogSchema = Type.Object({
  apiVersion: Str('orkestra.orkspace.io/v1'),
  kind: Str('Katalog (or Komposer, a Katalog with imports).'),
  metadata: MetadataSchema,
  lifecycle: Opt(LifecycleSchema),
  policy: Opt(PolicySchema),
  imports: Opt(KatalogImportsSchema),
  spec: Opt(KatalogSpecSchema),
  security: Opt(SecuritySchema),
  crossAccess: Opt(Bool('Default cross: read policy of every CRD (default true).')),
  gateway: Opt(GatewaySchema),
  publish: Opt(PublishSchema),
  notification: Opt(NotificationSchema),
  notes: Opt(NotesSchema),
  profiles: Opt(ProfilesSchema),
  providers: Opt(ProvidersSchema),
}, {
  additionalProperties: false,
  description: 'An Orkestra Katalog: CRDs and what their operator does.',
  definitions: DEFINITIONS,
});
export type RawKatalog = Static<typeof KatalogSchema>;
