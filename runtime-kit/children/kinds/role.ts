/** `roles[i]` → rbac.authorization.k8s.io/v1 Role (Orkestra `roles`). Default name `<cr>-role`. */
import type { RoleInput } from '../inputs/kinds.ts';
import type { Role } from '../k8s/rbac.ts';
import { buildMeta, defaultName } from '../meta.ts';
import { resolveNamespace } from '../owner.ts';
import type { BuildContext } from '../types.ts';
import { policyRules } from './rbac-parts.ts';

/** Default name suffix: `<cr>-role`. */
export const ROLE_NAME_SUFFIX = '-role';

/** The Role's name: declared, else `<cr>-role`. */
export function roleName(input: RoleInput, ctx: BuildContext): string {
  return defaultName(input.name, ctx, ROLE_NAME_SUFFIX);
}

/** Builds the Role. */
export function buildRole(input: RoleInput, ctx: BuildContext): Role {
  const name = roleName(input, ctx);
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: buildMeta(ctx, { name, namespace: resolveNamespace(input.namespace, ctx.owner), labels: input.labels, annotations: input.annotations }),
    rules: policyRules(input.rules),
  };
}
