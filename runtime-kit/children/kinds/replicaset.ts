/**
 * `replicaSets[i]` → apps/v1 ReplicaSet (Orkestra `replicasets.Resolve` + `buildReplicaSet`): the
 * Deployment's shape without a strategy. Defaults: name `<cr>-replicaset`, replicas 1, port via
 * `strconv.ParseInt`, protocol TCP, selector `{orkestra-owner: <cr>}`. `image` is required.
 */
import { requireFields } from '../errors.ts';
import type { ReplicaSetInput } from '../inputs/kinds.ts';
import type { ReplicaSet } from '../k8s/workloads.ts';
import { ownerSelector, podTemplateLabels } from '../labels.ts';
import { buildMeta, defaultName } from '../meta.ts';
import { resolveNamespace } from '../owner.ts';
import { parsePort, parseProtocol, parseReplicas } from '../parse.ts';
import { buildPodTemplate } from '../pod/template.ts';
import { given } from '../present.ts';
import type { BuildContext } from '../types.ts';

/** Default name suffix: `<cr>-replicaset`. */
export const REPLICASET_NAME_SUFFIX = '-replicaset';

/** The ReplicaSet's name: declared, else `<cr>-replicaset`. */
export function replicaSetName(input: ReplicaSetInput, ctx: BuildContext): string {
  return defaultName(input.name, ctx, REPLICASET_NAME_SUFFIX);
}

/** Builds the ReplicaSet. Throws ChildSpecError without an image. */
export function buildReplicaSet(input: ReplicaSetInput, ctx: BuildContext): ReplicaSet {
  const name = replicaSetName(input, ctx);
  requireFields('ReplicaSet', name, { image: given(input.image) });
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: buildMeta(ctx, { name, namespace: resolveNamespace(input.namespace, ctx.owner), labels: input.labels, annotations: input.annotations }),
    spec: {
      replicas: parseReplicas(input.replicas),
      selector: { matchLabels: ownerSelector(ctx.owner) },
      template: buildPodTemplate(
        input,
        { kind: 'ReplicaSet', name, image: input.image as string, port: parsePort(input.port), protocol: parseProtocol(input.protocol) },
        podTemplateLabels(input.labels, ctx.owner),
        ctx,
      ),
    },
  };
}
