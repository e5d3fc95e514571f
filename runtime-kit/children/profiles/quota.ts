/** ResourceQuota and LimitRange profiles (Orkestra `pkg/profiles/resourcequota.go`, `limitrange.go`). */
import type { LimitRangeItemInput } from '../inputs/kinds.ts';
import type { UserProfiles } from './registry.ts';
import { builtIn, findProfile } from './registry.ts';

type Hard = Readonly<Record<string, string>>;

const quota = (pods: string, cpu: string, memory: string, reqCpu: string, reqMem: string): Hard => ({
  pods, cpu, memory, 'requests.cpu': reqCpu, 'requests.memory': reqMem, 'limits.cpu': cpu, 'limits.memory': memory,
});

/** Built-in ResourceQuota profiles (hard limits). */
export const RESOURCE_QUOTA_PROFILES: ReadonlyMap<string, Hard> = new Map([
  ['small', quota('10', '2', '4Gi', '1', '2Gi')],
  ['medium', quota('20', '4', '8Gi', '2', '4Gi')],
  ['large', quota('50', '8', '16Gi', '4', '8Gi')],
  ['xlarge', quota('100', '16', '32Gi', '8', '16Gi')],
]);

/** A user `profiles.resourceQuotas` entry, else a built-in (case-insensitive). */
export function resourceQuotaProfile(name: string, profiles: UserProfiles | undefined): Hard | undefined {
  const user = findProfile(profiles?.resourceQuotas, name);
  return user !== undefined ? (user.hard ?? {}) : builtIn(RESOURCE_QUOTA_PROFILES, name);
}

/** A user `profiles.limitRanges` entry (LimitRange has no built-ins). */
export function limitRangeProfile(name: string, profiles: UserProfiles | undefined): readonly LimitRangeItemInput[] | undefined {
  return findProfile(profiles?.limitRanges, name)?.limits;
}
