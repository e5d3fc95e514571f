/**
 * `hpa[i]` → autoscaling/v2 HorizontalPodAutoscaler (Orkestra `hpas.Resolve` + `buildHPA`).
 * Defaults: name `<cr>-hpa`; scaleTargetRef.name `<cr>`; scaleTargetRef.apiVersion apps/v1 for a
 * Deployment, StatefulSet or ReplicaSet when not declared; maxReplicas 1 when absent or
 * unparsable; minReplicas written only when declared. `targetCPUUtilizationPercentage` > 0 → one
 * CPU Utilization metric. `behavior.profile` (web, api, latency-sensitive, batch, cost-optimized
 * or a user profile) replaces the behaviour and supplies the CPU target when none is declared.
 */
import type { HorizontalPodAutoscalerInput, HpaBehaviorInput, HpaScalingRulesInput } from '../inputs/kinds.ts';
import type { HorizontalPodAutoscaler, HpaScalingRules } from '../k8s/networking.ts';
import { buildMeta, defaultName, warn } from '../meta.ts';
import { resolveNamespace } from '../owner.ts';
import { parseInt32 } from '../parse.ts';
import { given } from '../present.ts';
import { hpaProfile } from '../profiles/hpa.ts';
import type { BuildContext } from '../types.ts';

/** Default name suffix: `<cr>-hpa`. */
export const HPA_NAME_SUFFIX = '-hpa';

const APPS_KINDS = new Set(['Deployment', 'StatefulSet', 'ReplicaSet']);

/** The HPA's name: declared, else `<cr>-hpa`. */
export function hpaName(input: HorizontalPodAutoscalerInput, ctx: BuildContext): string {
  return defaultName(input.name, ctx, HPA_NAME_SUFFIX);
}

function scalingRules(r: HpaScalingRulesInput): HpaScalingRules {
  const out: HpaScalingRules = {};
  if (r.stabilizationWindowSeconds !== undefined) out.stabilizationWindowSeconds = r.stabilizationWindowSeconds;
  if (r.selectPolicy !== undefined && r.selectPolicy !== '') out.selectPolicy = r.selectPolicy;
  if (r.policies !== undefined && r.policies.length > 0) {
    out.policies = r.policies.map((p) => ({ type: p.type, value: p.value, periodSeconds: p.periodSeconds }));
  }
  return out;
}

function behavior(b: HpaBehaviorInput): HorizontalPodAutoscaler['spec']['behavior'] {
  const out: NonNullable<HorizontalPodAutoscaler['spec']['behavior']> = {};
  if (b.scaleUp !== undefined) out.scaleUp = scalingRules(b.scaleUp);
  if (b.scaleDown !== undefined) out.scaleDown = scalingRules(b.scaleDown);
  return Object.keys(out).length === 0 ? undefined : out;
}

/** Builds the HPA. */
export function buildHorizontalPodAutoscaler(input: HorizontalPodAutoscalerInput, ctx: BuildContext): HorizontalPodAutoscaler {
  const name = hpaName(input, ctx);
  const ref = input.scaleTargetRef;
  const kind = ref?.kind ?? '';
  const target: HorizontalPodAutoscaler['spec']['scaleTargetRef'] = {} as HorizontalPodAutoscaler['spec']['scaleTargetRef'];
  if (given(ref?.apiVersion)) target.apiVersion = ref.apiVersion;
  else if (APPS_KINDS.has(kind)) target.apiVersion = 'apps/v1';
  target.kind = kind;
  target.name = given(ref?.name) ? ref.name : ctx.owner.name;

  let cpuTarget = parseInt32(input.targetCPUUtilizationPercentage) ?? 0;
  let declaredBehavior = input.behavior;
  if (input.behavior?.profile !== undefined && input.behavior.profile !== '') {
    const found = hpaProfile(input.behavior.profile, ctx.profiles);
    if (found === undefined) {
      warn(ctx, 'HorizontalPodAutoscaler', name, `unknown behavior.profile ${JSON.stringify(input.behavior.profile)}: no behavior set`);
      declaredBehavior = undefined;
    } else {
      declaredBehavior = found.behavior;
      if (cpuTarget === 0) cpuTarget = found.cpuTarget;
    }
  }

  const spec = { scaleTargetRef: target } as HorizontalPodAutoscaler['spec'];
  const min = parseInt32(input.minReplicas);
  if (min !== undefined) spec.minReplicas = min;
  spec.maxReplicas = parseInt32(input.maxReplicas) ?? 1;
  if (cpuTarget > 0) {
    spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: cpuTarget } } }];
  }
  const b = declaredBehavior === undefined ? undefined : behavior(declaredBehavior);
  if (b !== undefined) spec.behavior = b;
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: buildMeta(ctx, { name, namespace: resolveNamespace(input.namespace, ctx.owner), labels: input.labels, annotations: input.annotations }),
    spec,
  };
}
