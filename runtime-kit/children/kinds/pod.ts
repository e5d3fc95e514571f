/**
 * `pods[i]` → v1 Pod (Orkestra `pods.Resolve` + `buildPod`). Defaults: name `<cr>-pod`; one
 * container named after the Pod; port read with `fmt.Sscanf("%d")` ("8080x" → 8080, unparsable →
 * no port); protocol TCP. `image` is required. No restartPolicy is written (Kubernetes: Always).
 */
import { requireFields } from '../errors.ts';
import type { PodInput } from '../inputs/kinds.ts';
import type { Pod } from '../k8s/pod.ts';
import { buildMeta, defaultName } from '../meta.ts';
import { resolveNamespace } from '../owner.ts';
import { parseProtocol, scanPort } from '../parse.ts';
import { buildContainer } from '../pod/container.ts';
import { buildPodSpec } from '../pod/pod-spec.ts';
import { given } from '../present.ts';
import type { BuildContext } from '../types.ts';

/** Default name suffix: `<cr>-pod`. */
export const POD_NAME_SUFFIX = '-pod';

/** The Pod's name: declared, else `<cr>-pod`. */
export function podName(input: PodInput, ctx: BuildContext): string {
  return defaultName(input.name, ctx, POD_NAME_SUFFIX);
}

/** Builds the Pod. Throws ChildSpecError without an image. */
export function buildPod(input: PodInput, ctx: BuildContext): Pod {
  const name = podName(input, ctx);
  requireFields('Pod', name, { image: given(input.image) });
  const container = buildContainer(input, { kind: 'Pod', name, image: input.image as string, port: scanPort(input.port), protocol: parseProtocol(input.protocol) }, ctx);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: buildMeta(ctx, { name, namespace: resolveNamespace(input.namespace, ctx.owner), labels: input.labels, annotations: input.annotations }),
    spec: buildPodSpec(input, container, ctx, 'Pod'),
  };
}
