/**
 * Converting a rendered template (always a string) into the value a typed field needs, as
 * Orkestra does after rendering: status fields with `type: int|integer|float|bool|boolean|auto`
 * (`castStatusValue` in Orkestra), using Go's strconv parsing rules (`ParseInt` base 10,
 * `ParseFloat`, `ParseBool`).
 */
import { fail } from './errors.ts';
import type { GoValue } from './values.ts';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Go's strconv.ParseInt(s, 10, 64); undefined with Go's error text on failure. */
export function parseGoInt(s: string): { value: bigint } | { error: string } {
  if (!/^[+-]?[0-9]+$/.test(s)) return { error: `strconv.ParseInt: parsing ${JSON.stringify(s)}: invalid syntax` };
  const v = BigInt(s);
  if (v < INT64_MIN || v > INT64_MAX) return { error: `strconv.ParseInt: parsing ${JSON.stringify(s)}: value out of range` };
  return { value: v };
}

const DIGITS = '[0-9](?:_?[0-9])*';
/** Decimal float syntax; `_` may only separate digits (Go's underscoreOK). */
const DEC_FLOAT = new RegExp(`^[+-]?(?:${DIGITS})?(?:\\.(?:${DIGITS})?)?(?:[eE][+-]?${DIGITS})?$`);
const HEX_FLOAT = /^[+-]?0[xX](?:[0-9a-fA-F_]*\.?[0-9a-fA-F_]*)[pP][+-]?[0-9]+$/;

/** Go's strconv.ParseFloat(s, 64). */
export function parseGoFloat(s: string): { value: number } | { error: string } {
  const bad = { error: `strconv.ParseFloat: parsing ${JSON.stringify(s)}: invalid syntax` };
  const lower = s.toLowerCase();
  const unsigned = lower.replace(/^[+-]/, '');
  if (unsigned === 'inf' || unsigned === 'infinity') return { value: lower.startsWith('-') ? -Infinity : Infinity };
  if (unsigned === 'nan') return { value: NaN };
  if (HEX_FLOAT.test(s)) {
    const neg = s.startsWith('-');
    const m = /0[xX]([0-9a-fA-F_]*)\.?([0-9a-fA-F_]*)[pP]([+-]?[0-9]+)$/.exec(s);
    if (!m) return bad;
    const int = (m[1] ?? '').replace(/_/g, '');
    const frac = (m[2] ?? '').replace(/_/g, '');
    if (int === '' && frac === '') return bad;
    const mant = parseInt(int || '0', 16) + (frac ? parseInt(frac, 16) / 16 ** frac.length : 0);
    const v = mant * 2 ** Number(m[3]);
    return { value: neg ? -v : v };
  }
  if (!DEC_FLOAT.test(s) || !/^[+-]?\.?[0-9]/.test(s)) return bad;
  const v = Number(s.replace(/_/g, ''));
  if (Number.isNaN(v)) return bad;
  if (!Number.isFinite(v)) return { error: `strconv.ParseFloat: parsing ${JSON.stringify(s)}: value out of range` };
  return { value: v };
}

const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/** Go's strconv.ParseBool. */
export function parseGoBool(s: string): { value: boolean } | { error: string } {
  if (TRUE.has(s)) return { value: true };
  if (FALSE.has(s)) return { value: false };
  return { error: `strconv.ParseBool: parsing ${JSON.stringify(s)}: invalid syntax` };
}

/** A status field's rendered value converted to its declared `type` (throws TemplateError). */
export function castStatusValue(raw: string, type: string): GoValue {
  switch (type.toLowerCase()) {
    case '':
    case 'string':
    case 'str':
    case 'default':
      return raw;
    case 'int':
    case 'integer': {
      const r = parseGoInt(raw);
      return 'value' in r ? r.value : fail(`expected int, got ${JSON.stringify(raw)}: ${r.error}`);
    }
    case 'float': {
      const r = parseGoFloat(raw);
      return 'value' in r ? r.value : fail(`expected float, got ${JSON.stringify(raw)}: ${r.error}`);
    }
    case 'bool':
    case 'boolean': {
      const r = parseGoBool(raw);
      return 'value' in r ? r.value : fail(`expected bool, got ${JSON.stringify(raw)}: ${r.error}`);
    }
    case 'auto': {
      const i = parseGoInt(raw);
      if ('value' in i) return i.value;
      const f = parseGoFloat(raw);
      if ('value' in f) return f.value;
      const b = parseGoBool(raw);
      if ('value' in b) return b.value;
      return raw;
    }
    default:
      return fail(`unknown status field type ${JSON.stringify(type)}`);
  }
}
