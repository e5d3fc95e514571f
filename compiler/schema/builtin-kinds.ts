/**
 * Built-in Kubernetes kinds a CRD entry may name with just `apiTypes.kind` (e.g. a Katalog that
 * reconciles ConfigMaps): Orkestra fills group, version, plural, apiPath and scope ("enrichment").
 */

export interface BuiltinKind {
  readonly kind: string;
  /** API group; "" is the core group. */
  readonly group: string;
  readonly version: string;
  readonly plural: string;
  /** REST prefix: "/api" for the core group, "/apis" otherwise. */
  readonly apiPath: '/api' | '/apis';
  readonly namespaced: boolean;
}

const core = (kind: string, plural: string, namespaced: boolean): BuiltinKind =>
  ({ kind, group: '', version: 'v1', plural, apiPath: '/api', namespaced });
const named = (group: string, version: string, kind: string, plural: string, namespaced: boolean): BuiltinKind =>
  ({ kind, group, version, plural, apiPath: '/apis', namespaced });

/** Common built-in kinds, keyed by Kind. */
export const BUILTIN_KINDS: ReadonlyMap<string, BuiltinKind> = new Map([
  core('Pod', 'pods', true),
  core('ConfigMap', 'configmaps', true),
  core('Secret', 'secrets', true),
  core('Service', 'services', true),
  core('ServiceAccount', 'serviceaccounts', true),
  core('Namespace', 'namespaces', false),
  core('Node', 'nodes', false),
  core('Endpoints', 'endpoints', true),
  core('Event', 'events', true),
  core('PersistentVolume', 'persistentvolumes', false),
  core('PersistentVolumeClaim', 'persistentvolumeclaims', true),
  core('ResourceQuota', 'resourcequotas', true),
  core('LimitRange', 'limitranges', true),
  named('apps', 'v1', 'Deployment', 'deployments', true),
  named('apps', 'v1', 'StatefulSet', 'statefulsets', true),
  named('apps', 'v1', 'DaemonSet', 'daemonsets', true),
  named('apps', 'v1', 'ReplicaSet', 'replicasets', true),
  named('batch', 'v1', 'Job', 'jobs', true),
  named('batch', 'v1', 'CronJob', 'cronjobs', true),
  named('networking.k8s.io', 'v1', 'Ingress', 'ingresses', true),
  named('networking.k8s.io', 'v1', 'NetworkPolicy', 'networkpolicies', true),
  named('autoscaling', 'v2', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', true),
  named('policy', 'v1', 'PodDisruptionBudget', 'poddisruptionbudgets', true),
  named('rbac.authorization.k8s.io', 'v1', 'Role', 'roles', true),
  named('rbac.authorization.k8s.io', 'v1', 'RoleBinding', 'rolebindings', true),
  named('rbac.authorization.k8s.io', 'v1', 'ClusterRole', 'clusterroles', false),
  named('rbac.authorization.k8s.io', 'v1', 'ClusterRoleBinding', 'clusterrolebindings', false),
  named('coordination.k8s.io', 'v1', 'Lease', 'leases', true),
  named('storage.k8s.io', 'v1', 'StorageClass', 'storageclasses', false),
].map((b) => [b.kind, b] as const));

/** The built-in kind of that name, if any. */
export function builtinKind(kind: string): BuiltinKind | undefined {
  return BUILTIN_KINDS.get(kind);
}
