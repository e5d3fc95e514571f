/** NetworkPolicy profiles (`networkPolicies[i].profile`; Orkestra `pkg/profiles/networkpolicy.go`). */
import type { NetworkPolicyEgressRuleInput, NetworkPolicyIngressRuleInput } from '../inputs/kinds.ts';
import type { UserProfiles } from './registry.ts';
import { builtIn, findProfile } from './registry.ts';

/** Rules and policy types a profile replaces (undefined rules = not declared). */
export type NetworkPolicyExpansion = {
  readonly ingress?: readonly NetworkPolicyIngressRuleInput[];
  readonly egress?: readonly NetworkPolicyEgressRuleInput[];
  readonly policyTypes?: readonly string[];
};

/** Built-in NetworkPolicy profiles. */
export const NETWORK_POLICY_PROFILES: ReadonlyMap<string, NetworkPolicyExpansion> = new Map<string, NetworkPolicyExpansion>([
  ['deny-all', { ingress: [], egress: [], policyTypes: ['Ingress', 'Egress'] }],
  ['deny-all-ingress', { ingress: [], policyTypes: ['Ingress'] }],
  ['deny-all-egress', { egress: [], policyTypes: ['Egress'] }],
  ['allow-same-namespace', { ingress: [{ from: [{ podSelector: {} }] }], policyTypes: ['Ingress'] }],
  ['allow-dns-egress', { egress: [{ ports: [{ protocol: 'UDP', port: '53' }, { protocol: 'TCP', port: '53' }] }], policyTypes: ['Egress'] }],
]);

/** A user `profiles.networkPolicies` entry, else a built-in (case-insensitive). */
export function networkPolicyProfile(name: string, profiles: UserProfiles | undefined): NetworkPolicyExpansion | undefined {
  const user = findProfile(profiles?.networkPolicies, name);
  if (user !== undefined) return { ingress: user.ingress, egress: user.egress, policyTypes: user.policyTypes };
  return builtIn(NETWORK_POLICY_PROFILES, name);
}
