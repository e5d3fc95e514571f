/**
 * Defensive readers for raw Katalog values. The schema already checked types where it is
 * complete; these keep checks from crashing where it is not (or where a value is `unknown`).
 */

/** The value as a plain object, or undefined. */
export function asRecord(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** The value as a list, or an empty list. */
export function asList(v: unknown): readonly unknown[] {
  return Array.isArray(v) ? v : [];
}

/**
 * The value as Orkestra's Go string: strings as written, numbers and booleans as their text
 * (YAML `8080` in a Go string field), anything else undefined.
 */
export function goString(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** True when the value is a non-empty list. */
export function nonEmptyList(v: unknown): boolean {
  return Array.isArray(v) && v.length > 0;
}
