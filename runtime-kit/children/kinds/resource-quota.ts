/**
 * `resourceQuotas[i]` → v1 ResourceQuota (Orkestra `resourcequotas`). `name` is required;
 * `profile` (small, medium, large, xlarge or a user profile) replaces `hard`; invalid quantities
 * are dropped. `fromResourceQuota` and `toNamespaces` need runtime I/O.
 */
import { requireFields } from '../errors.ts';
import type { ResourceQuotaInput } from '../inputs/kinds.ts';
import type { ResourceQuota } from '../k8s/core.ts';
import { buildMeta, warn } from '../meta.ts';
import { resolveNamespace } from '../owner.ts';
import { given } from '../present.ts';
import { resourceQuotaProfile } from '../profiles/quota.ts';
import type { BuildContext } from '../types.ts';
import { quantityMap } from './quantities.ts';

/** Builds the ResourceQuota. Throws ChildSpecError without a name. */
export function buildResourceQuota(input: ResourceQuotaInput, ctx: BuildContext): ResourceQuota {
  const name = input.name ?? '';
  requireFields('ResourceQuota', name, { name: given(input.name) });
  let hard = input.hard;
  if (given(input.profile)) {
    const found = resourceQuotaProfile(input.profile, ctx.profiles);
    if (found === undefined) warn(ctx, 'ResourceQuota', name, `unknown profile ${JSON.stringify(input.profile)}: declared hard limits used`);
    else hard = found;
  }
  const spec: ResourceQuota['spec'] = {};
  const h = quantityMap(hard, ctx, 'ResourceQuota', name, 'hard');
  if (h !== undefined) spec.hard = h;
  return {
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: buildMeta(ctx, { name, namespace: resolveNamespace(input.namespace, ctx.owner), labels: input.labels, annotations: input.annotations }),
    spec,
  };
}
