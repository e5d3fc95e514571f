/** `namespaces:` entries (Orkestra `types_serviceaccount.go` `NamespaceTemplateSource`). */
import { type Static } from '@sinclair/typebox';
import { Obj, Opt, StrList } from '../scalars.ts';
import { entryKeys, labelsKey } from '../resource-common.ts';
import { Def } from '../definitions.ts';

export const NamespaceSchema = Def('Namespace', Obj('A Namespace owned by this CR (cluster-scoped: deleted explicitly, not by garbage collection).', {
  ...entryKeys('Namespace', '{{ .metadata.name }}-ns'),
  ...labelsKey('Namespace'),
  finalizers: Opt(StrList('Extra finalizers on the Namespace (templates).')),
}));
export type RawNamespace = Static<typeof NamespaceSchema>;
