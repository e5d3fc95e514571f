/**
 * `custom:` entries (Orkestra `custom_resource.go` `CustomResourceTemplateSource`): any Kubernetes
 * object written as a manifest. Orkestra inlines unknown top-level keys into the object (for CRDs
 * that keep configuration beside `spec`), so this is the one entry whose extra keys are accepted.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Obj, Opt, Str, Bool, StringMap, AnyMap } from '../scalars.ts';
import { entryKeys } from '../resource-common.ts';
import { Def } from '../definitions.ts';

const { name: _name, ...customEntryKeys } = entryKeys('object', '');

export const CustomResourceSchema = Def('CustomResource', Type.Object({
  apiVersion: Str('group/version of the object, e.g. cert-manager.io/v1.'),
  kind: Str('Kind of the object, e.g. Certificate.'),
  metadata: Obj('Identity of the object.', {
    name: Str('Object name (template).'),
    namespace: Opt(Str('Namespace (template); omit for cluster-scoped kinds.')),
    namespaced: Opt(Bool('Scope hint: true (default) namespaced, false cluster-scoped.')),
    labels: Opt(StringMap('Labels (values may be templates).')),
    annotations: Opt(StringMap('Annotations (values may be templates).')),
  }),
  spec: Opt(AnyMap('The object spec, written as-is (string values may be templates).')),
  status: Opt(AnyMap('Initial status block (written only when hasStatus is true or the block is present).')),
  hasStatus: Opt(Bool('Whether the kind has a status subresource (default: discover).')),
  ...customEntryKeys,
}, {
  additionalProperties: Type.Unknown({ description: 'Other top-level fields of the object, written as-is.' }),
  description: 'Any Kubernetes object (third-party CRD or other kind) written as a manifest with templates.',
}));
export type RawCustomResource = Static<typeof CustomResourceSchema>;
