/** PodDisruptionBudget profiles (`pdb[i].behavior.profile`; Orkestra `pkg/profiles/pdb.go`). */
import type { UserProfiles } from './registry.ts';
import { builtIn, findProfile } from './registry.ts';

type Expanded = { readonly minAvailable?: string; readonly maxUnavailable?: string };

/** Built-in PDB profiles. */
export const PDB_PROFILES: ReadonlyMap<string, Expanded> = new Map([
  ['zero-downtime', { minAvailable: '100%' }],
  ['rolling', { maxUnavailable: '1' }],
  ['relaxed', { maxUnavailable: '25%' }],
]);

/** A user `profiles.pdb` entry, else a built-in (case-insensitive). */
export function pdbProfile(name: string, profiles: UserProfiles | undefined): Expanded | undefined {
  const user = findProfile(profiles?.pdb, name);
  if (user !== undefined) return { minAvailable: user.minAvailable, maxUnavailable: user.maxUnavailable };
  return builtIn(PDB_PROFILES, name);
}
