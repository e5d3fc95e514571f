/**
 * Go's `%v` formatting of template values and the final shaping of a template's output
 * (Orkestra trims the result and removes every `<no value>`).
 */
import { type GoValue, isMap, isNil, sortedKeys } from './values.ts';

/** Splits a finite non-zero float into its shortest decimal digits and decimal exponent. */
export function shortestDigits(f: number): { digits: string; exp: number } {
  const [mant = '0', e = '0'] = Math.abs(f).toExponential().split('e');
  return { digits: mant.replace('.', ''), exp: Number(e) };
}

/** Go's exponent suffix: `e+06`, `e-07`, `e+100` (at least two digits). */
export function goExponent(exp: number, upper = false): string {
  const sign = exp < 0 ? '-' : '+';
  return `${upper ? 'E' : 'e'}${sign}${String(Math.abs(exp)).padStart(2, '0')}`;
}

/** Non-finite floats as Go prints them. */
export function nonFinite(f: number): string | undefined {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  return undefined;
}

/** A float64 as Go's `%v` prints it (`strconv.FormatFloat(f, 'g', -1, 64)`): shortest
 *  round-trip digits, exponent form when the decimal exponent is < -4 or >= 6 (`1e+06`,
 *  `1e-05`, `123456`, `1.2345678901234567e+19`). */
export function formatFloatV(f: number): string {
  const special = nonFinite(f);
  if (special !== undefined) return special;
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const { digits, exp } = shortestDigits(f);
  const sign = f < 0 ? '-' : '';
  if (exp < -4 || exp >= 6) {
    const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${mant}${goExponent(exp)}`;
  }
  return `${sign}${fixedFromDigits(digits, exp)}`;
}

/** Places the decimal point into shortest digits: digits "12345", exp 2 → "123.45". */
export function fixedFromDigits(digits: string, exp: number): string {
  if (exp < 0) return `0.${'0'.repeat(-exp - 1)}${digits}`;
  if (digits.length <= exp + 1) return digits + '0'.repeat(exp + 1 - digits.length);
  return `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}

/** Formats a value like Go's `fmt.Sprint` of one operand (`%v`); nil prints `<nil>`. */
export function formatV(v: GoValue): string {
  if (isNil(v)) return '<nil>';
  switch (typeof v) {
    case 'string':
      return v;
    case 'boolean':
      return v ? 'true' : 'false';
    case 'bigint':
      return v.toString();
    case 'number':
      return formatFloatV(v);
  }
  if (Array.isArray(v)) return `[${v.map(formatV).join(' ')}]`;
  if (isMap(v)) return `map[${sortedKeys(v).map((k) => `${k}:${formatV(v[k])}`).join(' ')}]`;
  return '<nil>';
}

/** What `{{ pipeline }}` writes: nil is `<no value>` (later removed by `finish`). */
export function show(v: GoValue): string {
  return isNil(v) ? '<no value>' : formatV(v);
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
