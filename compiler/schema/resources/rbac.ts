/**
 * `roles:`, `roleBindings:`, `clusterRoles:`, `clusterRoleBindings:` entries
 * (Orkestra `types_rbac.go`). Cluster-scoped kinds have no namespace.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Obj, Opt, Str, StrList } from '../scalars.ts';
import { entryKeys, namespaceKey, labelsKey } from '../resource-common.ts';
import { Def } from '../definitions.ts';

export const PolicyRuleSchema = Obj('One RBAC rule (list elements may be templates).', {
  apiGroups: Opt(StrList('API groups ("" = core).')),
  resources: Opt(StrList('Resources, e.g. deployments.')),
  verbs: Opt(StrList('Verbs, e.g. get, list, watch.')),
  resourceNames: Opt(StrList('Restrict to these object names.')),
});

export const SubjectSchema = Obj('Who the binding grants the role to.', {
  kind: Opt(Str('ServiceAccount, User or Group.')),
  name: Opt(Str('Subject name (template).')),
  namespace: Opt(Str('Subject namespace (template).')),
});

const roleRef = (defaultKind: string) => Obj(`The role being bound (kind defaults to ${defaultKind}).`, {
  name: Opt(Str('Role name (template).')),
  kind: Opt(Str('Role or ClusterRole.')),
});

const rules = () => ({ rules: Opt(Type.Array(PolicyRuleSchema, { description: 'Permissions granted (at least one).' })) });
const subjects = () => ({ subjects: Opt(Type.Array(SubjectSchema, { description: 'Subjects of the binding (at least one).' })) });

export const RoleSchema = Def('Role', Obj('A namespaced Role managed by this CR.', {
  ...entryKeys('Role', '{{ .metadata.name }}-role'),
  ...namespaceKey('Role'),
  ...labelsKey('Role'),
  ...rules(),
}));
export type RawRole = Static<typeof RoleSchema>;

export const RoleBindingSchema = Def('RoleBinding', Obj('A RoleBinding managed by this CR.', {
  ...entryKeys('RoleBinding', '{{ .metadata.name }}-rolebinding'),
  ...namespaceKey('RoleBinding'),
  ...labelsKey('RoleBinding'),
  roleRef: Opt(roleRef('Role')),
  ...subjects(),
}));
export type RawRoleBinding = Static<typeof RoleBindingSchema>;

export const ClusterRoleSchema = Def('ClusterRole', Obj('A ClusterRole owned by this CR (cluster-scoped; tracked by label).', {
  ...entryKeys('ClusterRole', '{{ .metadata.name }}-cluster-role'),
  ...labelsKey('ClusterRole'),
  ...rules(),
}));
export type RawClusterRole = Static<typeof ClusterRoleSchema>;

export const ClusterRoleBindingSchema = Def('ClusterRoleBinding', Obj('A ClusterRoleBinding owned by this CR (cluster-scoped; tracked by label).', {
  ...entryKeys('ClusterRoleBinding', '{{ .metadata.name }}-crb'),
  ...labelsKey('ClusterRoleBinding'),
  roleRef: Opt(roleRef('ClusterRole')),
  ...subjects(),
}));
export type RawClusterRoleBinding = Static<typeof ClusterRoleBindingSchema>;
