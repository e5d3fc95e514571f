/** Access modes of volume claims and volumes. */

const KNOWN = new Set(['ReadWriteOnce', 'ReadWriteMany', 'ReadOnlyMany', 'ReadWriteOncePod']);

/** StatefulSet claim templates (Orkestra `resolveAccessModes`): unknown modes become ReadWriteOnce; none → [ReadWriteOnce]. */
export function claimAccessModes(modes: readonly string[] | undefined): string[] {
  if (modes === undefined || modes.length === 0) return ['ReadWriteOnce'];
  return modes.map((m) => (KNOWN.has(m) ? m : 'ReadWriteOnce'));
}

/** PVCs and PVs: modes as declared (the API server validates them); none → [ReadWriteOnce]. */
export function declaredAccessModes(modes: readonly string[] | undefined): string[] {
  return modes === undefined || modes.length === 0 ? ['ReadWriteOnce'] : [...modes];
}
