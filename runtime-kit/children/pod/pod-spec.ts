/**
 * A pod spec around the primary container, keys in a fixed order: serviceAccountName,
 * nodeSelector, imagePullSecrets, securityContext, restartPolicy, containers, volumes.
 */
import type { PodFieldsInput } from '../inputs/workload.ts';
import type { Container, PodSpec } from '../k8s/pod.ts';
import { sortedStringMap } from '../maps.ts';
import type { BuildContext } from '../types.ts';
import { buildPodSecurity } from './security.ts';
import { buildVolumes } from './volumes.ts';

/** Builds the pod spec; `restartPolicy` only for run-to-completion kinds. */
export function buildPodSpec(input: PodFieldsInput, container: Container, ctx: BuildContext, kind: string, restartPolicy?: PodSpec['restartPolicy']): PodSpec {
  const spec: Partial<PodSpec> = {};
  if (input.serviceAccountName !== undefined && input.serviceAccountName !== '') spec.serviceAccountName = input.serviceAccountName;
  const nodeSelector = sortedStringMap(input.nodeSelector);
  if (nodeSelector !== undefined) spec.nodeSelector = nodeSelector;
  if (input.imagePullSecrets !== undefined && input.imagePullSecrets.length > 0) spec.imagePullSecrets = input.imagePullSecrets.map((name) => ({ name }));
  const security = buildPodSecurity(input.podSecurity, ctx, kind, container.name);
  if (security !== undefined) spec.securityContext = security;
  if (restartPolicy !== undefined) spec.restartPolicy = restartPolicy;
  spec.containers = [container];
  const volumes = buildVolumes(input.volumes);
  if (volumes !== undefined) spec.volumes = volumes;
  return spec as PodSpec;
}
