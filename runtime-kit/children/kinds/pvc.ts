/**
 * `persistentVolumeClaims[i]` → v1 PersistentVolumeClaim (Orkestra `pvcs`). `name` and `storage`
 * (a quantity) are required. Defaults: accessModes [ReadWriteOnce]. Written only when declared:
 * storageClassName, volumeMode (Block → Block, anything else Filesystem), volumeName.
 */
import { ChildSpecError, requireFields } from '../errors.ts';
import type { PersistentVolumeClaimInput } from '../inputs/kinds.ts';
import type { PersistentVolumeClaim } from '../k8s/core.ts';
import { buildMeta } from '../meta.ts';
import { resolveNamespace } from '../owner.ts';
import { given } from '../present.ts';
import { isQuantity } from '../quantity.ts';
import type { BuildContext } from '../types.ts';
import { declaredAccessModes } from './access-modes.ts';

/** Builds the claim. Throws ChildSpecError without a name or a valid storage size. */
export function buildPersistentVolumeClaim(input: PersistentVolumeClaimInput, ctx: BuildContext): PersistentVolumeClaim {
  const name = input.name ?? '';
  requireFields('PersistentVolumeClaim', name, { name: given(input.name), storage: given(input.storage) });
  if (!isQuantity(input.storage as string)) throw new ChildSpecError('PersistentVolumeClaim', name, ['storage'], `invalid quantity ${JSON.stringify(input.storage)} in storage`);
  const spec = { accessModes: declaredAccessModes(input.accessModes) } as PersistentVolumeClaim['spec'];
  if (given(input.storageClassName)) spec.storageClassName = input.storageClassName;
  if (given(input.volumeMode)) spec.volumeMode = input.volumeMode === 'Block' ? 'Block' : 'Filesystem';
  if (given(input.volumeName)) spec.volumeName = input.volumeName;
  spec.resources = { requests: { storage: input.storage as string } };
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: buildMeta(ctx, { name, namespace: resolveNamespace(input.namespace, ctx.owner), labels: input.labels, annotations: input.annotations }),
    spec,
  };
}
