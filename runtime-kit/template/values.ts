/**
 * The value model of compiled templates: the CR as the API server sends it, decoded the way
 * Kubernetes' unstructured decoding does in Go.
 *
 * - `bigint`  — a Go integer (int64 from JSON, `int` from literals and `len`): exact beyond 2^53.
 * - `number`  — a Go float64 (JSON numbers with a fraction or exponent, or beyond int64).
 * - `string`, `boolean` — Go string and bool.
 * - `null` (and `undefined`, treated the same) — a nil interface: a missing key or JSON null.
 * - arrays — Go `[]interface{}`; arrays registered with `markStringSlice` are Go `[]string`
 *   (results of `mapKeys`, `split`), which some Orkestra notes treat differently.
 * - plain objects — Go `map[string]interface{}`; keys are read as own properties only, so
 *   `__proto__` or `constructor` are ordinary (usually missing) keys.
 */
import { fail } from './errors.ts';
import { utf8Bytes } from './utf8.ts';

export { utf8Bytes };

/** A template value. */
export type GoValue = null | undefined | string | boolean | bigint | number | GoList | GoMap;
/** A Go slice. */
export type GoList = readonly GoValue[];
/** A Go map with string keys. */
export interface GoMap {
  readonly [key: string]: GoValue;
}

/** The data a compiled template runs on: the CR map plus the contexts of its place. */
export type TemplateData = GoMap;

const stringSlices = new WeakSet<object>();

/** Registers a list as a Go `[]string` (as opposed to `[]interface{}`) and returns it. */
export function markStringSlice(list: string[]): string[] {
  stringSlices.add(list);
  return list;
}

/** True for a Go `[]string` produced by a note. */
export function isStringSlice(v: unknown): v is readonly string[] {
  return Array.isArray(v) && stringSlices.has(v);
}

/** True for nil (missing key, JSON null). */
export function isNil(v: unknown): v is null | undefined {
  return v === null || v === undefined;
}

/** True for a Go map. */
export function isMap(v: unknown): v is GoMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** True for a Go slice of either element type. */
export function isList(v: unknown): v is GoList {
  return Array.isArray(v);
}

/** True for a Go `[]interface{}` (a list that is not a `[]string`). */
export function isInterfaceList(v: unknown): v is GoList {
  return Array.isArray(v) && !stringSlices.has(v);
}

/** Own-key lookup on a map; missing keys are nil. Never reads the prototype chain. */
export function mapGetOwn(m: GoMap, key: string): GoValue {
  return Object.prototype.hasOwnProperty.call(m, key) ? (m[key] ?? null) : null;
}

/** True when the map has the key as an own property. */
export function mapHas(m: GoMap, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(m, key);
}

/** Compares strings by Unicode code point, which is Go's byte-wise UTF-8 order. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i) ?? 0;
    const y = b.codePointAt(i) ?? 0;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** Map keys in Go's order (sorted byte-wise), as `fmt` prints and `range` visits them. */
export function sortedKeys(m: GoMap): string[] {
  return Object.keys(m).sort(compareCodePoints);
}

/** The Go type name of a value, as Go's error messages print it. */
export function goTypeName(v: GoValue): string {
  if (isNil(v)) return 'interface {}';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'bigint':
      return 'int64';
    case 'number':
      return 'float64';
    default:
      if (isStringSlice(v)) return '[]string';
      return Array.isArray(v) ? '[]interface {}' : 'map[string]interface {}';
  }
}


/** Length of a string in UTF-8 bytes, as Go's `len` counts. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}


/** Converts a plain JS value (e.g. from `JSON.parse`) to template values: integral numbers
 *  become `bigint` (Go int64), others stay float64. Prefer `parseJson`, which also keeps
 *  integers beyond 2^53 exact and `1.0` a float. */
export function fromPlain(v: unknown, depth = 0): GoValue {
  if (depth > 1000) fail('value nested deeper than 1000 levels');
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isSafeInteger(v) ? BigInt(v) : v;
  if (typeof v === 'string' || typeof v === 'boolean' || typeof v === 'bigint') return v;
  if (Array.isArray(v)) return v.map((e) => fromPlain(e, depth + 1));
  if (typeof v === 'object') {
    const out: Record<string, GoValue> = Object.create(null) as Record<string, GoValue>;
    for (const k of Object.keys(v)) {
      Object.defineProperty(out, k, { value: fromPlain((v as Record<string, unknown>)[k], depth + 1), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return null;
}
