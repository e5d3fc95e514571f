/** `replicaSets:` entries (Orkestra `types_replicaset.go` `ReplicaSetTemplateSource`). */
import { type Static } from '@sinclair/typebox';
import { Obj } from '../scalars.ts';
import { entryKeys, namespaceKey, labelsKey, annotationsKey } from '../resource-common.ts';
import { Def } from '../definitions.ts';
import {
  imageKeys, portKeys, schedulingKeys, containerSettingKeys, probeKeys, volumeKeys, envKeys, workingDirectoryKey, replicaKeys,
} from '../workload.ts';

export const ReplicaSetSchema = Def('ReplicaSet', Obj('A ReplicaSet managed by this CR (same flat shape as a Deployment).', {
  ...entryKeys('ReplicaSet', '{{ .metadata.name }}-replicaset'),
  ...namespaceKey('ReplicaSet'),
  ...labelsKey('ReplicaSet and its pod template'),
  ...annotationsKey('ReplicaSet'),
  ...imageKeys(),
  ...portKeys(),
  ...replicaKeys('ReplicaSet'),
  ...envKeys(),
  ...schedulingKeys(),
  ...containerSettingKeys(),
  ...probeKeys(),
  ...volumeKeys(),
  ...workingDirectoryKey(),
}));
export type RawReplicaSet = Static<typeof ReplicaSetSchema>;
