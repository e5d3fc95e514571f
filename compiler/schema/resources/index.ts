/** Entry schema of every resource list of hook templates, keyed by list key. */
import { type TSchema } from '@sinclair/typebox';
import { type ChildListKey } from '../child-kinds.ts';
import { DeploymentSchema } from './deployment.ts';
import { ServiceSchema } from './service.ts';
import { ConfigMapSchema } from './configmap.ts';
import { SecretSchema } from './secret.ts';
import { pendingEntry } from './pending.ts';

export { DeploymentSchema, type RawDeployment } from './deployment.ts';
export { ServiceSchema, type RawService } from './service.ts';
export { ConfigMapSchema, type RawConfigMap } from './configmap.ts';
export { SecretSchema, SecretTLSSchema, type RawSecret } from './secret.ts';

export const RESOURCE_ENTRY_SCHEMAS = {
  namespaces: pendingEntry('Namespace'),
  secrets: SecretSchema,
  configMaps: ConfigMapSchema,
  networkPolicies: pendingEntry('NetworkPolicy'),
  resourceQuotas: pendingEntry('ResourceQuota'),
  limitRanges: pendingEntry('LimitRange'),
  clusterRoles: pendingEntry('ClusterRole'),
  clusterRoleBindings: pendingEntry('ClusterRoleBinding'),
  serviceAccounts: pendingEntry('ServiceAccount'),
  roles: pendingEntry('Role'),
  roleBindings: pendingEntry('RoleBinding'),
  custom: pendingEntry('custom resource'),
  replicaSets: pendingEntry('ReplicaSet'),
  deployments: DeploymentSchema,
  services: ServiceSchema,
  jobs: pendingEntry('Job'),
  cronJobs: pendingEntry('CronJob'),
  statefulSets: pendingEntry('StatefulSet'),
  persistentVolumes: pendingEntry('PersistentVolume'),
  persistentVolumeClaims: pendingEntry('PersistentVolumeClaim'),
  ingresses: pendingEntry('Ingress'),
  hpa: pendingEntry('HorizontalPodAutoscaler'),
  pdb: pendingEntry('PodDisruptionBudget'),
  pods: pendingEntry('Pod'),
} satisfies Record<ChildListKey, TSchema>;
