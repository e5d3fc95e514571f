/**
 * `roleBindings[i]` → RoleBinding (Orkestra `rolebindings`). Default name `<cr>-rolebinding`;
 * roleRef.kind default Role, apiGroup rbac.authorization.k8s.io.
 */
import type { RoleBindingInput } from '../inputs/kinds.ts';
import type { RoleBinding } from '../k8s/rbac.ts';
import { buildMeta, defaultName } from '../meta.ts';
import { resolveNamespace } from '../owner.ts';
import type { BuildContext } from '../types.ts';
import { roleRef, subjects } from './rbac-parts.ts';

/** Default name suffix: `<cr>-rolebinding`. */
export const ROLE_BINDING_NAME_SUFFIX = '-rolebinding';

/** The RoleBinding's name: declared, else `<cr>-rolebinding`. */
export function roleBindingName(input: RoleBindingInput, ctx: BuildContext): string {
  return defaultName(input.name, ctx, ROLE_BINDING_NAME_SUFFIX);
}

/** Builds the RoleBinding. */
export function buildRoleBinding(input: RoleBindingInput, ctx: BuildContext): RoleBinding {
  const name = roleBindingName(input, ctx);
  const out: RoleBinding = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: buildMeta(ctx, { name, namespace: resolveNamespace(input.namespace, ctx.owner), labels: input.labels, annotations: input.annotations }),
    roleRef: roleRef(input.roleRef, 'Role'),
  };
  const subs = subjects(input.subjects);
  if (subs !== undefined) out.subjects = subs;
  return out;
}
