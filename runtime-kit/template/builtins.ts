/**
 * Go's data-access built-ins and the engine's own operations: field lookup (`.a.b`), `index`,
 * `slice`, `range` iteration, and Orkestra's `len` (which replaces Go's).
 */
import { fail, type TemplateOrigin } from './errors.ts';
import { formatV } from './printf.ts';
import { utf8Decode } from './utf8.ts';
import { type GoMap, type GoValue, goTypeName, isMap, isNil, isStringSlice, mapGetOwn, mapHas, sortedKeys, utf8Bytes, utf8Length } from './values.ts';

/**
 * `.name` on a value: a map key (missing → nil, as `missingkey=zero`), an error otherwise.
 * `concrete` says the receiver is a pipeline result, which Go names by its dynamic type in the
 * error (`in type string`); values read from maps and lists are `interface {}` there.
 */
export function field(at: TemplateOrigin | undefined, recv: GoValue, name: string, concrete = false): GoValue {
  if (isMap(recv)) return mapGetOwn(recv, name);
  if (isNil(recv)) return fail(`nil pointer evaluating interface {}.${name}`, at);
  return fail(`can't evaluate field ${name} in type ${concrete ? goTypeName(recv) : 'interface {}'}`, at);
}

/**
 * Field chain on the result of a pipeline (`(pipeline).a.b`, `$x.a` for `$x := pipeline`):
 * Go turns a nil pipeline result into an invalid value, and fields of an invalid value are
 * "no value" rather than an error. A nil found while walking the chain still is an error.
 */
export function resultField(at: TemplateOrigin | undefined, base: GoValue, names: readonly string[]): GoValue {
  if (isNil(base)) return null;
  let cur: GoValue = base;
  names.forEach((n, i) => {
    cur = field(at, cur, n, i === 0);
  });
  return cur;
}

function indexArg(fn: string, v: GoValue, cap: number, at: TemplateOrigin | undefined): number {
  if (isNil(v)) return fail(`error calling ${fn}: cannot index slice/array with nil`, at);
  if (typeof v !== 'bigint') return fail(`error calling ${fn}: cannot index slice/array with type ${goTypeName(v)}`, at);
  if (v < 0n || v > BigInt(cap)) return fail(`error calling ${fn}: index out of range: ${v}`, at);
  return Number(v);
}

/** `index item i j…`: list/string positions and map keys, with Go's errors. */
export function index(at: TemplateOrigin | undefined, item: GoValue, ...indexes: GoValue[]): GoValue {
  if (isNil(item)) return fail('error calling index: index of untyped nil', at);
  let cur: GoValue = item;
  for (const ix of indexes) {
    if (isNil(cur)) return fail('error calling index: index of nil pointer', at);
    if (Array.isArray(cur) || typeof cur === 'string') {
      const size: number = typeof cur === 'string' ? utf8Length(cur) : (cur as readonly GoValue[]).length;
      const i = indexArg('index', ix ?? null, size, at);
      if (i === size) return fail(`error calling index: reflect: ${typeof cur === 'string' ? 'string' : 'slice'} index out of range`, at);
      cur = typeof cur === 'string' ? BigInt(utf8Bytes(cur)[i] ?? 0) : ((cur as readonly GoValue[])[i] ?? null);
    } else if (isMap(cur)) {
      if (isNil(ix)) return fail('error calling index: value is nil; should be of type string', at);
      if (typeof ix !== 'string') return fail(`error calling index: value has type ${goTypeName(ix)}; should be string`, at);
      cur = mapGetOwn(cur, ix);
    } else {
      return fail(`error calling index: can't index item of type ${goTypeName(cur)}`, at);
    }
  }
  return cur;
}

/** `slice item i j k`: Go slicing of strings (by byte) and lists. */
export function slice(at: TemplateOrigin | undefined, item: GoValue, ...indexes: GoValue[]): GoValue {
  if (isNil(item)) return fail('error calling slice: slice of untyped nil', at);
  if (indexes.length > 3) return fail(`error calling slice: too many slice indexes: ${indexes.length}`, at);
  let len: number;
  if (typeof item === 'string') {
    if (indexes.length === 3) return fail('error calling slice: cannot 3-index slice a string', at);
    len = utf8Length(item);
  } else if (Array.isArray(item)) {
    len = item.length;
  } else {
    return fail(`error calling slice: can't slice item of type ${goTypeName(item)}`, at);
  }
  const idx = [0, len, len];
  indexes.forEach((ix, i) => {
    idx[i] = indexArg('slice', ix ?? null, len, at);
  });
  const [lo = 0, hi = len, max = len] = idx;
  if (lo > hi) return fail(`error calling slice: invalid slice index: ${lo} > ${hi}`, at);
  if (indexes.length === 3 && hi > max) return fail(`error calling slice: invalid slice index: ${hi} > ${max}`, at);
  if (typeof item === 'string') return utf8Decode(utf8Bytes(item).slice(lo, hi));
  return (item as readonly GoValue[]).slice(lo, hi);
}

/** Orkestra's `len`: length of a string (bytes), `[]interface{}` or map; 0 for anything else. */
export function len(_at: TemplateOrigin | undefined, v: GoValue): bigint {
  if (typeof v === 'string') return BigInt(utf8Length(v));
  if (Array.isArray(v)) return isStringSlice(v) ? 0n : BigInt((v as readonly GoValue[]).length);
  if (isMap(v)) return BigInt(Object.keys(v).length);
  return 0n;
}

/** One step of `range`: the key (index or map key) and the element. */
export type RangeEntry = readonly [GoValue, GoValue];

/** What `range` visits: list elements in order, map entries by sorted key, 0…n-1 for an
 *  integer; nothing for nil; an error for anything else. */
export function rangeOver(at: TemplateOrigin | undefined, v: GoValue, twoVars: boolean): RangeEntry[] {
  if (isNil(v)) return [];
  if (Array.isArray(v)) return v.map((e, i) => [BigInt(i), e ?? null] as const);
  if (isMap(v)) return sortedKeys(v).map((k) => [k, mapGetOwn(v as GoMap, k)] as const);
  if (typeof v === 'bigint') {
    if (twoVars) return fail(`can't use ${v} to iterate over more than one variable`, at);
    const out: RangeEntry[] = [];
    for (let i = 0n; i < v; i++) out.push([i, i]);
    return out;
  }
  return fail(`range can't iterate over ${formatV(v)}`, at);
}

/** True when a map has the key (exported for notes that distinguish absent from nil). */
export function hasKey(m: GoValue, key: string): boolean {
  return isMap(m) && mapHas(m, key);
}
