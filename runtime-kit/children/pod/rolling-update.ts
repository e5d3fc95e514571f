/**
 * Rolling update strategies (Orkestra `BuildDeploymentRollingUpdateStrategy`,
 * `BuildStatefulSetUpdateStrategy`): a profile expands to maxSurge/maxUnavailable (unknown →
 * no strategy, with a warning); "25%" stays a string, "1" becomes a number.
 */
import type { RollingUpdateInput } from '../inputs/workload.ts';
import type { DeploymentStrategy, StatefulSetUpdateStrategy } from '../k8s/workloads.ts';
import { warn } from '../meta.ts';
import { parseIntOrPercent } from '../parse.ts';
import { rollingUpdateProfile } from '../profiles/rolling-update.ts';
import type { BuildContext } from '../types.ts';

/** The effective maxSurge/maxUnavailable, or undefined when not declared or the profile is unknown. */
export function resolveRollingUpdate(r: RollingUpdateInput | undefined, ctx: BuildContext, kind: string, name: string): { maxSurge?: string; maxUnavailable?: string } | undefined {
  if (r === undefined) return undefined;
  if (r.profile !== undefined && r.profile !== '') {
    const found = rollingUpdateProfile(r.profile, ctx.profiles);
    if (found === undefined) warn(ctx, kind, name, `unknown rollingUpdate.profile ${JSON.stringify(r.profile)}: no strategy set`);
    return found;
  }
  return { maxSurge: r.maxSurge, maxUnavailable: r.maxUnavailable };
}

/** A Deployment's `strategy` (type RollingUpdate), or undefined. */
export function deploymentStrategy(r: RollingUpdateInput | undefined, ctx: BuildContext, name: string): DeploymentStrategy | undefined {
  const resolved = resolveRollingUpdate(r, ctx, 'Deployment', name);
  if (resolved === undefined) return undefined;
  const rolling: DeploymentStrategy['rollingUpdate'] = {};
  if (resolved.maxSurge !== undefined && resolved.maxSurge !== '') rolling.maxSurge = parseIntOrPercent(resolved.maxSurge);
  if (resolved.maxUnavailable !== undefined && resolved.maxUnavailable !== '') rolling.maxUnavailable = parseIntOrPercent(resolved.maxUnavailable);
  return { type: 'RollingUpdate', rollingUpdate: rolling };
}

/**
 * A StatefulSet's `updateStrategy`: RollingUpdate with maxUnavailable (maxSurge does not apply)
 * when `rollingUpdate` resolves, else Orkestra's default `OnDelete`.
 */
export function statefulSetStrategy(r: RollingUpdateInput | undefined, ctx: BuildContext, name: string): StatefulSetUpdateStrategy {
  const resolved = resolveRollingUpdate(r, ctx, 'StatefulSet', name);
  if (resolved === undefined) return { type: 'OnDelete' };
  const rolling: { maxUnavailable?: number | string } = {};
  if (resolved.maxUnavailable !== undefined && resolved.maxUnavailable !== '') rolling.maxUnavailable = parseIntOrPercent(resolved.maxUnavailable);
  return { type: 'RollingUpdate', rollingUpdate: rolling };
}
