/** `statefulSets:` entries (Orkestra `types_statefulset.go` `StatefulSetTemplateSource`). */
import { Type, type Static } from '@sinclair/typebox';
import { Obj, Opt, Str, StrList } from '../scalars.ts';
import { entryKeys, namespaceKey, labelsKey, annotationsKey } from '../resource-common.ts';
import { Def } from '../definitions.ts';
import {
  imageKeys, portKeys, schedulingKeys, containerSettingKeys, probeKeys, volumeKeys, envKeys, replicaKeys,
} from '../workload.ts';

export const VolumeClaimTemplateSchema = Obj('One PersistentVolumeClaim per pod, mounted into the container.', {
  name: Opt(Str('Template name, default "data".')),
  storageClass: Str('Storage class to provision from.'),
  storageSize: Str('Requested size, e.g. 10Gi.'),
  mountPath: Opt(Str('Mount path in the container, default /data.')),
  accessModes: Opt(StrList('Access modes, default [ReadWriteOnce].')),
});

export const StatefulSetSchema = Def('StatefulSet', Obj('A StatefulSet managed by this CR.', {
  ...entryKeys('StatefulSet', '{{ .metadata.name }}'),
  ...namespaceKey('StatefulSet'),
  ...labelsKey('StatefulSet and its pod template'),
  ...annotationsKey('StatefulSet'),
  ...imageKeys(),
  tag: Opt(Str('Image tag, default latest.')),
  ...portKeys(),
  ...replicaKeys('StatefulSet'),
  serviceName: Opt(Str('Headless Service governing the pods; default the StatefulSet name.')),
  volumeClaimTemplates: Opt(Type.Array(VolumeClaimTemplateSchema, { description: 'Per-pod volume claims.' })),
  ...envKeys(),
  ...schedulingKeys(),
  ...containerSettingKeys(),
  ...probeKeys(),
  ...volumeKeys(),
}));
export type RawStatefulSet = Static<typeof StatefulSetSchema>;
