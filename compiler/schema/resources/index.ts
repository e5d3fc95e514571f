/** Entry schema of every resource list of hook templates, keyed by list key. */
import { type TSchema } from '@sinclair/typebox';
import { type ChildListKey } from '../child-kinds.ts';
import { DeploymentSchema } from './deployment.ts';
import { ReplicaSetSchema } from './replicaset.ts';
import { StatefulSetSchema } from './statefulset.ts';
import { PodSchema } from './pod.ts';
import { JobSchema } from './job.ts';
import { CronJobSchema } from './cronjob.ts';
import { ServiceSchema } from './service.ts';
import { IngressSchema } from './ingress.ts';
import { ConfigMapSchema } from './configmap.ts';
import { SecretSchema } from './secret.ts';
import { NamespaceSchema } from './namespace.ts';
import { ServiceAccountSchema } from './serviceaccount.ts';
import { RoleSchema, RoleBindingSchema, ClusterRoleSchema, ClusterRoleBindingSchema } from './rbac.ts';
import { PersistentVolumeSchema, PersistentVolumeClaimSchema } from './storage.ts';
import { HorizontalPodAutoscalerSchema, PodDisruptionBudgetSchema } from './autoscaling.ts';
import { LimitRangeSchema, ResourceQuotaSchema, NetworkPolicySchema } from './policy.ts';
import { CustomResourceSchema } from './custom.ts';

export { DeploymentSchema, type RawDeployment } from './deployment.ts';
export { ReplicaSetSchema, type RawReplicaSet } from './replicaset.ts';
export { StatefulSetSchema, VolumeClaimTemplateSchema, type RawStatefulSet } from './statefulset.ts';
export { PodSchema, type RawPod } from './pod.ts';
export { JobSchema, type RawJob } from './job.ts';
export { CronJobSchema, type RawCronJob } from './cronjob.ts';
export { ServiceSchema, type RawService } from './service.ts';
export { IngressSchema, type RawIngress } from './ingress.ts';
export { ConfigMapSchema, type RawConfigMap } from './configmap.ts';
export { SecretSchema, SecretTLSSchema, type RawSecret } from './secret.ts';
export { NamespaceSchema, type RawNamespace } from './namespace.ts';
export { ServiceAccountSchema, type RawServiceAccount } from './serviceaccount.ts';
export {
  RoleSchema, RoleBindingSchema, ClusterRoleSchema, ClusterRoleBindingSchema, PolicyRuleSchema, SubjectSchema,
  type RawRole, type RawRoleBinding, type RawClusterRole, type RawClusterRoleBinding,
} from './rbac.ts';
export { PersistentVolumeSchema, PersistentVolumeClaimSchema, type RawPersistentVolume, type RawPersistentVolumeClaim } from './storage.ts';
export {
  HorizontalPodAutoscalerSchema, PodDisruptionBudgetSchema, type RawHorizontalPodAutoscaler, type RawPodDisruptionBudget,
} from './autoscaling.ts';
export {
  LimitRangeSchema, ResourceQuotaSchema, NetworkPolicySchema, type RawLimitRange, type RawResourceQuota, type RawNetworkPolicy,
} from './policy.ts';
export { CustomResourceSchema, type RawCustomResource } from './custom.ts';

/** The entry schema of each resource list. */
export const RESOURCE_ENTRY_SCHEMAS = {
  namespaces: NamespaceSchema,
  secrets: SecretSchema,
  configMaps: ConfigMapSchema,
  networkPolicies: NetworkPolicySchema,
  resourceQuotas: ResourceQuotaSchema,
  limitRanges: LimitRangeSchema,
  clusterRoles: ClusterRoleSchema,
  clusterRoleBindings: ClusterRoleBindingSchema,
  serviceAccounts: ServiceAccountSchema,
  roles: RoleSchema,
  roleBindings: RoleBindingSchema,
  custom: CustomResourceSchema,
  replicaSets: ReplicaSetSchema,
  deployments: DeploymentSchema,
  services: ServiceSchema,
  jobs: JobSchema,
  cronJobs: CronJobSchema,
  statefulSets: StatefulSetSchema,
  persistentVolumes: PersistentVolumeSchema,
  persistentVolumeClaims: PersistentVolumeClaimSchema,
  ingresses: IngressSchema,
  hpa: HorizontalPodAutoscalerSchema,
  pdb: PodDisruptionBudgetSchema,
  pods: PodSchema,
} satisfies Record<ChildListKey, TSchema>;
