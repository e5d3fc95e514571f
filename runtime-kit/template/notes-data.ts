/** Orkestra's data notes: conversions (`toJson`, `toString`, `asString`, `asList`, `asMap`,
 *  `typeOf`), safe access (`get`, `listGet`, `listHas`, `listLen`, `mapGet`, `mapKeys`,
 *  `mapValues`) and replica helpers (`allReplicasReady`, `replicasReady`). */
import { argInt, argString } from './args.ts';
import { fail, type TemplateOrigin } from './errors.ts';
import { formatV } from './printf.ts';
import { marshalJson, tryParseJson } from './json.ts';
import { type GoMap, type GoValue, isInterfaceList, isMap, isNil, markStringSlice, mapGetOwn, sortedKeys } from './values.ts';

/** `toJson V` / `toJSON V`: Go's `json.Marshal`. */
export function noteToJson(_at: TemplateOrigin | undefined, v: GoValue): string {
  return marshalJson(v ?? null);
}

/** `toString V`: "" for nil, else `%v`. */
export function noteToString(_at: TemplateOrigin | undefined, v: GoValue): string {
  return isNil(v) ? '' : formatV(v);
}

/** `asString V`: strings as they are, everything else JSON-encoded (nil → "null"). */
export function noteAsString(_at: TemplateOrigin | undefined, v: GoValue): string {
  return typeof v === 'string' ? v : marshalJson(v ?? null);
}

/** `asList V`: a `[]interface{}` as it is, a JSON array string parsed, else an empty list. */
export function noteAsList(_at: TemplateOrigin | undefined, v: GoValue): GoValue {
  if (isInterfaceList(v)) return v;
  if (typeof v === 'string') {
    const parsed = tryParseJson(v);
    if (isInterfaceList(parsed)) return parsed;
  }
  return [];
}

/** `asMap V`: a map as it is, a JSON object string parsed, else an empty map. */
export function noteAsMap(_at: TemplateOrigin | undefined, v: GoValue): GoValue {
  if (isMap(v)) return v;
  if (typeof v === 'string') {
    const parsed = tryParseJson(v);
    if (isMap(parsed)) return parsed;
  }
  return Object.create(null) as GoMap;
}

/** `typeOf V`: "string", "number", "bool", "map", "slice", "null" or "unknown". */
export function noteTypeOf(_at: TemplateOrigin | undefined, v: GoValue): string {
  if (isNil(v)) return 'null';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'bigint':
    case 'number':
      return 'number';
    case 'boolean':
      return 'bool';
  }
  if (isInterfaceList(v)) return 'slice';
  return isMap(v) ? 'map' : 'unknown';
}

/** `get OBJ "a" "b"…`: nested map lookup, nil as soon as a step is missing or not a map. */
export function noteGet(at: TemplateOrigin | undefined, obj: GoValue, ...path: GoValue[]): GoValue {
  let cur: GoValue = obj;
  for (const p of path) {
    const key = argString(at, p);
    if (!isMap(cur)) return null;
    cur = mapGetOwn(cur, key);
    if (isNil(cur)) return null;
  }
  return cur ?? null;
}

/** `listGet LIST I`: the element, or nil when LIST is not a list or I is out of range. */
export function noteListGet(at: TemplateOrigin | undefined, list: GoValue, i: GoValue): GoValue {
  const n = argInt(at, i);
  if (!isInterfaceList(list) || n < 0n || n >= BigInt(list.length)) return null;
  return list[Number(n)] ?? null;
}

function comparable(v: GoValue): boolean {
  return !Array.isArray(v) && !isMap(v);
}

/** `listHas LIST V`: Go `==` against each element (same type and value). */
export function noteListHas(_at: TemplateOrigin | undefined, list: GoValue, val: GoValue): boolean {
  if (!isInterfaceList(list)) return false;
  for (const item of list) {
    const a = item ?? null;
    const b = val ?? null;
    if (!comparable(a) && !comparable(b) && Array.isArray(a) === Array.isArray(b)) {
      return fail(`error calling listHas: runtime error: comparing uncomparable type ${Array.isArray(a) ? '[]interface {}' : 'map[string]interface {}'}`, _at);
    }
    if (a === b) return true;
  }
  return false;
}

/** `listLen LIST`: its length, 0 for anything that is not a `[]interface{}`. */
export function noteListLen(_at: TemplateOrigin | undefined, list: GoValue): bigint {
  return isInterfaceList(list) ? BigInt(list.length) : 0n;
}

/** `mapGet MAP KEY`: the value, nil when MAP is not a map or KEY is missing. */
export function noteMapGet(at: TemplateOrigin | undefined, m: GoValue, key: GoValue): GoValue {
  const k = argString(at, key);
  return isMap(m) ? mapGetOwn(m, k) : null;
}

/** `mapKeys MAP`: sorted keys as a `[]string`. */
export function noteMapKeys(_at: TemplateOrigin | undefined, m: GoValue): string[] {
  return markStringSlice(isMap(m) ? sortedKeys(m) : []);
}

/** `mapValues MAP`: the values, ordered by key (Orkestra's order is Go's random map order). */
export function noteMapValues(_at: TemplateOrigin | undefined, m: GoValue): GoValue {
  return isMap(m) ? sortedKeys(m).map((k) => mapGetOwn(m, k)) : [];
}

function toInt64(v: GoValue): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return BigInt(Math.trunc(v));
  if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return BigInt(v.trim());
  return 0n;
}

function section(obj: GoValue, name: string): GoMap | undefined {
  if (!isMap(obj)) return undefined;
  const s = mapGetOwn(obj, name);
  return isMap(s) ? s : undefined;
}

function readyReplicas(obj: GoValue): bigint {
  const status = section(obj, 'status');
  return status ? toInt64(mapGetOwn(status, 'readyReplicas')) : 0n;
}

/** `allReplicasReady OBJ`: status.readyReplicas == spec.replicas (absent spec.replicas = 1). */
export function noteAllReplicasReady(_at: TemplateOrigin | undefined, obj: GoValue): boolean {
  const spec = section(obj, 'spec');
  const raw = spec ? mapGetOwn(spec, 'replicas') : null;
  const desired = isNil(raw) ? 1n : toInt64(raw);
  return readyReplicas(obj) === desired;
}

/** `replicasReady OBJ` (older Orkestra): desired > 0 and ready >= desired (0 desired counts as 1). */
export function noteReplicasReady(_at: TemplateOrigin | undefined, obj: GoValue): boolean {
  const spec = section(obj, 'spec');
  let desired = spec ? toInt64(mapGetOwn(spec, 'replicas')) : 1n;
  if (desired === 0n) desired = 1n;
  return desired > 0n && readyReplicas(obj) >= desired;
}
