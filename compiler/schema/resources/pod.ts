/** `pods:` entries (Orkestra `types_pod.go` `PodTemplateSource`; no env keys there). */
import { type Static } from '@sinclair/typebox';
import { Obj } from '../scalars.ts';
import { entryKeys, namespaceKey, labelsKey, annotationsKey } from '../resource-common.ts';
import { Def } from '../definitions.ts';
import { imageKeys, portKeys, schedulingKeys, containerSettingKeys, probeKeys, volumeKeys } from '../workload.ts';

export const PodSchema = Def('Pod', Obj('A bare Pod managed by this CR (prefer deployments for long-running work).', {
  ...entryKeys('Pod', '{{ .metadata.name }}-pod'),
  ...namespaceKey('Pod'),
  ...labelsKey('Pod'),
  ...annotationsKey('Pod'),
  ...imageKeys(),
  ...portKeys(),
  ...schedulingKeys(),
  ...containerSettingKeys(),
  ...probeKeys(),
  ...volumeKeys(),
}));
export type RawPod = Static<typeof PodSchema>;
