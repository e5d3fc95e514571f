/**
 * `limitRanges[i]` → v1 LimitRange (Orkestra `limitranges`). `name` is required; `profile` (user
 * profiles only) applies when no `limits` are declared; invalid quantities are dropped, empty maps
 * omitted. `fromLimitRange` and `toNamespaces` need runtime I/O.
 */
import { requireFields } from '../errors.ts';
import type { LimitRangeInput, LimitRangeItemInput } from '../inputs/kinds.ts';
import type { LimitRange, LimitRangeItem } from '../k8s/core.ts';
import { buildMeta, warn } from '../meta.ts';
import { resolveNamespace } from '../owner.ts';
import { given } from '../present.ts';
import { limitRangeProfile } from '../profiles/quota.ts';
import type { BuildContext } from '../types.ts';
import { quantityMap } from './quantities.ts';

const MAPS = ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio'] as const;

/** Builds the LimitRange. Throws ChildSpecError without a name. */
export function buildLimitRange(input: LimitRangeInput, ctx: BuildContext): LimitRange {
  const name = input.name ?? '';
  requireFields('LimitRange', name, { name: given(input.name) });
  let limits: readonly LimitRangeItemInput[] = input.limits ?? [];
  if (given(input.profile) && limits.length === 0) {
    const found = limitRangeProfile(input.profile, ctx.profiles);
    if (found === undefined) warn(ctx, 'LimitRange', name, `unknown profile ${JSON.stringify(input.profile)}: no limits`);
    else limits = found;
  }
  const items = limits.map((item): LimitRangeItem => {
    const out: LimitRangeItem = { type: item.type };
    for (const key of MAPS) {
      const m = quantityMap(item[key], ctx, 'LimitRange', name, `limits.${key}`);
      if (m !== undefined) out[key] = m;
    }
    return out;
  });
  return {
    apiVersion: 'v1',
    kind: 'LimitRange',
    metadata: buildMeta(ctx, { name, namespace: resolveNamespace(input.namespace, ctx.owner), labels: input.labels, annotations: input.annotations }),
    spec: { limits: items },
  };
}
