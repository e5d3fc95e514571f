/** `persistentVolumeClaims:` and `persistentVolumes:` entries (Orkestra `types_pvc.go`). */
import { type Static } from '@sinclair/typebox';
import { Obj, Opt, Str, StrList } from '../scalars.ts';
import { entryKeys, namespaceKey, labelsKey } from '../resource-common.ts';
import { Def } from '../definitions.ts';

export const PersistentVolumeClaimSchema = Def('PersistentVolumeClaim', Obj('A PersistentVolumeClaim managed by this CR.', {
  ...entryKeys('PersistentVolumeClaim', '(required)'),
  ...namespaceKey('PersistentVolumeClaim'),
  ...labelsKey('PersistentVolumeClaim'),
  storageClassName: Opt(Str('Storage class; empty = cluster default.')),
  accessModes: Opt(StrList('Access modes, default [ReadWriteOnce].')),
  storage: Opt(Str('Requested size, e.g. 10Gi; required to create the claim.')),
  volumeMode: Opt(Str('Filesystem (default) or Block.')),
  volumeName: Opt(Str('Bind to this PersistentVolume.')),
}));
export type RawPersistentVolumeClaim = Static<typeof PersistentVolumeClaimSchema>;

export const PersistentVolumeSchema = Def('PersistentVolume', Obj('A PersistentVolume owned by this CR (cluster-scoped).', {
  ...entryKeys('PersistentVolume', '(required)'),
  ...labelsKey('PersistentVolume'),
  storageClassName: Opt(Str('Storage class name.')),
  capacity: Opt(Str('Capacity, e.g. 10Gi; required to create the volume.')),
  accessModes: Opt(StrList('Access modes, default [ReadWriteOnce].')),
  reclaimPolicy: Opt(Str('Retain (default), Delete or Recycle.')),
  hostPath: Opt(Str('Node path (development volumes); exclusive with csiDriver.')),
  csiDriver: Opt(Str('CSI driver name, e.g. ebs.csi.aws.com.')),
  csiVolumeHandle: Opt(Str('Volume id in the CSI driver.')),
}));
export type RawPersistentVolume = Static<typeof PersistentVolumeSchema>;
