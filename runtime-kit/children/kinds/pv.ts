/**
 * `persistentVolumes[i]` → v1 PersistentVolume (cluster-scoped; Orkestra `pvs`). `name` and
 * `capacity` (a quantity) are required. Defaults: accessModes [ReadWriteOnce]. Written only when
 * declared: persistentVolumeReclaimPolicy (Delete, Recycle, anything else Retain),
 * storageClassName, and one source — hostPath, else csi {driver, volumeHandle}. Owner reference
 * only when the CR is cluster-scoped.
 */
import { ChildSpecError, requireFields } from '../errors.ts';
import type { PersistentVolumeInput } from '../inputs/kinds.ts';
import type { PersistentVolume } from '../k8s/core.ts';
import { buildMeta } from '../meta.ts';
import { given } from '../present.ts';
import { isQuantity } from '../quantity.ts';
import type { BuildContext } from '../types.ts';
import { declaredAccessModes } from './access-modes.ts';

/** Builds the volume. Throws ChildSpecError without a name or a valid capacity. */
export function buildPersistentVolume(input: PersistentVolumeInput, ctx: BuildContext): PersistentVolume {
  const name = input.name ?? '';
  requireFields('PersistentVolume', name, { name: given(input.name), capacity: given(input.capacity) });
  if (!isQuantity(input.capacity as string)) throw new ChildSpecError('PersistentVolume', name, ['capacity'], `invalid quantity ${JSON.stringify(input.capacity)} in capacity`);
  const spec = { capacity: { storage: input.capacity as string }, accessModes: declaredAccessModes(input.accessModes) } as PersistentVolume['spec'];
  if (given(input.reclaimPolicy)) spec.persistentVolumeReclaimPolicy = input.reclaimPolicy === 'Delete' || input.reclaimPolicy === 'Recycle' ? input.reclaimPolicy : 'Retain';
  if (given(input.storageClassName)) spec.storageClassName = input.storageClassName;
  if (given(input.hostPath)) spec.hostPath = { path: input.hostPath };
  else if (given(input.csiDriver)) spec.csi = { driver: input.csiDriver, volumeHandle: input.csiVolumeHandle ?? '' };
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: buildMeta(ctx, { name, labels: input.labels, annotations: input.annotations }),
    spec,
  };
}
