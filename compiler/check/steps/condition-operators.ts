/**
 * ORK040 (ork's own; spec README §4 fix 3): conditions say exactly one comparison ork can
 * compile. Orkestra's evaluator skips an unknown operator, so the rule silently passes; ork
 * refuses it. Every condition — resource, block, status field, requeue, queue behaviour,
 * gate, autoscale (`when`/`or` anywhere) and every validation rule — has a `field` (time
 * conditions excepted), one known operator written once (`operator:` or one shorthand
 * key), a `value` when the operator compares with one, a `regex` RE2 can compile, numeric
 * bounds for gt/lt/gte/lte and "a,b" numeric pairs for between/notBetween.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { DocPath } from '../../load/yaml-document.ts';
import type { Check, CheckContext } from '../check.ts';
import { enabledCrds, isTemplateText } from '../walk.ts';
import { conditionListsIn } from '../data-walk.ts';
import { didYouMean } from '../../diagnostics/suggest.ts';
import { CONDITION_OPERATORS, CONDITION_SHORTHANDS } from '../../schema/index.ts';
import { checkRe2 } from '../re2.ts';
import { asList, asRecord, goString } from '../values.ts';

/** Operators that compare the field with nothing. */
const NO_VALUE = new Set(['exists', 'notExists', 'unique', 'typeOf', 'typeMap', 'typeList', 'typeString', 'typeNumber', 'typeBool', 'typeNull']);
const NUMERIC = new Set(['gt', 'lt', 'gte', 'lte']);
const RANGE = new Set(['between', 'notBetween']);
const OPERATORS: readonly string[] = CONDITION_OPERATORS;
const SHORTHANDS: Readonly<Record<string, string>> = CONDITION_SHORTHANDS;

/** Keys that make a condition a time condition (no field needed). */
const TIME_KEYS = ['time', 'dayOfWeek', 'cron'] as const;

export const conditionOperators: Check = {
  code: 'ORK040',
  title: 'conditions: field, one known operator, value, regex, ranges',
  orkestraStep: 'ork (fix: Orkestra skips unknown operators)',
  run(ctx) {
    const out: Diagnostic[] = [];
    for (const crd of enabledCrds(ctx.model)) {
      for (const list of conditionListsIn(crd.raw, crd.at)) {
        list.conditions.forEach((c, i) => out.push(...checkCondition(ctx, c, [...list.at, i], `condition in CRD \`${crd.name}\``, false)));
      }
      const v = crd.raw.validation ? { rules: crd.raw.validation.rules, at: [...crd.at, 'validation', 'rules'] }
        : { rules: crd.raw.admission?.validation?.rules, at: [...crd.at, 'admission', 'validation', 'rules'] };
      asList(v.rules).forEach((r, i) => out.push(...checkCondition(ctx, r, [...v.at, i], `validation rule in CRD \`${crd.name}\``, true)));
    }
    return out;
  },
};

/** One condition (or validation rule, which has the same comparison keys plus min/max). */
function checkCondition(ctx: CheckContext, raw: unknown, at: DocPath, where: string, rule: boolean): Diagnostic[] {
  const c = asRecord(raw);
  if (!c) return [];
  const out: Diagnostic[] = [];
  const isTime = TIME_KEYS.some((k) => c[k] !== undefined);
  const field = c.field;
  if ((typeof field !== 'string' || field.trim() === '') && !isTime) {
    out.push(ctx.error(at, `${where} has no field`, 'add `field:` with a dot path (spec.environment) or a template ("{{ .spec.enabled }}")'));
  }
  const shorthands = Object.keys(SHORTHANDS).filter((k) => c[k] !== undefined && !((k === 'exists' || k === 'notExists') && c[k] === false));
  // A validation rule may bound a number on both sides: `min` + `max` is one comparison.
  const pairedMax = rule && shorthands.includes('min') && shorthands.includes('max');
  if (pairedMax) shorthands.splice(shorthands.indexOf('max'), 1);
  const forms = [...(c.operator !== undefined ? ['operator'] : []), ...shorthands];
  if (forms.length > 1) {
    out.push(ctx.errorAtKey([...at, forms[1] ?? 'operator'], `${where} compares in ${forms.length} ways at once (${forms.map((f) => `\`${f}\``).join(', ')})`, 'keep one: `operator:` + `value:`, or a single shorthand such as `equals:`; split it into several conditions to combine them'));
    return out;
  }
  if (forms.length === 0) {
    if (!isTime) out.push(ctx.error(at, `${where} has no operator`, 'add `operator:` and `value:`, or a shorthand such as `equals: production` or `exists: true`'));
    return out;
  }
  let op: string;
  let value: unknown;
  let valueAt: DocPath;
  if (c.operator !== undefined) {
    const given = String(c.operator);
    if (!OPERATORS.includes(given)) {
      const asShorthand = SHORTHANDS[given];
      out.push(ctx.error([...at, 'operator'], `${where} uses unknown operator \`${given}\``,
        asShorthand && asShorthand !== given ? `did you mean \`${asShorthand}\`? (\`${given}\` is only a shorthand key: \`${given}: <value>\`)` : didYouMean(given, OPERATORS) ?? `use one of: ${OPERATORS.join(', ')}`,
        ['Orkestra skips unknown operators, so such a condition always passes; ork refuses it']));
      return out;
    }
    op = given;
    value = c.value;
    valueAt = [...at, 'value'];
    if (NO_VALUE.has(op)) {
      if (value !== undefined && op !== 'typeOf') out.push(ctx.warning(valueAt, `${where}: operator \`${op}\` takes no value; \`value\` is ignored`, 'remove `value:`'));
      return out;
    }
    if (value === undefined) {
      out.push(ctx.errorAtKey([...at, 'operator'], `${where}: operator \`${op}\` needs a value`, 'add `value:`'));
      return out;
    }
  } else {
    const key = shorthands[0] ?? '';
    op = SHORTHANDS[key] ?? key;
    value = c[key];
    valueAt = [...at, key];
    if (NO_VALUE.has(op)) return out;
  }
  if (pairedMax) {
    const max = goString(c.max);
    if (max !== undefined && !isTemplateText(max) && !isNumber(max)) out.push(ctx.error([...at, 'max'], `${where}: \`max\` must be a number, got \`${max}\``, 'use a number, e.g. 10'));
  }
  const text = goString(value);
  if (text === undefined || isTemplateText(text)) return out;
  if (op === 'regex') {
    const r = checkRe2(text);
    if (!r.ok) out.push(ctx.error(valueAt, `${where}: regex \`${text}\` does not compile: ${r.reason}`, 'write an RE2 (Go regexp) pattern: no lookarounds or backreferences'));
  } else if (NUMERIC.has(op) && !isNumber(text)) {
    out.push(ctx.error(valueAt, `${where}: \`${op}\` compares numbers but the value is \`${text}\``, 'use a number, e.g. 3 or 0.5 (a non-numeric bound makes the condition always false)'));
  } else if (RANGE.has(op)) {
    const parts = text.split(',').map((s) => s.trim());
    if (parts.length !== 2 || !parts.every(isNumber)) {
      out.push(ctx.error(valueAt, `${where}: \`${op}\` needs "min,max" numbers, got \`${text}\``, 'write two numbers separated by a comma, e.g. "1,10"'));
    } else if (Number(parts[0]) > Number(parts[1])) {
      out.push(ctx.error(valueAt, `${where}: \`${op}\` range \`${text}\` has min greater than max`, `swap them: "${parts[1] ?? ''},${parts[0] ?? ''}"`));
    }
  }
  return out;
}

/** A decimal number as Go's strconv.ParseFloat reads it (no hex, inf or nan). */
function isNumber(s: string): boolean {
  return /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(s.trim());
}
