/** The pod template of a workload: labels plus a pod spec around the primary container. */
import type { PodFieldsInput } from '../inputs/workload.ts';
import type { PodSpec, PodTemplateSpec } from '../k8s/pod.ts';
import type { StringMap } from '../maps.ts';
import type { BuildContext } from '../types.ts';
import { buildContainer, type ContainerTarget } from './container.ts';
import { buildPodSpec } from './pod-spec.ts';

/** Builds `{metadata: {labels}, spec}` for the given container target. */
export function buildPodTemplate(input: PodFieldsInput, target: ContainerTarget, labels: StringMap, ctx: BuildContext, restartPolicy?: PodSpec['restartPolicy']): PodTemplateSpec {
  const container = buildContainer(input, target, ctx);
  return { metadata: { labels }, spec: buildPodSpec(input, container, ctx, target.kind, restartPolicy) };
}
