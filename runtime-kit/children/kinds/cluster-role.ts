/**
 * `clusterRoles[i]` → ClusterRole (cluster-scoped; Orkestra `clusterroles`). Default name
 * `<cr>-cluster-role`; owner reference only when the CR is cluster-scoped.
 */
import type { ClusterRoleInput } from '../inputs/kinds.ts';
import type { ClusterRole } from '../k8s/rbac.ts';
import { buildMeta, defaultName } from '../meta.ts';
import type { BuildContext } from '../types.ts';
import { policyRules } from './rbac-parts.ts';

/** Default name suffix: `<cr>-cluster-role`. */
export const CLUSTER_ROLE_NAME_SUFFIX = '-cluster-role';

/** The ClusterRole's name: declared, else `<cr>-cluster-role`. */
export function clusterRoleName(input: ClusterRoleInput, ctx: BuildContext): string {
  return defaultName(input.name, ctx, CLUSTER_ROLE_NAME_SUFFIX);
}

/** Builds the ClusterRole. */
export function buildClusterRole(input: ClusterRoleInput, ctx: BuildContext): ClusterRole {
  const name = clusterRoleName(input, ctx);
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: buildMeta(ctx, { name, labels: input.labels, annotations: input.annotations }),
    rules: policyRules(input.rules),
  };
}
