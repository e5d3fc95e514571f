/**
 * RBAC manifests from the derived rules: a ClusterRole for CRs and children (all namespaces),
 * a Role for the Lease in the operator namespace, their bindings and the ServiceAccount.
 * One PolicyRule per (group, resource) so every rule traces to the Katalog (annotations list why).
 */
import type { KatalogModel } from '../../model/katalog-model.ts';
import type { RbacRule, RbacRules } from '../../rbac/rules.ts';
import { commonLabels, operatorName } from './labels.ts';

function policyRule(r: RbacRule): Record<string, unknown> {
  return {
    apiGroups: [r.apiGroup],
    resources: [r.resource],
    ...(r.resourceNames ? { resourceNames: [...r.resourceNames] } : {}),
    verbs: [...r.verbs],
  };
}

/** ServiceAccount, ClusterRole(+Binding), Role(+Binding) of the operator. */
export function rbacManifests(model: KatalogModel, rules: RbacRules, namespace: string): Array<Record<string, unknown>> {
  const name = operatorName(model);
  const labels = commonLabels(model);
  const subject = [{ kind: 'ServiceAccount', name, namespace }];
  const why = (list: readonly RbacRule[]): string => list.map((r) => `${r.apiGroup || 'core'}/${r.resource}: ${r.reasons.map((x) => x.path).filter((p, i, a) => a.indexOf(p) === i).join(', ')}`).join('\n');
  return [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace, labels } },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name, labels, annotations: { 'ork.dev/rules-needed-by': why(rules.cluster) } },
      rules: rules.cluster.map(policyRule),
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name, labels },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name },
      subjects: subject,
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: `${name}-leader-election`, namespace, labels, annotations: { 'ork.dev/rules-needed-by': why(rules.namespace) } },
      rules: rules.namespace.map(policyRule),
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: `${name}-leader-election`, namespace, labels },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: `${name}-leader-election` },
      subjects: subject,
    },
  ];
}
