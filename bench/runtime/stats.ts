/** Pure statistics for the runtime benchmarks: median, percentiles, ratios, number formatting. */

/** The median of `xs` (mean of the two middle values for an even count); NaN when empty. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * The `p`-th percentile (0–100) by the nearest-rank method: the smallest value with at least
 * p % of the samples at or below it. p99 of fewer than 100 samples is therefore the maximum.
 */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0..100, got ${p}`);
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * s.length));
  return s[rank - 1]!;
}

/** `ork / peer` as text (`1.8×`), or `—` when either side is missing or the peer is 0. */
export function ratio(ork: number | undefined, peer: number | undefined): string {
  if (ork === undefined || peer === undefined || !Number.isFinite(ork) || !Number.isFinite(peer) || peer === 0) return '—';
  return `${(ork / peer).toFixed(2)}×`;
}

/** A figure for a table: `—` for missing values, else fixed to `digits` places. */
export function fmt(x: number | undefined, digits = 0): string {
  return x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(digits);
}
