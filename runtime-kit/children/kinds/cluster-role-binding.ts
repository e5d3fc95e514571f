/**
 * `clusterRoleBindings[i]` → ClusterRoleBinding (cluster-scoped; Orkestra `clusterrolebindings`).
 * Default name `<cr>-crb`; roleRef.kind default ClusterRole; owner reference only when the CR is
 * cluster-scoped.
 */
import type { ClusterRoleBindingInput } from '../inputs/kinds.ts';
import type { ClusterRoleBinding } from '../k8s/rbac.ts';
import { buildMeta, defaultName } from '../meta.ts';
import type { BuildContext } from '../types.ts';
import { roleRef, subjects } from './rbac-parts.ts';

/** Default name suffix: `<cr>-crb`. */
export const CLUSTER_ROLE_BINDING_NAME_SUFFIX = '-crb';

/** The ClusterRoleBinding's name: declared, else `<cr>-crb`. */
export function clusterRoleBindingName(input: ClusterRoleBindingInput, ctx: BuildContext): string {
  return defaultName(input.name, ctx, CLUSTER_ROLE_BINDING_NAME_SUFFIX);
}

/** Builds the ClusterRoleBinding. */
export function buildClusterRoleBinding(input: ClusterRoleBindingInput, ctx: BuildContext): ClusterRoleBinding {
  const name = clusterRoleBindingName(input, ctx);
  const out: ClusterRoleBinding = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: buildMeta(ctx, { name, labels: input.labels, annotations: input.annotations }),
    roleRef: roleRef(input.roleRef, 'ClusterRole'),
  };
  const subs = subjects(input.subjects);
  if (subs !== undefined) out.subjects = subs;
  return out;
}
