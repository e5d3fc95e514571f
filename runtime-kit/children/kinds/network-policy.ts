/**
 * `networkPolicies[i]` → networking.k8s.io/v1 NetworkPolicy (Orkestra `networkpolicies`). `name`
 * is required. podSelector = declared labels (`{}` = every pod). `profile` (deny-all,
 * deny-all-ingress, deny-all-egress, allow-same-namespace, allow-dns-egress or a user profile)
 * replaces ingress, egress and policyTypes. policyTypes, when not declared, are derived: Ingress
 * when `ingress` is declared (even empty: deny all), Egress when `egress` is. A peer with no
 * selector and no ipBlock selects every pod of the namespace; numeric ports become numbers.
 * `fromNetworkPolicy` and `toNamespaces` need runtime I/O.
 */
import { requireFields } from '../errors.ts';
import type {
  NetworkPolicyEgressRuleInput, NetworkPolicyIngressRuleInput, NetworkPolicyInput, NetworkPolicyPeerInput, NetworkPolicyPortInput,
} from '../inputs/kinds.ts';
import type { NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort } from '../k8s/networking.ts';
import type { LabelSelector } from '../k8s/pod.ts';
import { sortedStringMap } from '../maps.ts';
import { buildMeta, warn } from '../meta.ts';
import { resolveNamespace } from '../owner.ts';
import { parseInt32 } from '../parse.ts';
import { given } from '../present.ts';
import { networkPolicyProfile } from '../profiles/network-policy.ts';
import type { BuildContext } from '../types.ts';

function selector(m: Readonly<Record<string, unknown>> | undefined): LabelSelector {
  const matchLabels = sortedStringMap(m);
  return matchLabels === undefined ? {} : { matchLabels };
}

function peer(p: NetworkPolicyPeerInput): NetworkPolicyPeer {
  const out: NetworkPolicyPeer = {};
  if (p.podSelector !== undefined || (p.namespaceSelector === undefined && p.ipBlock === undefined)) out.podSelector = selector(p.podSelector);
  if (p.namespaceSelector !== undefined) out.namespaceSelector = selector(p.namespaceSelector);
  if (p.ipBlock !== undefined) {
    out.ipBlock = { cidr: p.ipBlock.cidr };
    if (p.ipBlock.except !== undefined && p.ipBlock.except.length > 0) out.ipBlock.except = [...p.ipBlock.except];
  }
  return out;
}

function port(p: NetworkPolicyPortInput): NetworkPolicyPort {
  const out: NetworkPolicyPort = {};
  if (given(p.protocol)) out.protocol = p.protocol;
  if (given(p.port)) out.port = parseInt32(p.port) ?? p.port;
  return out;
}

function rule(peers: readonly NetworkPolicyPeerInput[] | undefined, ports: readonly NetworkPolicyPortInput[] | undefined, peerKey: 'from' | 'to'): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (peers !== undefined && peers.length > 0) out[peerKey] = peers.map(peer);
  if (ports !== undefined && ports.length > 0) out['ports'] = ports.map(port);
  return out;
}

/** Builds the NetworkPolicy from its declared (or profile) rules. Throws ChildSpecError without a name. */
export function buildNetworkPolicy(input: NetworkPolicyInput, ctx: BuildContext): NetworkPolicy {
  const name = input.name ?? '';
  requireFields('NetworkPolicy', name, { name: given(input.name) });
  let ingress: readonly NetworkPolicyIngressRuleInput[] | undefined = input.ingress;
  let egress: readonly NetworkPolicyEgressRuleInput[] | undefined = input.egress;
  let policyTypes = input.policyTypes;
  if (given(input.profile)) {
    const found = networkPolicyProfile(input.profile, ctx.profiles);
    if (found === undefined) warn(ctx, 'NetworkPolicy', name, `unknown profile ${JSON.stringify(input.profile)}: declared rules used`);
    else ({ ingress, egress, policyTypes } = found);
  }
  const spec: NetworkPolicy['spec'] = { podSelector: selector(input.podSelector) };
  if (policyTypes !== undefined && policyTypes.length > 0) spec.policyTypes = [...policyTypes];
  else {
    const derived: string[] = [];
    if (ingress !== undefined) derived.push('Ingress');
    if (egress !== undefined) derived.push('Egress');
    if (derived.length > 0) spec.policyTypes = derived;
  }
  if (ingress !== undefined && ingress.length > 0) spec.ingress = ingress.map((r) => rule(r.from, r.ports, 'from'));
  if (egress !== undefined && egress.length > 0) spec.egress = egress.map((r) => rule(r.to, r.ports, 'to'));
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: buildMeta(ctx, { name, namespace: resolveNamespace(input.namespace, ctx.owner), labels: input.labels, annotations: input.annotations }),
    spec,
  };
}
