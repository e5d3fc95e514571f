/** `hpa:` and `pdb:` entries (Orkestra `types_hpa.go`, `types_pdb.go`, HPA/PDB behaviour). */
import { Type, type Static } from '@sinclair/typebox';
import { Obj, Opt, Str, GoString, Int, StringMap } from '../scalars.ts';
import { entryKeys, namespaceKey, labelsKey } from '../resource-common.ts';
import { Def } from '../definitions.ts';

const ScalingRulesSchema = (direction: string) => Obj(`How the HPA scales ${direction}.`, {
  stabilizationWindowSeconds: Opt(Int('Observation window before acting.')),
  policies: Opt(Type.Array(Obj('One scaling policy per period.', {
    type: Str('Pods or Percent.'),
    value: Int('Pods or percent per period.'),
    periodSeconds: Int('Policy period, 15-1800.'),
  }), { description: 'Scaling policies.' })),
  selectPolicy: Opt(Str('Max, Min or Disabled.')),
});

export const HpaBehaviorSchema = Obj('Scaling behaviour: a profile (web, api, latency-sensitive, batch, cost-optimized) XOR scaleUp/scaleDown.', {
  profile: Opt(Str('Named behaviour preset.')),
  scaleUp: Opt(ScalingRulesSchema('up')),
  scaleDown: Opt(ScalingRulesSchema('down')),
});

export const HorizontalPodAutoscalerSchema = Def('HorizontalPodAutoscaler', Obj('A HorizontalPodAutoscaler managed by this CR.', {
  ...entryKeys('HorizontalPodAutoscaler', '{{ .metadata.name }}-hpa'),
  ...namespaceKey('HorizontalPodAutoscaler'),
  ...labelsKey('HorizontalPodAutoscaler'),
  scaleTargetRef: Opt(Obj('The workload scaled (apiVersion defaults to apps/v1 for Deployment/StatefulSet/ReplicaSet).', {
    apiVersion: Opt(Str('Target apiVersion, e.g. apps/v1.')),
    kind: Opt(Str('Target kind, e.g. Deployment.')),
    name: Opt(Str('Target name (template).')),
  })),
  minReplicas: Opt(GoString('Minimum replicas (template).')),
  maxReplicas: Opt(GoString('Maximum replicas (template).')),
  targetCPUUtilizationPercentage: Opt(GoString('CPU utilisation target 0-100 (template).')),
  behavior: Opt(HpaBehaviorSchema),
}));
export type RawHorizontalPodAutoscaler = Static<typeof HorizontalPodAutoscalerSchema>;

export const PodDisruptionBudgetSchema = Def('PodDisruptionBudget', Obj('A PodDisruptionBudget managed by this CR.', {
  ...entryKeys('PodDisruptionBudget', '{{ .metadata.name }}-pdb'),
  ...namespaceKey('PodDisruptionBudget'),
  ...labelsKey('PodDisruptionBudget'),
  selector: Opt(StringMap('Pods protected (static keys, template values).')),
  minAvailable: Opt(GoString('Pods that must stay available ("1" or "50%"); exclusive with maxUnavailable.')),
  maxUnavailable: Opt(GoString('Pods that may be unavailable ("1" or "25%").')),
  behavior: Opt(Obj('Disruption limits: a profile (zero-downtime, rolling, relaxed) XOR explicit values.', {
    profile: Opt(Str('Named preset.')),
    minAvailable: Opt(GoString('Pods that must stay available.')),
    maxUnavailable: Opt(GoString('Pods that may be unavailable.')),
  })),
}));
export type RawPodDisruptionBudget = Static<typeof PodDisruptionBudgetSchema>;
