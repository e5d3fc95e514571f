/**
 * Pod volumes and container mounts (Orkestra `BuildVolumes`/`BuildVolumeMounts`). A volume takes
 * its first declared source in the order configMap, secret, emptyDir, persistentVolumeClaim,
 * hostPath; `readOnly: false`, an empty `subPath` and an empty hostPath `type` are omitted.
 */
import type { VolumeInput, VolumeMountInput } from '../inputs/workload.ts';
import type { Volume, VolumeMount } from '../k8s/pod.ts';

/** One pod volume. */
export function buildVolume(v: VolumeInput): Volume {
  const out: Volume = { name: v.name };
  if (v.configMap !== undefined) out.configMap = { name: v.configMap.name };
  else if (v.secret !== undefined) out.secret = { secretName: v.secret.name };
  else if (v.emptyDir !== undefined) out.emptyDir = {};
  else if (v.persistentVolumeClaim !== undefined) {
    out.persistentVolumeClaim = { claimName: v.persistentVolumeClaim.claimName };
    if (v.persistentVolumeClaim.readOnly === true) out.persistentVolumeClaim.readOnly = true;
  } else if (v.hostPath !== undefined) {
    out.hostPath = { path: v.hostPath.path };
    if (v.hostPath.type !== undefined && v.hostPath.type !== '') out.hostPath.type = v.hostPath.type;
  }
  return out;
}

/** One container mount. */
export function buildVolumeMount(m: VolumeMountInput): VolumeMount {
  const out: VolumeMount = { name: m.name, mountPath: m.mountPath };
  if (m.subPath !== undefined && m.subPath !== '') out.subPath = m.subPath;
  if (m.readOnly === true) out.readOnly = true;
  return out;
}

/** The pod's volumes, undefined when none. */
export function buildVolumes(vols: readonly VolumeInput[] | undefined): Volume[] | undefined {
  return vols === undefined || vols.length === 0 ? undefined : vols.map(buildVolume);
}

/** The container's mounts, undefined when none. */
export function buildVolumeMounts(mounts: readonly VolumeMountInput[] | undefined): VolumeMount[] | undefined {
  return mounts === undefined || mounts.length === 0 ? undefined : mounts.map(buildVolumeMount);
}
