/** Every builder by the Katalog list key it serves (`deployments` → buildDeployment ...). */
import type * as I from './inputs/kinds.ts';
import { buildClusterRoleBinding } from './kinds/cluster-role-binding.ts';
import { buildClusterRole } from './kinds/cluster-role.ts';
import { buildConfigMap } from './kinds/configmap.ts';
import { buildCronJob } from './kinds/cronjob.ts';
import { buildCustomResource } from './kinds/custom.ts';
import { buildDeployment } from './kinds/deployment.ts';
import { buildHorizontalPodAutoscaler } from './kinds/hpa.ts';
import { buildIngress } from './kinds/ingress.ts';
import { buildJob } from './kinds/job.ts';
import { buildLimitRange } from './kinds/limit-range.ts';
import { buildNamespace } from './kinds/namespace.ts';
import { buildNetworkPolicy } from './kinds/network-policy.ts';
import { buildPodDisruptionBudget } from './kinds/pdb.ts';
import { buildPod } from './kinds/pod.ts';
import { buildPersistentVolume } from './kinds/pv.ts';
import { buildPersistentVolumeClaim } from './kinds/pvc.ts';
import { buildReplicaSet } from './kinds/replicaset.ts';
import { buildResourceQuota } from './kinds/resource-quota.ts';
import { buildRoleBinding } from './kinds/role-binding.ts';
import { buildRole } from './kinds/role.ts';
import { buildSecret } from './kinds/secret.ts';
import { buildServiceAccount } from './kinds/serviceaccount.ts';
import { buildService } from './kinds/service.ts';
import { buildStatefulSet } from './kinds/statefulset.ts';
import type { BuildContext, KubeObject } from './types.ts';

type Builder<In> = (input: In, ctx: BuildContext) => KubeObject;

/** The builder of each child list, typed by its input. */
export interface ChildBuilders {
  readonly namespaces: Builder<I.NamespaceInput>;
  readonly secrets: Builder<I.SecretInput>;
  readonly configMaps: Builder<I.ConfigMapInput>;
  readonly networkPolicies: Builder<I.NetworkPolicyInput>;
  readonly resourceQuotas: Builder<I.ResourceQuotaInput>;
  readonly limitRanges: Builder<I.LimitRangeInput>;
  readonly clusterRoles: Builder<I.ClusterRoleInput>;
  readonly clusterRoleBindings: Builder<I.ClusterRoleBindingInput>;
  readonly serviceAccounts: Builder<I.ServiceAccountInput>;
  readonly roles: Builder<I.RoleInput>;
  readonly roleBindings: Builder<I.RoleBindingInput>;
  readonly custom: Builder<I.CustomResourceInput>;
  readonly replicaSets: Builder<I.ReplicaSetInput>;
  readonly deployments: Builder<I.DeploymentInput>;
  readonly services: Builder<I.ServiceInput>;
  readonly jobs: Builder<I.JobInput>;
  readonly cronJobs: Builder<I.CronJobInput>;
  readonly statefulSets: Builder<I.StatefulSetInput>;
  readonly persistentVolumes: Builder<I.PersistentVolumeInput>;
  readonly persistentVolumeClaims: Builder<I.PersistentVolumeClaimInput>;
  readonly ingresses: Builder<I.IngressInput>;
  readonly hpa: Builder<I.HorizontalPodAutoscalerInput>;
  readonly pdb: Builder<I.PodDisruptionBudgetInput>;
  readonly pods: Builder<I.PodInput>;
}

/** The builders keyed by child list key (same keys as Orkestra's HookTemplates). */
export const CHILD_BUILDERS: ChildBuilders = Object.freeze({
  namespaces: buildNamespace,
  secrets: buildSecret,
  configMaps: buildConfigMap,
  networkPolicies: buildNetworkPolicy,
  resourceQuotas: buildResourceQuota,
  limitRanges: buildLimitRange,
  clusterRoles: buildClusterRole,
  clusterRoleBindings: buildClusterRoleBinding,
  serviceAccounts: buildServiceAccount,
  roles: buildRole,
  roleBindings: buildRoleBinding,
  custom: buildCustomResource,
  replicaSets: buildReplicaSet,
  deployments: buildDeployment,
  services: buildService,
  jobs: buildJob,
  cronJobs: buildCronJob,
  statefulSets: buildStatefulSet,
  persistentVolumes: buildPersistentVolume,
  persistentVolumeClaims: buildPersistentVolumeClaim,
  ingresses: buildIngress,
  hpa: buildHorizontalPodAutoscaler,
  pdb: buildPodDisruptionBudget,
  pods: buildPod,
});
