/** `serviceAccounts:` entries (Orkestra `types_serviceaccount.go` `ServiceAccountTemplateSource`). */
import { type Static } from '@sinclair/typebox';
import { Obj } from '../scalars.ts';
import { entryKeys, namespaceKey, labelsKey } from '../resource-common.ts';
import { Def } from '../definitions.ts';

export const ServiceAccountSchema = Def('ServiceAccount', Obj('A ServiceAccount managed by this CR (created once).', {
  ...entryKeys('ServiceAccount', '{{ .metadata.name }}-sa'),
  ...namespaceKey('ServiceAccount'),
  ...labelsKey('ServiceAccount'),
}));
export type RawServiceAccount = Static<typeof ServiceAccountSchema>;
