/** Rolling update profiles (`rollingUpdate.profile`; Orkestra `pkg/profiles/rolling_update.go`). */
import type { UserProfiles } from './registry.ts';
import { builtIn, findProfile } from './registry.ts';

type Expanded = { readonly maxSurge?: string; readonly maxUnavailable?: string };

/** Built-in rolling update profiles. */
export const ROLLING_UPDATE_PROFILES: ReadonlyMap<string, Expanded> = new Map([
  ['safe', { maxSurge: '1', maxUnavailable: '0' }],
  ['fast', { maxSurge: '25%', maxUnavailable: '25%' }],
  ['blue-green', { maxSurge: '100%', maxUnavailable: '0' }],
]);

/** A user `profiles.rollingUpdate` entry, else a built-in (case-insensitive). */
export function rollingUpdateProfile(name: string, profiles: UserProfiles | undefined): Expanded | undefined {
  const user = findProfile(profiles?.rollingUpdate, name);
  if (user !== undefined) return { maxSurge: user.maxSurge, maxUnavailable: user.maxUnavailable };
  return builtIn(ROLLING_UPDATE_PROFILES, name);
}
