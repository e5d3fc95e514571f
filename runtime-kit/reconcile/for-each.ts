/**
 * `forEach: {field, as}` expansion, as Orkestra does it: over a list, one entry per element
 * (`.item` the element, `.index` its position); over a map, one entry per key in sorted
 * order (`.item` the key, `.value` its value). Anything else (missing, a scalar) expands to
 * nothing.
 */
import type { GoValue } from '../template/values.ts';
import { isList, isMap, sortedKeys } from '../template/values.ts';

/** One expansion step. */
export interface ForEachEntry {
  readonly item: GoValue;
  readonly index: bigint;
  readonly value: GoValue;
}

/** The entries of a forEach over `v`. */
export function forEachEntries(v: GoValue): ForEachEntry[] {
  if (isList(v)) return v.map((item, i) => ({ item, index: BigInt(i), value: item }));
  if (isMap(v)) return sortedKeys(v).map((k, i) => ({ item: k, index: BigInt(i), value: (v as Record<string, GoValue>)[k] }));
  return [];
}
