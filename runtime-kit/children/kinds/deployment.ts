/**
 * `deployments[i]` → apps/v1 Deployment (Orkestra `deployments.Resolve` + `buildDeployment`).
 * Defaults: name `<cr>-deployment`; one container named after the Deployment; replicas 1
 * (`ParseReplicas`: "" / "abc" / "-1" → 1); port parsed with `strconv.ParseInt` (unparsable →
 * no port); protocol TCP; selector `{orkestra-owner: <cr>}`; pod labels = labels + that selector.
 * `image` is required.
 */
import { requireFields } from '../errors.ts';
import type { DeploymentInput } from '../inputs/kinds.ts';
import type { Deployment } from '../k8s/workloads.ts';
import { ownerSelector, podTemplateLabels } from '../labels.ts';
import { buildMeta, defaultName, warn } from '../meta.ts';
import { resolveNamespace } from '../owner.ts';
import { parsePort, parseProtocol, parseReplicas } from '../parse.ts';
import { deploymentStrategy } from '../pod/rolling-update.ts';
import { buildPodTemplate } from '../pod/template.ts';
import { given } from '../present.ts';
import type { BuildContext } from '../types.ts';

/** Default name suffix: `<cr>-deployment`. */
export const DEPLOYMENT_NAME_SUFFIX = '-deployment';

/** The Deployment's name: declared, else `<cr>-deployment`. */
export function deploymentName(input: DeploymentInput, ctx: BuildContext): string {
  return defaultName(input.name, ctx, DEPLOYMENT_NAME_SUFFIX);
}

/** Builds the Deployment. Throws ChildSpecError without an image. */
export function buildDeployment(input: DeploymentInput, ctx: BuildContext): Deployment {
  const name = deploymentName(input, ctx);
  requireFields('Deployment', name, { image: given(input.image) });
  if (input.autoscale !== undefined) warn(ctx, 'Deployment', name, 'autoscale is not built: replicas are written as declared');
  const spec: Deployment['spec'] = {
    replicas: parseReplicas(input.replicas),
    selector: { matchLabels: ownerSelector(ctx.owner) },
  } as Deployment['spec'];
  const strategy = deploymentStrategy(input.rollingUpdate, ctx, name);
  if (strategy !== undefined) spec.strategy = strategy;
  spec.template = buildPodTemplate(
    input,
    { kind: 'Deployment', name, image: input.image as string, port: parsePort(input.port), protocol: parseProtocol(input.protocol) },
    podTemplateLabels(input.labels, ctx.owner),
    ctx,
  );
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: buildMeta(ctx, { name, namespace: resolveNamespace(input.namespace, ctx.owner), labels: input.labels, annotations: input.annotations }),
    spec,
  };
}
