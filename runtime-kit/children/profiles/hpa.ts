/** HPA behaviour profiles (`hpa[i].behavior.profile`; Orkestra `pkg/profiles/hpa.go`). */
import type { HpaBehaviorInput, HpaScalingRulesInput } from '../inputs/kinds.ts';
import { scanInt } from '../parse.ts';
import type { UserProfiles } from './registry.ts';
import { builtIn, findProfile } from './registry.ts';

/** A profile's CPU target (0 = none) and its behaviour. */
export type HpaExpansion = { readonly cpuTarget: number; readonly behavior: HpaBehaviorInput };

const rules = (window: number, select: string, ...policies: Array<[string, number, number]>): HpaScalingRulesInput => ({
  stabilizationWindowSeconds: window,
  selectPolicy: select,
  policies: policies.map(([type, value, periodSeconds]) => ({ type, value, periodSeconds })),
});

/** Built-in HPA profiles: CPU target, scale-up and scale-down rules. */
export const HPA_PROFILES: ReadonlyMap<string, HpaExpansion> = new Map([
  ['web', { cpuTarget: 70, behavior: { scaleUp: rules(0, 'Max', ['Percent', 100, 15], ['Pods', 4, 15]), scaleDown: rules(300, 'Min', ['Percent', 10, 60]) } }],
  ['api', { cpuTarget: 60, behavior: { scaleUp: rules(0, 'Max', ['Percent', 100, 15], ['Pods', 4, 15]), scaleDown: rules(600, 'Min', ['Percent', 5, 60]) } }],
  ['latency-sensitive', { cpuTarget: 50, behavior: { scaleUp: rules(0, 'Max', ['Percent', 200, 15], ['Pods', 10, 15]), scaleDown: rules(900, 'Min', ['Percent', 5, 120]) } }],
  ['batch', { cpuTarget: 80, behavior: { scaleUp: rules(30, 'Max', ['Percent', 100, 60]), scaleDown: rules(120, 'Min', ['Percent', 50, 60]) } }],
  ['cost-optimized', { cpuTarget: 80, behavior: { scaleUp: rules(180, 'Min', ['Percent', 25, 60]), scaleDown: rules(60, 'Max', ['Percent', 50, 60]) } }],
]);

/** A user `profiles.hpa` entry (CPU target scanned with `%d`), else a built-in (case-insensitive). */
export function hpaProfile(name: string, profiles: UserProfiles | undefined): HpaExpansion | undefined {
  const user = findProfile(profiles?.hpa, name);
  if (user !== undefined) {
    const cpu = scanInt(user.targetCPUUtilizationPercentage);
    return { cpuTarget: cpu === undefined ? 0 : Number(BigInt.asIntN(32, cpu)), behavior: user.behavior ?? {} };
  }
  return builtIn(HPA_PROFILES, name);
}
