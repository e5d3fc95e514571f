/** Small formatting helpers for the HTTP JSON (Go-compatible spellings). */

/**
 * Formats milliseconds like Go's `time.Duration.String()` rounded to whole seconds:
 * `0s`, `45s`, `5m3s`, `26h0m0s`. Negative values count as 0.
 */
export function goDuration(ms: number): string {
  let s = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  if (h > 0) return `${h}h${m}m${s}s`;
  if (m > 0) return `${m}m${s}s`;
  return `${s}s`;
}

/** RFC 3339 UTC without fractional seconds (Go's `time.RFC3339`), or null. */
export function rfc3339(ms: number | undefined): string | null {
  return ms === undefined ? null : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `group/version, Kind=Kind` as Go's `schema.GroupVersionKind.String()`; core group → `/v1, Kind=…`. */
export function gvkString(group: string, version: string, kind: string): string {
  return `${group}/${version}, Kind=${kind}`;
}

/** Rounds a ratio to 4 decimals for JSON. */
export function ratio(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
