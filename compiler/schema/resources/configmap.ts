/** `configMaps:` entries (Orkestra `types_configmap.go` `ConfigMapTemplateSource`). */
import { type Static } from '@sinclair/typebox';
import { Obj, Opt, Str, StringMap } from '../scalars.ts';
import { entryKeys, namespaceKey, labelsKey, toNamespacesKey } from '../resource-common.ts';
import { Def } from '../definitions.ts';

export const ConfigMapSchema = Def('ConfigMap', Obj('A ConfigMap managed by this CR (static data, or a copy of another ConfigMap).', {
  ...entryKeys('ConfigMap', '{{ .metadata.name }}-config'),
  ...namespaceKey('ConfigMap'),
  ...labelsKey('ConfigMap'),
  ...toNamespacesKey('ConfigMap'),
  data: Opt(StringMap('Data entries.')),
  fromConfigMap: Opt(Str('Copy the data of this existing ConfigMap (kept in sync).')),
  fromNamespace: Opt(Str('Namespace of fromConfigMap; default the CR namespace.')),
}));
export type RawConfigMap = Static<typeof ConfigMapSchema>;
