/**
 * The rendered input of each child kind: Orkestra's flat declarations (`*TemplateSource`) with
 * every template already rendered. See docs/children.md for the field-by-field mapping.
 */
import type {
  EntryControlInput, PodFieldsInput, RollingUpdateInput,
} from './workload.ts';

type Map = Readonly<Record<string, string>>;

/** name / namespace / labels / annotations of a namespaced entry. */
export interface NamespacedEntryInput extends EntryControlInput {
  readonly name?: string;
  readonly namespace?: string;
  readonly labels?: Map;
  readonly annotations?: Map;
}

/** name / labels / annotations of a cluster-scoped entry. */
export interface ClusterEntryInput extends EntryControlInput {
  readonly name?: string;
  readonly labels?: Map;
  readonly annotations?: Map;
}

/** Primary port of a workload: `port` "8080" (unparsable or absent = no port), `protocol`. */
export interface PortInput {
  readonly port?: string;
  readonly protocol?: string;
}

/** `deployments[i]` (and `replicaSets[i]`). `autoscale` is not built (ork refuses it). */
export interface DeploymentInput extends NamespacedEntryInput, PodFieldsInput, PortInput {
  readonly replicas?: string;
  readonly rollingUpdate?: RollingUpdateInput;
  readonly autoscale?: unknown;
}

/** `replicaSets[i]`: the Deployment shape (rollingUpdate does not apply to a ReplicaSet). */
export type ReplicaSetInput = DeploymentInput;

/** `statefulSets[i]`. */
export interface StatefulSetInput extends NamespacedEntryInput, PodFieldsInput, PortInput {
  readonly tag?: string;
  readonly replicas?: string;
  readonly rollingUpdate?: RollingUpdateInput;
  readonly autoscale?: unknown;
  readonly serviceName?: string;
  readonly volumeClaimTemplates?: readonly VolumeClaimTemplateInput[];
}

/** `statefulSets[i].volumeClaimTemplates[j]`. */
export interface VolumeClaimTemplateInput {
  readonly name?: string;
  readonly storageClass: string;
  readonly storageSize: string;
  readonly mountPath?: string;
  readonly accessModes?: readonly string[];
}

/** `pods[i]`. */
export interface PodInput extends NamespacedEntryInput, PodFieldsInput, PortInput {}

/** `jobs[i]`. `backoffLimit` is a Go int (0 or absent → 3). */
export interface JobInput extends NamespacedEntryInput, PodFieldsInput {
  readonly backoffLimit?: number;
}

/** `cronJobs[i]`. Go-string fields: suspend, history limits, startingDeadlineSeconds. */
export interface CronJobInput extends NamespacedEntryInput, PodFieldsInput {
  readonly schedule?: string;
  readonly suspend?: string;
  readonly successfulJobsHistoryLimit?: string;
  readonly failedJobsHistoryLimit?: string;
  readonly concurrencyPolicy?: string;
  readonly startingDeadlineSeconds?: string;
}

/** `services[i]`. */
export interface ServiceInput extends NamespacedEntryInput {
  readonly type?: string;
  readonly headless?: boolean;
  readonly protocol?: string;
  readonly port?: string;
  readonly targetPort?: string;
  readonly selector?: Map;
}

/** `configMaps[i]`. `fromConfigMap`/`fromNamespace`/`toNamespaces` need runtime I/O. */
export interface ConfigMapInput extends NamespacedEntryInput {
  readonly data?: Map;
  readonly fromConfigMap?: string;
  readonly fromNamespace?: string;
  readonly toNamespaces?: readonly string[];
}

/** `secrets[i]`. `fromSecret`, `once`, `rotateAfter`, `tls`, `toNamespaces` need runtime I/O. */
export interface SecretInput extends NamespacedEntryInput {
  readonly type?: string;
  readonly data?: Map;
  readonly fromSecret?: string;
  readonly fromNamespace?: string;
  readonly once?: boolean;
  readonly rotateAfter?: string;
  readonly tls?: Readonly<Record<string, unknown>>;
  readonly toNamespaces?: readonly string[];
}

/** `serviceAccounts[i]`. */
export type ServiceAccountInput = NamespacedEntryInput;

/** `persistentVolumeClaims[i]` (name required). */
export interface PersistentVolumeClaimInput extends NamespacedEntryInput {
  readonly storageClassName?: string;
  readonly accessModes?: readonly string[];
  readonly storage?: string;
  readonly volumeMode?: string;
  readonly volumeName?: string;
}

/** `persistentVolumes[i]` (cluster-scoped, name required). */
export interface PersistentVolumeInput extends ClusterEntryInput {
  readonly storageClassName?: string;
  readonly capacity?: string;
  readonly accessModes?: readonly string[];
  readonly reclaimPolicy?: string;
  readonly hostPath?: string;
  readonly csiDriver?: string;
  readonly csiVolumeHandle?: string;
}

/** `ingresses[i]`: one rule to one backend Service. `tls.create` generates a Secret (runtime I/O). */
export interface IngressInput extends NamespacedEntryInput {
  readonly host?: string;
  readonly serviceName?: string;
  readonly servicePort?: string;
  readonly path?: string;
  readonly pathType?: string;
  readonly className?: string;
  readonly tls?: {
    readonly create?: boolean;
    readonly secretName?: string;
    readonly hosts?: readonly string[];
    readonly validFor?: string;
  };
}

/** One HPA scaling policy. */
export interface HpaPolicyInput {
  readonly type: string;
  readonly value: number;
  readonly periodSeconds: number;
}

/** `behavior.scaleUp` / `behavior.scaleDown`. */
export interface HpaScalingRulesInput {
  readonly stabilizationWindowSeconds?: number;
  readonly policies?: readonly HpaPolicyInput[];
  readonly selectPolicy?: string;
}

/** `hpa[i].behavior`: a profile xor scaleUp/scaleDown. */
export interface HpaBehaviorInput {
  readonly profile?: string;
  readonly scaleUp?: HpaScalingRulesInput;
  readonly scaleDown?: HpaScalingRulesInput;
}

/** `hpa[i]`. */
export interface HorizontalPodAutoscalerInput extends NamespacedEntryInput {
  readonly scaleTargetRef?: { readonly apiVersion?: string; readonly kind?: string; readonly name?: string };
  readonly minReplicas?: string;
  readonly maxReplicas?: string;
  readonly targetCPUUtilizationPercentage?: string;
  readonly behavior?: HpaBehaviorInput;
}

/** `pdb[i]`. */
export interface PodDisruptionBudgetInput extends NamespacedEntryInput {
  readonly selector?: Map;
  readonly minAvailable?: string;
  readonly maxUnavailable?: string;
  readonly behavior?: { readonly profile?: string; readonly minAvailable?: string; readonly maxUnavailable?: string };
}

/** `namespaces[i]` (cluster-scoped). */
export interface NamespaceInput extends ClusterEntryInput {
  readonly finalizers?: readonly string[];
}

/** One RBAC rule. */
export interface PolicyRuleInput {
  readonly apiGroups?: readonly string[];
  readonly resources?: readonly string[];
  readonly verbs?: readonly string[];
  readonly resourceNames?: readonly string[];
}

/** One binding subject. */
export interface SubjectInput {
  readonly kind?: string;
  readonly name?: string;
  readonly namespace?: string;
}

/** `roles[i]`. */
export interface RoleInput extends NamespacedEntryInput {
  readonly rules?: readonly PolicyRuleInput[];
}

/** `clusterRoles[i]`. */
export interface ClusterRoleInput extends ClusterEntryInput {
  readonly rules?: readonly PolicyRuleInput[];
}

/** `roleBindings[i]` (roleRef.kind default Role). */
export interface RoleBindingInput extends NamespacedEntryInput {
  readonly roleRef?: { readonly name?: string; readonly kind?: string };
  readonly subjects?: readonly SubjectInput[];
}

/** `clusterRoleBindings[i]` (roleRef.kind default ClusterRole). */
export interface ClusterRoleBindingInput extends ClusterEntryInput {
  readonly roleRef?: { readonly name?: string; readonly kind?: string };
  readonly subjects?: readonly SubjectInput[];
}

/** A NetworkPolicy peer. */
export interface NetworkPolicyPeerInput {
  readonly podSelector?: Map;
  readonly namespaceSelector?: Map;
  readonly ipBlock?: { readonly cidr: string; readonly except?: readonly string[] };
}

/** A NetworkPolicy port: number or name. */
export interface NetworkPolicyPortInput {
  readonly protocol?: string;
  readonly port?: string;
}

/** An ingress rule. */
export interface NetworkPolicyIngressRuleInput {
  readonly from?: readonly NetworkPolicyPeerInput[];
  readonly ports?: readonly NetworkPolicyPortInput[];
}

/** An egress rule. */
export interface NetworkPolicyEgressRuleInput {
  readonly to?: readonly NetworkPolicyPeerInput[];
  readonly ports?: readonly NetworkPolicyPortInput[];
}

/** `networkPolicies[i]` (name required). `fromNetworkPolicy`/`toNamespaces` need runtime I/O. */
export interface NetworkPolicyInput extends NamespacedEntryInput {
  readonly podSelector?: Map;
  readonly ingress?: readonly NetworkPolicyIngressRuleInput[];
  readonly egress?: readonly NetworkPolicyEgressRuleInput[];
  readonly policyTypes?: readonly string[];
  readonly profile?: string;
  readonly fromNetworkPolicy?: string;
  readonly fromNamespace?: string;
  readonly toNamespaces?: readonly string[];
}

/** `resourceQuotas[i]` (name required). */
export interface ResourceQuotaInput extends NamespacedEntryInput {
  readonly hard?: Map;
  readonly profile?: string;
  readonly fromResourceQuota?: string;
  readonly fromNamespace?: string;
  readonly toNamespaces?: readonly string[];
}

/** One LimitRange item. */
export interface LimitRangeItemInput {
  readonly type: string;
  readonly max?: Map;
  readonly min?: Map;
  readonly default?: Map;
  readonly defaultRequest?: Map;
  readonly maxLimitRequestRatio?: Map;
}

/** `limitRanges[i]` (name required; profiles are user-defined only). */
export interface LimitRangeInput extends NamespacedEntryInput {
  readonly limits?: readonly LimitRangeItemInput[];
  readonly profile?: string;
  readonly fromLimitRange?: string;
  readonly fromNamespace?: string;
  readonly toNamespaces?: readonly string[];
}

/** `custom[i]`: any object written as a manifest; unknown top-level keys are kept. */
export interface CustomResourceInput extends EntryControlInput {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: {
    readonly name?: string;
    readonly namespace?: string;
    readonly namespaced?: boolean;
    readonly labels?: Map;
    readonly annotations?: Map;
  };
  readonly spec?: Readonly<Record<string, unknown>>;
  readonly status?: Readonly<Record<string, unknown>>;
  readonly hasStatus?: boolean;
  readonly [field: string]: unknown;
}
