/** Resource profiles (`resources.profile`; Orkestra `pkg/profiles/resource.go`). */
import type { UserProfiles } from './registry.ts';
import { builtIn, findProfile } from './registry.ts';

type Expanded = { readonly requests?: Readonly<Record<string, string>>; readonly limits?: Readonly<Record<string, string>> };

const row = (cpuReq: string, memReq: string, cpuLim: string, memLim: string): Expanded => ({
  requests: { cpu: cpuReq, memory: memReq },
  limits: { cpu: cpuLim, memory: memLim },
});

/** Built-in resource profiles: requests and limits of CPU and memory. */
export const RESOURCE_PROFILES: ReadonlyMap<string, Expanded> = new Map([
  ['tiny', row('25m', '64Mi', '100m', '128Mi')],
  ['small', row('100m', '128Mi', '500m', '512Mi')],
  ['medium', row('250m', '256Mi', '1', '1Gi')],
  ['large', row('500m', '512Mi', '2', '2Gi')],
  ['burst', row('200m', '256Mi', '2', '2Gi')],
  ['steady', row('300m', '256Mi', '600m', '512Mi')],
  ['compute-heavy', row('1', '512Mi', '2', '1Gi')],
  ['memory-heavy', row('250m', '1Gi', '500m', '2Gi')],
]);

/** A user `profiles.resources` entry, else a built-in (case-insensitive); undefined when unknown. */
export function resourceProfile(name: string, profiles: UserProfiles | undefined): Expanded | undefined {
  const user = findProfile(profiles?.resources, name);
  if (user !== undefined) return { requests: user.requests, limits: user.limits };
  return builtIn(RESOURCE_PROFILES, name);
}
