/**
 * `statefulSets[i]` → apps/v1 StatefulSet (Orkestra `statefulsets.Resolve` + `buildStatefulSet`).
 * Defaults: name `<cr>` (the CR's own name); serviceName = the name; image `image:tag` when `tag`
 * is set; replicas 1; podManagementPolicy Parallel; updateStrategy OnDelete unless `rollingUpdate`
 * (then RollingUpdate with maxUnavailable); each volume claim template defaults to name `data`,
 * mount `/data`, access modes [ReadWriteOnce] (unknown modes → ReadWriteOnce) and is mounted into
 * the container before the declared mounts. `image` is required; `storageSize` must be a quantity.
 */
import { ChildSpecError, requireFields } from '../errors.ts';
import type { StatefulSetInput, VolumeClaimTemplateInput } from '../inputs/kinds.ts';
import type { PersistentVolumeClaimTemplate, StatefulSet } from '../k8s/workloads.ts';
import { ownerSelector, podTemplateLabels } from '../labels.ts';
import { buildMeta, defaultName } from '../meta.ts';
import { resolveNamespace } from '../owner.ts';
import { parsePort, parseProtocol, parseReplicas } from '../parse.ts';
import { statefulSetStrategy } from '../pod/rolling-update.ts';
import { buildPodTemplate } from '../pod/template.ts';
import { given } from '../present.ts';
import { isQuantity } from '../quantity.ts';
import type { BuildContext } from '../types.ts';
import { claimAccessModes } from './access-modes.ts';

/** The StatefulSet's name: declared, else the CR's name. */
export function statefulSetName(input: StatefulSetInput, ctx: BuildContext): string {
  return defaultName(input.name, ctx, '');
}

function claimTemplate(t: VolumeClaimTemplateInput, setName: string): PersistentVolumeClaimTemplate {
  const name = given(t.name) ? t.name : 'data';
  if (!isQuantity(t.storageSize ?? '')) {
    throw new ChildSpecError('StatefulSet', setName, ['volumeClaimTemplates.storageSize'], `invalid storageSize ${JSON.stringify(t.storageSize)} in volume claim template ${JSON.stringify(name)}`);
  }
  return {
    metadata: { name },
    spec: { accessModes: claimAccessModes(t.accessModes), storageClassName: t.storageClass ?? '', resources: { requests: { storage: t.storageSize } } },
  };
}

/** Builds the StatefulSet. Throws ChildSpecError without an image or with a bad storageSize. */
export function buildStatefulSet(input: StatefulSetInput, ctx: BuildContext): StatefulSet {
  const name = statefulSetName(input, ctx);
  requireFields('StatefulSet', name, { image: given(input.image) });
  const image = given(input.tag) ? `${input.image as string}:${input.tag}` : (input.image as string);
  const claims = (input.volumeClaimTemplates ?? []).map((t) => claimTemplate(t, name));
  const claimMounts = (input.volumeClaimTemplates ?? []).map((t, i) => ({
    name: (claims[i] as PersistentVolumeClaimTemplate).metadata.name,
    mountPath: given(t.mountPath) ? t.mountPath : '/data',
  }));
  const spec: StatefulSet['spec'] = {
    replicas: parseReplicas(input.replicas),
    serviceName: given(input.serviceName) ? input.serviceName : name,
    selector: { matchLabels: ownerSelector(ctx.owner) },
    podManagementPolicy: 'Parallel',
    updateStrategy: statefulSetStrategy(input.rollingUpdate, ctx, name),
    template: buildPodTemplate(
      input,
      { kind: 'StatefulSet', name, image, port: parsePort(input.port), protocol: parseProtocol(input.protocol), extraMounts: claimMounts },
      podTemplateLabels(input.labels, ctx.owner),
      ctx,
    ),
  };
  if (claims.length > 0) spec.volumeClaimTemplates = claims;
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: buildMeta(ctx, { name, namespace: resolveNamespace(input.namespace, ctx.owner), labels: input.labels, annotations: input.annotations }),
    spec,
  };
}
