/**
 * Top-level `profiles` (Orkestra `ProfileRegistry`): user presets, each class a list of named
 * definitions, resolved before Orkestra's built-in profiles.
 */
import { Type, type Static, type TProperties } from '@sinclair/typebox';
import { Obj, Opt, Str, GoString, Bool, Int, Duration, StrList, StringMap, AnyMap } from './scalars.ts';
import { QueueSchema } from './queue.ts';
import { CapabilitiesSchema } from './workload.ts';
import { LimitRangeItemSchema, NetworkPolicyIngressRuleSchema, NetworkPolicyEgressRuleSchema } from './resources/policy.ts';
import { HpaBehaviorSchema } from './resources/autoscaling.ts';

/** A list of named profile definitions of one class. */
function profileList<P extends TProperties>(klass: string, properties: P) {
  return Opt(Type.Array(Obj(`A named ${klass} profile.`, {
    name: Str('Profile name, referenced by profile: fields.'),
    description: Opt(Str('What the profile is for.')),
    ...properties,
  }), { description: `User ${klass} profiles.` }));
}

export const ProfilesSchema = Obj('User-defined profiles by class (lists of named presets).', {
  include: Opt(Str('Path of a YAML file whose profiles: block is prepended.')),
  networkPolicies: profileList('NetworkPolicy', {
    podSelector: Opt(AnyMap('Pods the policy applies to.')),
    ingress: Opt(Type.Array(NetworkPolicyIngressRuleSchema, { description: 'Ingress rules.' })),
    egress: Opt(Type.Array(NetworkPolicyEgressRuleSchema, { description: 'Egress rules.' })),
    policyTypes: Opt(StrList('Ingress and/or Egress.')),
  }),
  resourceQuotas: profileList('ResourceQuota', { hard: StringMap('Hard limits.') }),
  limitRanges: profileList('LimitRange', { limits: Type.Array(LimitRangeItemSchema, { description: 'Limit items.' }) }),
  hpa: profileList('HorizontalPodAutoscaler', {
    minReplicas: Opt(GoString('Minimum replicas.')),
    maxReplicas: Opt(GoString('Maximum replicas.')),
    targetCPUUtilizationPercentage: Opt(GoString('CPU target.')),
    behavior: Opt(HpaBehaviorSchema),
  }),
  pdb: profileList('PodDisruptionBudget', {
    minAvailable: Opt(GoString('Pods that must stay available.')),
    maxUnavailable: Opt(GoString('Pods that may be unavailable.')),
  }),
  rollingUpdate: profileList('rolling update', {
    maxSurge: Opt(GoString('Extra pods during an update.')),
    maxUnavailable: Opt(GoString('Unavailable pods during an update.')),
  }),
  reconciler: profileList('reconciler tuning', {
    workers: Opt(Int('Workers.')),
    resync: Opt(Duration('Resync period')),
    queue: Opt(QueueSchema),
  }),
  resources: profileList('resources', {
    requests: Opt(StringMap('Requested quantities.')),
    limits: Opt(StringMap('Limit quantities.')),
  }),
  probes: profileList('probe timing', {
    initialDelaySeconds: Opt(Int('Initial delay.')),
    periodSeconds: Opt(Int('Period.')),
    failureThreshold: Opt(Int('Failure threshold.')),
    successThreshold: Opt(Int('Success threshold.')),
    timeoutSeconds: Opt(Int('Timeout.')),
  }),
  containerSecurity: profileList('container security', {
    allowPrivilegeEscalation: Opt(Bool('Allow privilege escalation.')),
    readOnlyRootFilesystem: Opt(Bool('Read-only root filesystem.')),
    runAsNonRoot: Opt(Bool('Require a non-root user.')),
    runAsUser: Opt(Int('UID.')),
    runAsGroup: Opt(Int('GID.')),
    capabilities: Opt(CapabilitiesSchema),
  }),
  podSecurity: profileList('pod security', {
    runAsNonRoot: Opt(Bool('Require non-root users.')),
    runAsUser: Opt(Int('UID.')),
    runAsGroup: Opt(Int('GID.')),
    fsGroup: Opt(Int('Volume group.')),
  }),
});
export type RawProfiles = Static<typeof ProfilesSchema>;
