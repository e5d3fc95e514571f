/** Orkestra's conditional notes (`pkg/note` conditionalNotes), re-implemented: `default`
 *  (fallback FIRST: `default 2 .spec.replicas`, so `.x | default 2` works), `coalesce`,
 *  `ternary`, `empty`, `notEmpty`, `boolTernary`, `boolDefault`, `eqTernary`. */
import { argBool } from './args.ts';
import type { TemplateOrigin } from './errors.ts';
import { formatV } from './printf.ts';
import { type GoValue, isInterfaceList, isMap, isNil } from './values.ts';

/** Orkestra's emptiness: nil, "", "<no value>", false, 0, empty `[]interface{}` or map. */
export function isEmptyValue(v: GoValue): boolean {
  if (isNil(v)) return true;
  switch (typeof v) {
    case 'string':
      return v === '' || v === '<no value>';
    case 'boolean':
      return !v;
    case 'bigint':
      return v === 0n;
    case 'number':
      return v === 0;
  }
  if (isInterfaceList(v)) return v.length === 0;
  if (isMap(v)) return Object.keys(v).length === 0;
  return formatV(v) === '';
}

/** Orkestra's truthiness for `ternary` (a `[]string` counts as true, like any other type). */
export function isTruthyValue(v: GoValue): boolean {
  if (isNil(v)) return false;
  switch (typeof v) {
    case 'boolean':
      return v;
    case 'string':
      return v !== '';
    case 'bigint':
      return v !== 0n;
    case 'number':
      return v !== 0;
  }
  if (isInterfaceList(v)) return v.length > 0;
  if (isMap(v)) return Object.keys(v).length > 0;
  return true;
}

/** `default FALLBACK VALUE`: VALUE unless it is empty. */
export function noteDefault(_at: TemplateOrigin | undefined, dflt: GoValue, val: GoValue): GoValue {
  return isEmptyValue(val) ? dflt : val;
}

/** `coalesce a b c…`: the first non-empty argument, or nil. */
export function noteCoalesce(_at: TemplateOrigin | undefined, ...vals: GoValue[]): GoValue {
  for (const v of vals) if (!isEmptyValue(v)) return v;
  return null;
}

/** `ternary COND A B`. */
export function noteTernary(_at: TemplateOrigin | undefined, cond: GoValue, a: GoValue, b: GoValue): GoValue {
  return isTruthyValue(cond) ? a : b;
}

/** `empty V`. */
export function noteEmpty(_at: TemplateOrigin | undefined, v: GoValue): boolean {
  return isEmptyValue(v);
}

/** `notEmpty V`. */
export function noteNotEmpty(_at: TemplateOrigin | undefined, v: GoValue): boolean {
  return !isEmptyValue(v);
}

/** `boolTernary BOOL A B` (BOOL must be a bool). */
export function noteBoolTernary(at: TemplateOrigin | undefined, cond: GoValue, a: GoValue, b: GoValue): GoValue {
  return argBool(at, cond) ? a : b;
}

/** `boolDefault V DEF`: V when it is a bool, else DEF (a bool). */
export function noteBoolDefault(at: TemplateOrigin | undefined, v: GoValue, def: GoValue): boolean {
  const d = argBool(at, def);
  return typeof v === 'boolean' ? v : d;
}

/** `eqTernary V TARGET A B`: A when V and TARGET print the same (`%v`), else B. */
export function noteEqTernary(_at: TemplateOrigin | undefined, v: GoValue, target: GoValue, a: GoValue, b: GoValue): GoValue {
  return formatV(v ?? null) === formatV(target ?? null) ? a : b;
}
