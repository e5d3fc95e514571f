/** `replicaSets:` entries (Orkestra `types_replicaset.go` `ReplicaSetTemplateSource`). */
import { type Static } from '@sinclair/typebox';
import { Obj } from '../scalars.ts';
import { entryKeys, namespaceKey, labelsKey, annotationsKey } from '../resource-common.ts';
import { Def } from '../definitions.ts';
import { replicatedWorkloadKeys } from '../workload.ts';

export const ReplicaSetSchema = Def('ReplicaSet', Obj('A ReplicaSet managed by this CR (same flat shape as a Deployment).', {
  ...entryKeys('ReplicaSet', '{{ .metadata.name }}-replicaset'),
  ...namespaceKey('ReplicaSet'),
  ...labelsKey('ReplicaSet and its pod template'),
  ...annotationsKey('ReplicaSet'),
  ...replicatedWorkloadKeys('ReplicaSet'),
}));
export type RawReplicaSet = Static<typeof ReplicaSetSchema>;
