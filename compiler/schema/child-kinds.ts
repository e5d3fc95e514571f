/**
 * The resource lists of hook templates (`onCreate.deployments`, ...), in Orkestra's apply order
 * within a group (`run_template_reconcile.go`), with the Kubernetes type each one creates.
 * The RBAC derivation, the generator and the runtime read this one table.
 */

export interface ChildKind {
  /** Key under onCreate / onReconcile / onDelete. */
  readonly key: ChildListKey;
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly plural: string;
  readonly namespaced: boolean;
}

/** Resource-list keys in apply order. */
export const CHILD_LIST_KEYS = [
  'namespaces', 'secrets', 'configMaps', 'networkPolicies', 'resourceQuotas', 'limitRanges',
  'clusterRoles', 'clusterRoleBindings', 'serviceAccounts', 'roles', 'roleBindings', 'custom',
  'replicaSets', 'deployments', 'services', 'jobs', 'cronJobs', 'statefulSets',
  'persistentVolumes', 'persistentVolumeClaims', 'ingresses', 'hpa', 'pdb', 'pods',
] as const;
export type ChildListKey = (typeof CHILD_LIST_KEYS)[number];

const k = (key: ChildListKey, group: string, version: string, kind: string, plural: string, namespaced: boolean): ChildKind =>
  ({ key, group, version, kind, plural, namespaced });

/**
 * Apply order and Kubernetes type of every list. `custom` has no fixed type: each entry names its
 * own apiVersion/kind, so its row is a placeholder with empty group/kind.
 */
export const CHILD_KINDS: readonly ChildKind[] = [
  k('namespaces', '', 'v1', 'Namespace', 'namespaces', false),
  k('secrets', '', 'v1', 'Secret', 'secrets', true),
  k('configMaps', '', 'v1', 'ConfigMap', 'configmaps', true),
  k('networkPolicies', 'networking.k8s.io', 'v1', 'NetworkPolicy', 'networkpolicies', true),
  k('resourceQuotas', '', 'v1', 'ResourceQuota', 'resourcequotas', true),
  k('limitRanges', '', 'v1', 'LimitRange', 'limitranges', true),
  k('clusterRoles', 'rbac.authorization.k8s.io', 'v1', 'ClusterRole', 'clusterroles', false),
  k('clusterRoleBindings', 'rbac.authorization.k8s.io', 'v1', 'ClusterRoleBinding', 'clusterrolebindings', false),
  k('serviceAccounts', '', 'v1', 'ServiceAccount', 'serviceaccounts', true),
  k('roles', 'rbac.authorization.k8s.io', 'v1', 'Role', 'roles', true),
  k('roleBindings', 'rbac.authorization.k8s.io', 'v1', 'RoleBinding', 'rolebindings', true),
  k('custom', '', '', '', '', true),
  k('replicaSets', 'apps', 'v1', 'ReplicaSet', 'replicasets', true),
  k('deployments', 'apps', 'v1', 'Deployment', 'deployments', true),
  k('services', '', 'v1', 'Service', 'services', true),
  k('jobs', 'batch', 'v1', 'Job', 'jobs', true),
  k('cronJobs', 'batch', 'v1', 'CronJob', 'cronjobs', true),
  k('statefulSets', 'apps', 'v1', 'StatefulSet', 'statefulsets', true),
  k('persistentVolumes', '', 'v1', 'PersistentVolume', 'persistentvolumes', false),
  k('persistentVolumeClaims', '', 'v1', 'PersistentVolumeClaim', 'persistentvolumeclaims', true),
  k('ingresses', 'networking.k8s.io', 'v1', 'Ingress', 'ingresses', true),
  k('hpa', 'autoscaling', 'v2', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', true),
  k('pdb', 'policy', 'v1', 'PodDisruptionBudget', 'poddisruptionbudgets', true),
  k('pods', '', 'v1', 'Pod', 'pods', true),
];

/** Row of a resource-list key. */
export function childKind(key: ChildListKey): ChildKind {
  const row = CHILD_KINDS.find((c) => c.key === key);
  if (row === undefined) throw new Error(`unknown child list key ${key}`);
  return row;
}
