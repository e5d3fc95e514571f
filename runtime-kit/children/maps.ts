/**
 * Map helpers that treat every key as data. Keys are copied with `Object.defineProperty`, so a
 * label or data key named `__proto__` or `constructor` stays an own property of the result and
 * never reaches a prototype. Only own enumerable keys of the input are read.
 */

/** A string-to-string map (labels, annotations, data, selectors, quantities). */
export type StringMap = Record<string, string>;

/** Sets `key` as an own, enumerable data property (never a prototype setter). */
export function defineOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Compares by UTF-16 code units: a total, locale-free order. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Own enumerable keys of `m`, sorted. */
export function sortedKeys(m: object | undefined | null): string[] {
  if (m === undefined || m === null) return [];
  return Object.keys(m).sort(compareKeys);
}

/** Reads an own property only (never an inherited one such as `constructor`). */
export function ownValue(m: object | undefined | null, key: string): unknown {
  if (m === undefined || m === null || !Object.prototype.hasOwnProperty.call(m, key)) return undefined;
  return (m as Record<string, unknown>)[key];
}

/** The text of a rendered scalar: strings as they are, numbers and booleans as Go prints them. */
export function scalarText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return '';
}

/**
 * Merges string maps left to right (later wins) into a new map with sorted keys.
 * Non-string values are converted with {@link scalarText}.
 */
export function mergeStringMaps(...maps: ReadonlyArray<Readonly<Record<string, unknown>> | undefined>): StringMap {
  const merged = new Map<string, string>();
  for (const m of maps) {
    for (const k of sortedKeys(m)) merged.set(k, scalarText(ownValue(m, k)));
  }
  const out: StringMap = {};
  for (const k of [...merged.keys()].sort(compareKeys)) defineOwn(out, k, merged.get(k));
  return out;
}

/** A sorted copy of `m`, or undefined when it is absent or empty (Go's `omitempty` on maps). */
export function sortedStringMap(m: Readonly<Record<string, unknown>> | undefined): StringMap | undefined {
  const out = mergeStringMaps(m);
  return Object.keys(out).length === 0 ? undefined : out;
}

/** True when the map is absent or has no own keys. */
export function isEmptyMap(m: object | undefined | null): boolean {
  return m === undefined || m === null || Object.keys(m).length === 0;
}

/**
 * A deep copy of JSON-like data (objects, arrays, scalars) in which every object key is an own
 * data property; key order is kept. Functions, symbols and undefined values are dropped.
 */
export function copyData(v: unknown): unknown {
  if (Array.isArray(v)) return v.map((e) => (e === undefined ? null : copyData(e)));
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) {
      const e = (v as Record<string, unknown>)[k];
      if (e === undefined || typeof e === 'function' || typeof e === 'symbol') continue;
      defineOwn(out, k, copyData(e));
    }
    return out;
  }
  if (typeof v === 'function' || typeof v === 'symbol' || v === undefined) return null;
  return v;
}
