/** Rules, role references and subjects shared by the RBAC kinds (Orkestra `roles`, `rolebindings` ...). */
import type { PolicyRuleInput, SubjectInput } from '../inputs/kinds.ts';
import type { PolicyRule, RoleRef, Subject } from '../k8s/rbac.ts';

/** One rule: verbs always written; empty apiGroups/resources/resourceNames omitted ("" core group kept). */
export function policyRule(r: PolicyRuleInput): PolicyRule {
  const out: Partial<PolicyRule> = {};
  if (r.apiGroups !== undefined && r.apiGroups.length > 0) out.apiGroups = [...r.apiGroups];
  if (r.resources !== undefined && r.resources.length > 0) out.resources = [...r.resources];
  out.verbs = [...(r.verbs ?? [])];
  if (r.resourceNames !== undefined && r.resourceNames.length > 0) out.resourceNames = [...r.resourceNames];
  return out as PolicyRule;
}

/** All rules ([] when none are declared). */
export function policyRules(rules: readonly PolicyRuleInput[] | undefined): PolicyRule[] {
  return (rules ?? []).map(policyRule);
}

/** `roleRef` with apiGroup rbac.authorization.k8s.io and the kind defaulted. */
export function roleRef(ref: { readonly name?: string; readonly kind?: string } | undefined, defaultKind: 'Role' | 'ClusterRole'): RoleRef {
  const kind = ref?.kind !== undefined && ref.kind !== '' ? ref.kind : defaultKind;
  return { apiGroup: 'rbac.authorization.k8s.io', kind, name: ref?.name ?? '' };
}

/** Subjects as declared (namespace omitted when empty); undefined when none. */
export function subjects(list: readonly SubjectInput[] | undefined): Subject[] | undefined {
  if (list === undefined || list.length === 0) return undefined;
  return list.map((s) => {
    const out: Subject = { kind: s.kind ?? '', name: s.name ?? '' };
    if (s.namespace !== undefined && s.namespace !== '') out.namespace = s.namespace;
    return out;
  });
}
