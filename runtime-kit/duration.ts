/**
 * Duration strings as Orkestra reads them, in two dialects:
 * - Go durations (`time.ParseDuration`): `300ms`, `1.5h`, `2h45m`, `-1m`, `0`; units ns, us
 *   (µs, μs), ms, s, m, h. Used where Orkestra decodes a `time.Duration` (reconciler `resync`,
 *   onDelete `timeout`, retry backoff, `requeue.after`).
 * - extended durations (Orkestra's `utils.ParseTimeDuration`): the Go units plus d (24h),
 *   w (7d), mo (30d) and y (365d). Used by resource `sleep`, secret `rotateAfter` and
 *   `tls.validFor`.
 *
 * The value is exact nanoseconds as a bigint, bounded like Go's int64. One module, one meaning:
 * the compiler's checks and emitters and the generated operator (`parseGoDurationMs`, for
 * templated `requeue.after`) all parse here. Pure, no dependencies.
 */

/** Nanoseconds per unit of the Go dialect. */
const GO_UNITS: ReadonlyMap<string, bigint> = new Map([
  ['ns', 1n],
  ['us', 1_000n],
  ['µs', 1_000n], // U+00B5 micro sign
  ['μs', 1_000n], // U+03BC Greek mu
  ['ms', 1_000_000n],
  ['s', 1_000_000_000n],
  ['m', 60_000_000_000n],
  ['h', 3_600_000_000_000n],
]);

const DAY = 24n * 3_600_000_000_000n;

/** Nanoseconds per unit of the extended dialect (Go units plus days, weeks, months, years). */
const EXTENDED_UNITS: ReadonlyMap<string, bigint> = new Map([
  ...GO_UNITS,
  ['d', DAY],
  ['w', 7n * DAY],
  ['mo', 30n * DAY],
  ['y', 365n * DAY],
]);

/** Largest magnitude a Go `time.Duration` holds (int64 nanoseconds). */
const MAX_NANOS = (1n << 63n) - 1n;

/** Result of parsing a duration: nanoseconds, or why the text is not a duration. */
export type DurationResult = { readonly ok: true; readonly nanos: bigint } | { readonly ok: false; readonly reason: string };

/** Units accepted by each dialect, for messages. */
export const GO_DURATION_UNITS = 'ns, us, ms, s, m, h';
export const EXTENDED_DURATION_UNITS = 'ns, us, ms, s, m, h, d (24h), w (7d), mo (30d), y (365d)';

/** Parses a Go duration exactly as `time.ParseDuration` accepts it. */
export function parseGoDuration(text: string): DurationResult {
  return parse(text, GO_UNITS);
}

/** Parses an Orkestra extended duration (Go units plus d, w, mo, y). */
export function parseExtendedDuration(text: string): DurationResult {
  return parse(text, EXTENDED_UNITS);
}

/** Whole milliseconds of a parsed duration (truncated toward zero), for timers. */
export function toMillis(nanos: bigint): number {
  return Number(nanos / 1_000_000n);
}

/**
 * Whole milliseconds of a Go duration string, or undefined when it is not one. Surrounding
 * whitespace is ignored (a rendered template may carry a newline); otherwise exactly
 * `parseGoDuration`, truncated to whole ms.
 */
export function parseGoDurationMs(text: string): number | undefined {
  const r = parseGoDuration(text.trim());
  return r.ok ? toMillis(r.nanos) : undefined;
}

/** `[-+]?([0-9]*(\.[0-9]*)?[a-zµμ]+)+`, or the special `0`. */
function parse(text: string, units: ReadonlyMap<string, bigint>): DurationResult {
  const fail = (reason: string): DurationResult => ({ ok: false, reason });
  let s = text;
  let negative = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    negative = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return { ok: true, nanos: 0n };
  if (s === '') return fail(text === '' ? 'empty duration' : 'no number after the sign');
  let total = 0n;
  while (s !== '') {
    const m = /^(\d*)(?:\.(\d*))?/.exec(s);
    const whole = m?.[1] ?? '';
    const frac = m?.[2];
    if (whole === '' && (frac === undefined || frac === '')) return fail(`expected a number at "${s}"`);
    s = s.slice(m?.[0].length ?? 0);
    const u = /^[^\d.]+/.exec(s)?.[0] ?? '';
    if (u === '') return fail(`missing unit after "${whole}${frac !== undefined ? `.${frac}` : ''}"`);
    // As in Go, the unit is the whole run up to the next number: `1sec` is an unknown unit.
    const scale = units.get(u);
    if (scale === undefined) return fail(`unknown unit "${u}"`);
    s = s.slice(u.length);
    let part = BigInt(whole === '' ? '0' : whole) * scale;
    if (frac !== undefined && frac !== '') part += (BigInt(frac) * scale) / 10n ** BigInt(frac.length);
    total += part;
    if (total > MAX_NANOS + (negative ? 1n : 0n)) return fail('duration out of range (more than about 292 years)');
  }
  return { ok: true, nanos: negative ? -total : total };
}
