/**
 * Orkestra's `when:`/`or:` conditions at reconcile time, with Orkestra's semantics: the field
 * (a dot path into the template data, or a compiled template) is read as a string (`%v` of
 * the value, "" when missing), compared with the value as a string, numerically for
 * gt/lt/gte/lte/between (a missing field counts as 0 for gt/lt/gte/lte, as Kubernetes omits
 * zero integers), by RE2-style regex (an invalid pattern fails the condition), `in` over a
 * comma-separated list (a leading comma matches an empty field). `negate` inverts. Unknown
 * operators cannot reach here: the compiler rejects them (ORK040).
 */
import { formatV } from '../template/format.ts';
import type { GoValue } from '../template/values.ts';
import { isList, isMap, isNil } from '../template/values.ts';

/** The operators ork evaluates at reconcile time. */
export type ConditionOp =
  | 'equals' | 'notEquals' | 'contains' | 'notContains' | 'prefix' | 'notPrefix' | 'suffix' | 'notSuffix'
  | 'exists' | 'notExists' | 'gt' | 'lt' | 'gte' | 'lte' | 'in' | 'notIn' | 'regex' | 'between' | 'notBetween'
  | 'typeOf' | 'typeMap' | 'typeList' | 'typeString' | 'typeNumber' | 'typeBool' | 'typeNull';

/** A compiled condition: the operator, how to read the field, the expected value, negation. */
export interface Condition {
  readonly op: ConditionOp;
  /** The field's raw value (from a dot path; a compiled template returns its rendered string). */
  readonly field: (data: GoValue) => GoValue;
  /** The expected value, rendered (templates allowed) — "" when the operator takes none. */
  readonly value: (data: GoValue) => string;
  readonly negate?: boolean;
}

/** Reads a dot path (`spec.replicas`) from template data; undefined when any segment is missing. */
export function readPath(data: GoValue, path: readonly string[]): GoValue {
  let cur: GoValue = data;
  for (const seg of path) {
    if (!isMap(cur) || !Object.hasOwn(cur, seg)) return undefined;
    cur = (cur as Record<string, GoValue>)[seg];
  }
  return cur;
}

/** The string Orkestra compares: "" for missing/nil, the string itself, else Go `%v`. */
export function fieldString(v: GoValue): string {
  if (isNil(v)) return '';
  if (typeof v === 'string') return v;
  return formatV(v);
}

/** Go `fmt.Sscanf("%f")`: a leading float, trailing text ignored; "" is 0. Undefined when none. */
export function parseLeadingFloat(s: string): number | undefined {
  if (s === '') return 0;
  const m = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(s);
  return m ? Number(m[0]) : undefined;
}

function between(expected: string): [number, number] | undefined {
  const parts = expected.split(',');
  if (parts.length !== 2) return undefined;
  const lo = parseLeadingFloat(parts[0]!.trim());
  const hi = parseLeadingFloat(parts[1]!.trim());
  return lo === undefined || hi === undefined ? undefined : [lo, hi];
}

function numeric(field: string, expected: string, cmp: (a: number, b: number) => boolean): boolean {
  const e = parseLeadingFloat(expected);
  if (e === undefined) return false;
  return cmp(parseLeadingFloat(field) ?? 0, e);
}

function regex(pattern: string, s: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(s);
  } catch {
    return false;
  }
}

/** Orkestra's type names for typeOf: map, slice, string, number, bool, null. */
export function typeName(v: GoValue): string {
  if (isNil(v)) return 'null';
  if (isMap(v)) return 'map';
  if (isList(v)) return 'slice';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  return 'number';
}

/** Applies an operator to the field's string (and raw value for type checks). */
export function applyOperator(op: ConditionOp, raw: GoValue, expected: string): boolean {
  const f = fieldString(raw);
  const inList = (): boolean => expected.split(',').some((v) => v.replace(/^[ \t]+|[ \t]+$/g, '') === f);
  switch (op) {
    case 'exists': return f !== '' && f !== '<no value>';
    case 'notExists': return f === '' || f === '<no value>';
    case 'equals': return f === expected;
    case 'notEquals': return f !== expected;
    case 'contains': return f.includes(expected);
    case 'notContains': return !f.includes(expected);
    case 'prefix': return f.startsWith(expected);
    case 'notPrefix': return !f.startsWith(expected);
    case 'suffix': return f.endsWith(expected);
    case 'notSuffix': return !f.endsWith(expected);
    case 'regex': return regex(expected, f);
    case 'gt': return numeric(f, expected, (a, b) => a > b);
    case 'lt': return numeric(f, expected, (a, b) => a < b);
    case 'gte': return numeric(f, expected, (a, b) => a >= b);
    case 'lte': return numeric(f, expected, (a, b) => a <= b);
    case 'in': return inList();
    case 'notIn': return !inList();
    case 'between':
    case 'notBetween': {
      const range = between(expected);
      const v = f === '' ? 0 : parseLeadingFloat(f);
      if (!range || v === undefined) return false;
      const inside = v >= range[0] && v <= range[1];
      return op === 'between' ? inside : !inside;
    }
    case 'typeOf': return typeName(raw) === expected;
    case 'typeMap': return typeName(raw) === 'map';
    case 'typeList': return typeName(raw) === 'slice';
    case 'typeString': return typeName(raw) === 'string';
    case 'typeNumber': return typeName(raw) === 'number';
    case 'typeBool': return typeName(raw) === 'bool';
    case 'typeNull': return typeName(raw) === 'null';
  }
}

/** One condition, negation applied. */
export function evaluateCondition(c: Condition, data: GoValue): boolean {
  const r = applyOperator(c.op, c.field(data), c.value(data));
  return c.negate ? !r : r;
}

/** `when` (all must pass) and `or` (at least one, when any is declared); both must hold. */
export function evaluateGate(when: readonly Condition[], or: readonly Condition[], data: GoValue): boolean {
  if (!when.every((c) => evaluateCondition(c, data))) return false;
  return or.length === 0 || or.some((c) => evaluateCondition(c, data));
}
