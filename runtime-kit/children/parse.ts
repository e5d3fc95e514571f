/**
 * Orkestra's string-to-value conversions for rendered template fields, with Go's exact
 * semantics: `strconv.ParseInt`, `fmt.Sscanf("%d")`, `strconv.Atoi` and Orkestra's
 * `ParseReplicas`, `ParseProtocol`, `ParseBool`, `ParseIntOrPercent`.
 */

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** `strconv.ParseInt(s, 10, 32)`: optional sign, ASCII digits only, int32 range; else undefined. */
export function parseInt32(s: string | undefined): number | undefined {
  if (s === undefined || !/^[+-]?[0-9]+$/.test(s)) return undefined;
  const n = Number(s);
  return n >= INT32_MIN && n <= INT32_MAX ? (n === 0 ? 0 : n) : undefined;
}

/** `strconv.ParseInt(s, 10, 64)` as a bigint, or undefined. */
export function parseInt64(s: string | undefined): bigint | undefined {
  if (s === undefined || !/^[+-]?[0-9]+$/.test(s)) return undefined;
  const n = BigInt(s);
  return n >= INT64_MIN && n <= INT64_MAX ? n : undefined;
}

/**
 * `fmt.Sscanf(s, "%d", &n)` into a Go `int`: skips leading blanks (not newlines), reads an
 * optional sign and the longest run of ASCII digits, ignores what follows ("8080abc" → 8080).
 * Undefined when no digits follow or the value overflows int64.
 */
export function scanInt(s: string | undefined): bigint | undefined {
  if (s === undefined) return undefined;
  const m = /^[ \t\r\v\f]*([+-]?[0-9]+)/.exec(s);
  if (m === null) return undefined;
  return parseInt64(m[1]);
}

/** Orkestra `ParseReplicas`: a non-negative `%d` scan, default 1 ("" , "abc", "-1" → 1; "0" → 0). */
export function parseReplicas(s: string | undefined): number {
  if (s === undefined || s === '') return 1;
  const n = scanInt(s);
  if (n === undefined || n < 0n || n > BigInt(INT32_MAX)) return 1;
  return Number(n);
}

/** A container/service port as Orkestra reads it (`strconv.ParseInt`): 0 when absent or unparsable. */
export function parsePort(s: string | undefined): number {
  if (s === undefined || s === '') return 0;
  return parseInt32(s) ?? 0;
}

/** Orkestra `ParsePort` (Pods only): a `%d` scan, 0 when unparsable ("8080abc" → 8080). */
export function scanPort(s: string | undefined): number {
  const n = scanInt(s);
  if (n === undefined || n < BigInt(INT32_MIN) || n > BigInt(INT32_MAX)) return 0;
  return Number(n);
}

/** Kubernetes port protocols. */
export type Protocol = 'TCP' | 'UDP' | 'SCTP';

/** Orkestra `ParseProtocol`: UDP or SCTP in any case, anything else TCP. */
export function parseProtocol(s: string | undefined): Protocol {
  const u = (s ?? '').toUpperCase();
  return u === 'UDP' ? 'UDP' : u === 'SCTP' ? 'SCTP' : 'TCP';
}

/** Orkestra `ParseBool`: true for true, True, TRUE, 1, yes, YES; false otherwise. */
export function parseBool(s: string | undefined): boolean {
  return s === 'true' || s === 'True' || s === 'TRUE' || s === '1' || s === 'yes' || s === 'YES';
}

/**
 * Orkestra `ParseIntOrPercent`: "25%" stays a string, an integer becomes a number, anything else
 * stays a string. (Go wraps integers beyond int32; ork keeps them as strings — see docs.)
 */
export function parseIntOrPercent(s: string): number | string {
  if (s.endsWith('%')) return s;
  const n = parseInt32(s);
  return n ?? s;
}
