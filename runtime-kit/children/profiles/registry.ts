/**
 * The Katalog's `profiles:` block as data (Orkestra `ProfileRegistry`): per class, a list of
 * named presets. A user profile wins over a built-in of the same name; names match exactly.
 */
import type {
  ContainerSecurityFields, PodSecurityFields, ProbeTimingInput,
} from '../inputs/workload.ts';
import type {
  HpaBehaviorInput, LimitRangeItemInput, NetworkPolicyEgressRuleInput, NetworkPolicyIngressRuleInput,
} from '../inputs/kinds.ts';

type Map = Readonly<Record<string, string>>;
type Named<T> = ReadonlyArray<T & { readonly name: string; readonly description?: string }>;

/** User profiles by class, as declared under `profiles:` (templates already rendered). */
export interface UserProfiles {
  readonly resources?: Named<{ readonly requests?: Map; readonly limits?: Map }>;
  readonly probes?: Named<ProbeTimingInput>;
  readonly containerSecurity?: Named<ContainerSecurityFields>;
  readonly podSecurity?: Named<PodSecurityFields>;
  readonly rollingUpdate?: Named<{ readonly maxSurge?: string; readonly maxUnavailable?: string }>;
  readonly hpa?: Named<{
    readonly minReplicas?: string;
    readonly maxReplicas?: string;
    readonly targetCPUUtilizationPercentage?: string;
    readonly behavior?: HpaBehaviorInput;
  }>;
  readonly pdb?: Named<{ readonly minAvailable?: string; readonly maxUnavailable?: string }>;
  readonly networkPolicies?: Named<{
    readonly podSelector?: Readonly<Record<string, unknown>>;
    readonly ingress?: readonly NetworkPolicyIngressRuleInput[];
    readonly egress?: readonly NetworkPolicyEgressRuleInput[];
    readonly policyTypes?: readonly string[];
  }>;
  readonly resourceQuotas?: Named<{ readonly hard: Map }>;
  readonly limitRanges?: Named<{ readonly limits: readonly LimitRangeItemInput[] }>;
}

/** The first profile of `list` named exactly `name` (Orkestra `Lookup*`). */
export function findProfile<T extends { readonly name: string }>(list: readonly T[] | undefined, name: string): T | undefined {
  return list?.find((p) => p.name === name);
}

/** A built-in table lookup; built-in names are case-insensitive unless `exact`. */
export function builtIn<V>(table: ReadonlyMap<string, V>, name: string, exact = false): V | undefined {
  return table.get(exact ? name : name.toLowerCase());
}
