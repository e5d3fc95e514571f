/** `secrets:` entries (Orkestra `types_secret.go` `SecretTemplateSource`). */
import { type Static } from '@sinclair/typebox';
import { Obj, Opt, Str, Bool, StrList, StringMap } from '../scalars.ts';
import { entryKeys, namespaceKey, labelsKey, annotationsKey, toNamespacesKey } from '../resource-common.ts';
import { Def } from '../definitions.ts';

export const SecretTLSSchema = Obj('Generate a self-signed CA and server certificate (type kubernetes.io/tls; data is ignored).', {
  commonName: Opt(Str('Certificate common name (template).')),
  dnsNames: Opt(StrList('Subject alternative DNS names (templates).')),
  validFor: Opt(Str('Validity, e.g. 1y (default: rotateAfter or 1y).')),
  organization: Opt(Str('Certificate O field, default orkestra.')),
});

export const SecretSchema = Def('Secret', Obj('A Secret managed by this CR (static data, generated once, copied, or a generated TLS pair).', {
  ...entryKeys('Secret', '{{ .metadata.name }}-secret'),
  ...namespaceKey('Secret'),
  ...labelsKey('Secret'),
  ...annotationsKey('Secret'),
  ...toNamespacesKey('Secret'),
  type: Opt(Str('Secret type, default Opaque.')),
  data: Opt(StringMap('Data entries (plain text; may use random notes with once: true).')),
  fromSecret: Opt(Str('Copy the data of this existing Secret (kept in sync).')),
  fromNamespace: Opt(Str('Namespace of fromSecret; default the CR namespace.')),
  once: Opt(Bool('Create only if absent; never update (stable generated credentials).')),
  rotateAfter: Opt(Str('With once: recreate when older than this (30s, 12h, 90d, 1y).')),
  tls: Opt(SecretTLSSchema),
}));
export type RawSecret = Static<typeof SecretSchema>;
