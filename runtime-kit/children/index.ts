/**
 * Child-manifest builders: pure functions from Orkestra's flat, rendered child declarations to
 * Kubernetes objects with Orkestra's defaults. No I/O, no side effects; same input → same JSON.
 * See docs/children.md.
 */
export type {
  BuildContext, BuildWarning, ChildMeta, ChildObject, KubeObject, ObjectMeta, Owner, OwnerReference, Phase, UserProfiles,
} from './types.ts';
export type * from './inputs/workload.ts';
export type * from './inputs/kinds.ts';
export type * from './k8s/pod.ts';
export type * from './k8s/workloads.ts';
export type * from './k8s/core.ts';
export type * from './k8s/networking.ts';
export type * from './k8s/rbac.ts';

export { ChildSpecError } from './errors.ts';
export {
  MANAGED_LABEL, OWNER_LABEL, SERVE_ALIAS_ANNOTATION, SERVE_TARGET_ANNOTATION, SERVE_TARGET_LABEL,
  effectiveOwnerKey, ownerSelector, podTemplateLabels, stampLabels,
} from './labels.ts';
export { controllerReference, isClusterScoped, mayOwn, ownerReferences, resolveNamespace } from './owner.ts';
export { parseBool, parseIntOrPercent, parsePort, parseProtocol, parseReplicas, scanPort } from './parse.ts';
export { isQuantity } from './quantity.ts';
export { RUNTIME_IO_KEYS, runtimeIoKeys, type RuntimeIoListKey } from './runtime-io.ts';
export { CHILD_BUILDERS, type ChildBuilders } from './builders.ts';

export { RESOURCE_PROFILES } from './profiles/resources.ts';
export { DEFAULT_PROBE_TIMING, PROBE_PROFILES, type ProbeTiming } from './profiles/probes.ts';
export { CONTAINER_SECURITY_PROFILES, POD_SECURITY_PROFILES } from './profiles/security.ts';
export { ROLLING_UPDATE_PROFILES } from './profiles/rolling-update.ts';
export { HPA_PROFILES } from './profiles/hpa.ts';
export { PDB_PROFILES } from './profiles/pdb.ts';
export { NETWORK_POLICY_PROFILES } from './profiles/network-policy.ts';
export { RESOURCE_QUOTA_PROFILES } from './profiles/quota.ts';

export { DEPLOYMENT_NAME_SUFFIX, buildDeployment, deploymentName } from './kinds/deployment.ts';
export { REPLICASET_NAME_SUFFIX, buildReplicaSet, replicaSetName } from './kinds/replicaset.ts';
export { buildStatefulSet, statefulSetName } from './kinds/statefulset.ts';
export { POD_NAME_SUFFIX, buildPod, podName } from './kinds/pod.ts';
export { DEFAULT_BACKOFF_LIMIT, JOB_NAME_SUFFIX, buildJob, jobName } from './kinds/job.ts';
export { CRONJOB_NAME_SUFFIX, buildCronJob, cronJobName } from './kinds/cronjob.ts';
export { SERVICE_NAME_SUFFIX, buildService, serviceName } from './kinds/service.ts';
export { CONFIGMAP_NAME_SUFFIX, buildConfigMap, configMapName } from './kinds/configmap.ts';
export { SECRET_NAME_SUFFIX, buildSecret, secretName, secretType } from './kinds/secret.ts';
export { SERVICEACCOUNT_NAME_SUFFIX, buildServiceAccount, serviceAccountName } from './kinds/serviceaccount.ts';
export { buildPersistentVolumeClaim } from './kinds/pvc.ts';
export { buildPersistentVolume } from './kinds/pv.ts';
export { INGRESS_NAME_SUFFIX, buildIngress, ingressName } from './kinds/ingress.ts';
export { HPA_NAME_SUFFIX, buildHorizontalPodAutoscaler, hpaName } from './kinds/hpa.ts';
export { PDB_NAME_SUFFIX, buildPodDisruptionBudget, pdbName } from './kinds/pdb.ts';
export { NAMESPACE_NAME_SUFFIX, buildNamespace, namespaceName } from './kinds/namespace.ts';
export { ROLE_NAME_SUFFIX, buildRole, roleName } from './kinds/role.ts';
export { CLUSTER_ROLE_NAME_SUFFIX, buildClusterRole, clusterRoleName } from './kinds/cluster-role.ts';
export { ROLE_BINDING_NAME_SUFFIX, buildRoleBinding, roleBindingName } from './kinds/role-binding.ts';
export { CLUSTER_ROLE_BINDING_NAME_SUFFIX, buildClusterRoleBinding, clusterRoleBindingName } from './kinds/cluster-role-binding.ts';
export { buildNetworkPolicy } from './kinds/network-policy.ts';
export { buildResourceQuota } from './kinds/resource-quota.ts';
export { buildLimitRange } from './kinds/limit-range.ts';
export { CUSTOM_NAME_SUFFIX, CUSTOM_RESERVED_KEYS, buildCustomResource } from './kinds/custom.ts';
