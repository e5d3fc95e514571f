/**
 * Namespace policy objects: `limitRanges:`, `resourceQuotas:`, `networkPolicies:` entries
 * (Orkestra `types_limitrange.go`, `types_resourcequota.go`, `types_networkpolicy.go`). Each can be
 * written inline, from a profile, or copied from an existing object (`from*` + `fromNamespace`).
 */
import { Type, type Static } from '@sinclair/typebox';
import { Obj, Opt, Str, GoString, StrList, StringMap } from '../scalars.ts';
import { entryKeys, namespaceKey, labelsKey, toNamespacesKey } from '../resource-common.ts';
import { Def } from '../definitions.ts';

export const LimitRangeItemSchema = Obj('Constraints for one type: Container, Pod or PersistentVolumeClaim.', {
  type: Str('Container, Pod or PersistentVolumeClaim.'),
  max: Opt(StringMap('Maximum quantities.')),
  min: Opt(StringMap('Minimum quantities.')),
  default: Opt(StringMap('Default limits.')),
  defaultRequest: Opt(StringMap('Default requests.')),
  maxLimitRequestRatio: Opt(StringMap('Maximum limit/request ratios.')),
});

export const LimitRangeSchema = Def('LimitRange', Obj('A LimitRange managed by this CR.', {
  ...entryKeys('LimitRange', '(required)'),
  ...namespaceKey('LimitRange'),
  ...labelsKey('LimitRange'),
  ...toNamespacesKey('LimitRange'),
  fromLimitRange: Opt(Str('Copy from this existing LimitRange (kept in sync).')),
  fromNamespace: Opt(Str('Namespace of fromLimitRange; default the CR namespace.')),
  profile: Opt(Str('Named preset (exclusive with limits).')),
  limits: Opt(Type.Array(LimitRangeItemSchema, { description: 'Limit items.' })),
}));
export type RawLimitRange = Static<typeof LimitRangeSchema>;

export const ResourceQuotaSchema = Def('ResourceQuota', Obj('A ResourceQuota managed by this CR.', {
  ...entryKeys('ResourceQuota', '(required)'),
  ...namespaceKey('ResourceQuota'),
  ...labelsKey('ResourceQuota'),
  ...toNamespacesKey('ResourceQuota'),
  fromResourceQuota: Opt(Str('Copy from this existing ResourceQuota (kept in sync).')),
  fromNamespace: Opt(Str('Namespace of fromResourceQuota; default the CR namespace.')),
  hard: Opt(StringMap('Hard limits by resource name (cpu, memory, pods ...); values may be templates.')),
  profile: Opt(Str('Named preset: small, medium, large, xlarge (exclusive with hard).')),
}));
export type RawResourceQuota = Static<typeof ResourceQuotaSchema>;

const PeerSchema = Obj('Pods, namespaces or a CIDR the rule allows.', {
  podSelector: Opt(StringMap('Pod labels ({} = all pods).')),
  namespaceSelector: Opt(StringMap('Namespace labels ({} = all namespaces).')),
  ipBlock: Opt(Obj('A CIDR range.', {
    cidr: Str('CIDR, e.g. 10.0.0.0/8.'),
    except: Opt(StrList('Excluded CIDRs.')),
  })),
});

const PortSchema = Obj('A port allowed by the rule.', {
  protocol: Opt(Str('TCP (default), UDP or SCTP.')),
  port: Opt(GoString('Port number or name (template).')),
});

const ports = () => Opt(Type.Array(PortSchema, { description: 'Allowed ports.' }));

export const NetworkPolicyIngressRuleSchema = Obj('An ingress rule.', {
  from: Opt(Type.Array(PeerSchema, { description: 'Allowed sources.' })),
  ports: ports(),
});

export const NetworkPolicyEgressRuleSchema = Obj('An egress rule.', {
  to: Opt(Type.Array(PeerSchema, { description: 'Allowed destinations.' })),
  ports: ports(),
});

export const NetworkPolicySchema = Def('NetworkPolicy', Obj('A NetworkPolicy managed by this CR.', {
  ...entryKeys('NetworkPolicy', '(required)'),
  ...namespaceKey('NetworkPolicy'),
  ...labelsKey('NetworkPolicy'),
  ...toNamespacesKey('NetworkPolicy'),
  fromNetworkPolicy: Opt(Str('Copy the spec of this existing NetworkPolicy (kept in sync).')),
  fromNamespace: Opt(Str('Namespace of fromNetworkPolicy; default the CR namespace.')),
  podSelector: Opt(StringMap('Pods the policy applies to ({} = all).')),
  ingress: Opt(Type.Array(NetworkPolicyIngressRuleSchema, { description: 'Ingress rules ([] denies all ingress).' })),
  egress: Opt(Type.Array(NetworkPolicyEgressRuleSchema, { description: 'Egress rules.' })),
  policyTypes: Opt(StrList('Ingress and/or Egress; derived when omitted.')),
  profile: Opt(Str('Named preset: deny-all, deny-all-ingress, deny-all-egress, allow-same-namespace, allow-dns-egress.')),
}));
export type RawNetworkPolicy = Static<typeof NetworkPolicySchema>;
