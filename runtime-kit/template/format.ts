/**
 * Small formatting primitives shared by the printer: shortest float digits, non-finite names,
 * Go's `strings.TrimSpace`, and Orkestra's final shaping of a template's output (trimmed, every
 * `<no value>` removed). `%v` itself lives in printf.ts (`formatV`, `show`).
 */

/** Splits a finite non-zero float into its shortest round-trip decimal digits and exponent. */
export function shortestDigits(f: number): { digits: string; exp: number } {
  const [mant = '0', e = '0'] = Math.abs(f).toExponential().split('e');
  return { digits: mant.replace('.', ''), exp: Number(e) };
}

/** Non-finite floats as Go prints them. */
export function nonFinite(f: number): string | undefined {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  return undefined;
}

const GO_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;

/** Go's `strings.TrimSpace` (Unicode white space as Go defines it; not JS's `trim`). */
export function goTrimSpace(s: string): string {
  return s.replace(GO_SPACE, '');
}

/** Orkestra's final step: `strings.TrimSpace`, then every `<no value>` removed. */
export function finish(raw: string): string {
  return goTrimSpace(raw).split('<no value>').join('');
}

/** `%v` formatting (defined in printf.ts; re-exported here for modules that import it from format.ts). */
export { formatV, show } from './printf.ts';
