/**
 * Go template truthiness and the comparison built-ins (`eq ne lt le gt ge not`) with Go's
 * type rules: integers compare with integers, floats with floats, strings with strings;
 * mixing kinds is an error, except that nil compares unequal to anything but nil.
 */
import { fail, type TemplateOrigin } from './errors.ts';
import { sprintf } from './printf.ts';
import { type GoValue, compareCodePoints, goTypeName, isMap, isNil } from './values.ts';

/** Go's truth: false, 0, nil, and empty strings, lists and maps are false. */
export function truth(v: GoValue): boolean {
  if (isNil(v)) return false;
  switch (typeof v) {
    case 'boolean':
      return v;
    case 'string':
      return v.length > 0;
    case 'bigint':
      return v !== 0n;
    case 'number':
      return v !== 0;
  }
  if (Array.isArray(v)) return v.length > 0;
  if (isMap(v)) return Object.keys(v).length > 0;
  return true;
}

/** `not`: the negated truth of its argument. */
export function not(v: GoValue): boolean {
  return !truth(v);
}

type Basic = 'bool' | 'int' | 'float' | 'string' | 'other' | 'nil';

function basic(v: GoValue): Basic {
  if (isNil(v)) return 'nil';
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'bigint':
      return 'int';
    case 'number':
      return 'float';
    case 'string':
      return 'string';
    default:
      return 'other';
  }
}

function incompatible(fn: string, a: GoValue, b: GoValue, at: TemplateOrigin | undefined): never {
  return fail(`error calling ${fn}: incompatible types for comparison: ${goTypeName(a)} and ${goTypeName(b)}`, at);
}

function equalPair(fn: string, a: GoValue, b: GoValue, at: TemplateOrigin | undefined): boolean {
  const ka = basic(a);
  const kb = basic(b);
  const sameClass = ka === kb || ((ka === 'nil' || ka === 'other') && (kb === 'nil' || kb === 'other'));
  if (!sameClass) {
    if (ka !== 'nil' && kb !== 'nil') incompatible(fn, a, b, at);
    return false;
  }
  if (ka === 'nil' || kb === 'nil' || ka === 'other') {
    if (ka === 'nil' && kb === 'nil') return true;
    if (ka === 'nil' || kb === 'nil') return false;
    if (goTypeName(a) !== goTypeName(b)) {
      return fail(`error calling ${fn}: non-comparable types ${sprintf('%s', [a])}: ${goTypeName(a)}, ${goTypeName(b)}: ${sprintf('%v', [b])}`, at);
    }
    return fail(`error calling ${fn}: non-comparable type ${sprintf('%s', [b])}: ${goTypeName(b)}`, at);
  }
  return a === b;
}

/** `eq a b c…`: true when a equals any of the others. */
export function eq(at: TemplateOrigin | undefined, a: GoValue, ...bs: GoValue[]): boolean {
  if (bs.length === 0) return fail('error calling eq: missing argument for comparison', at);
  for (const b of bs) if (equalPair('eq', a ?? null, b ?? null, at)) return true;
  return false;
}

/** `ne a b`. */
export function ne(at: TemplateOrigin | undefined, a: GoValue, b: GoValue): boolean {
  return !equalPair('ne', a ?? null, b ?? null, at);
}

function less(fn: string, a: GoValue, b: GoValue, at: TemplateOrigin | undefined): boolean {
  const ka = basic(a);
  const kb = basic(b);
  // Go: non-basic operands first, then a kind mismatch, then kinds that have no order.
  if (ka === 'nil' || ka === 'other' || kb === 'nil' || kb === 'other') return fail(`error calling ${fn}: invalid type for comparison`, at);
  if (ka !== kb) incompatible(fn, a, b, at);
  if (ka === 'bool') return fail(`error calling ${fn}: invalid type for comparison`, at);
  if (ka === 'string') return compareCodePoints(a as string, b as string) < 0;
  return (a as number | bigint) < (b as number | bigint);
}

/** `lt a b`. */
export function lt(at: TemplateOrigin | undefined, a: GoValue, b: GoValue): boolean {
  return less('lt', a, b, at);
}

/** `le a b`. */
export function le(at: TemplateOrigin | undefined, a: GoValue, b: GoValue): boolean {
  return less('le', a, b, at) || eqSame(a, b);
}

/** `gt a b`. */
export function gt(at: TemplateOrigin | undefined, a: GoValue, b: GoValue): boolean {
  return !(less('gt', a, b, at) || eqSame(a, b));
}

/** `ge a b`. */
export function ge(at: TemplateOrigin | undefined, a: GoValue, b: GoValue): boolean {
  return !less('ge', a, b, at);
}

/** Equality of two values already known to be of the same basic kind. */
function eqSame(a: GoValue, b: GoValue): boolean {
  return a === b;
}
