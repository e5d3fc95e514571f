/**
 * "Does the live object already say what we want?" — true when every field of `desired` is
 * present with the same value in `live`. Extra live fields (server defaults, other managers,
 * status) are ignored; list items are compared position by position with the same rule and
 * lists must have the same length. This is how a no-op reconcile writes nothing.
 */

/** True when `desired` is a subset of `live`. */
export function isSubset(desired: unknown, live: unknown): boolean {
  if (desired === live) return true;
  if (desired === null || typeof desired !== 'object') return numericEqual(desired, live);
  if (Array.isArray(desired)) {
    return Array.isArray(live) && live.length === desired.length && desired.every((d, i) => isSubset(d, live[i]));
  }
  if (live === null || typeof live !== 'object' || Array.isArray(live)) return false;
  for (const key of Object.keys(desired)) {
    const d = (desired as Record<string, unknown>)[key];
    if (d === undefined) continue;
    if (!Object.hasOwn(live, key)) return false;
    if (!isSubset(d, (live as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/** Quantities and ints-or-strings come back normalised (`"1"` vs `1`); compare those loosely. */
function numericEqual(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'string') return String(a) === b;
  if (typeof a === 'string' && typeof b === 'number') return a === String(b);
  return false;
}
