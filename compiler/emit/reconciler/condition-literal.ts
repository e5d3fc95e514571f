/**
 * `when:` / `or:` lists as literals of runtime-kit `Condition`s, resolving the operator the
 * way Orkestra does (`ResolveConditionOp`): `exists`/`notExists` flags first, then the first
 * non-empty shorthand in Orkestra's order, then `operator` + `value`, then a bare `value`
 * (equals), else `exists`.
 */
import type { RawCondition } from '../../schema/index.ts';
import type { TemplateRef } from './entry-literal.ts';

const SHORTHAND_ORDER: ReadonlyArray<[string, string]> = [
  ['equals', 'equals'], ['notEquals', 'notEquals'], ['prefix', 'prefix'], ['notPrefix', 'notPrefix'], ['suffix', 'suffix'],
  ['notSuffix', 'notSuffix'], ['contains', 'contains'], ['notContains', 'notContains'], ['regex', 'regex'], ['greaterThan', 'gt'],
  ['lessThan', 'lt'], ['greaterThanOrEqual', 'gte'], ['lessThanOrEqual', 'lte'], ['min', 'gte'], ['max', 'lte'],
  ['between', 'between'], ['notBetween', 'notBetween'], ['in', 'in'], ['notIn', 'notIn'],
];

/** A Katalog feature the generator cannot compile yet, with its document path (reported as ORK045). */
export class UnsupportedFeature extends Error {
  readonly path: readonly (string | number)[];
  constructor(path: readonly (string | number)[], what: string) {
    super(`${what} are not supported by ork yet`);
    this.path = path;
  }
}

/** Features of a condition ork does not evaluate yet (time windows need a clock contract; `unique` a live list). */
export function unsupportedConditionFeature(c: RawCondition): string | undefined {
  if (c.time || c.dayOfWeek || c.cron) return 'time-based conditions (time, dayOfWeek, cron)';
  if (c.operator === 'unique') return 'the `unique` operator';
  if (c.source) return 'cross-binary metric sources';
  return undefined;
}

/** The operator and the raw expected value of a condition. */
export function resolveOperator(c: RawCondition): { op: string; value: string } {
  if (c.exists === true) return { op: 'exists', value: '' };
  if (c.notExists === true) return { op: 'notExists', value: '' };
  const rec = c as Record<string, unknown>;
  for (const [key, op] of SHORTHAND_ORDER) {
    const v = rec[key];
    if (v !== undefined && v !== '') return { op, value: String(v) };
  }
  if (c.operator) return { op: c.operator, value: c.value === undefined ? '' : String(c.value) };
  if (c.value !== undefined && c.value !== '') return { op: 'equals', value: String(c.value) };
  return { op: 'exists', value: '' };
}

/** Turns a condition's `notify:` block into its literal (undefined: notifies nobody); see notify-literal.ts. */
export type NotifyLiteral = (c: RawCondition, path: readonly (string | number)[]) => string | undefined;

/** One condition as a literal; `path` is the condition's Katalog path (for template refs). */
export function conditionLiteral(c: RawCondition, path: readonly (string | number)[], template: TemplateRef, notify?: NotifyLiteral): string {
  const { op, value } = resolveOperator(c);
  const field = c.field ?? '';
  const fieldFn = field.includes('{{')
    ? `(d) => ${template(field, [...path, 'field'])}(d)`
    : `(d) => readPath(d, ${JSON.stringify(field.split('.').filter((p) => p !== ''))})`;
  const valueKey = ['exists', 'notExists'].includes(op) ? undefined : valueKeyOf(c, op);
  const valueFn = value.includes('{{') && valueKey ? `(d) => ${template(value, [...path, valueKey])}(d)` : `() => ${JSON.stringify(value)}`;
  const notifyLit = notify?.(c, path);
  return `{ op: ${JSON.stringify(op)}, field: ${fieldFn}, value: ${valueFn}${c.negate ? ', negate: true' : ''}${notifyLit ? `, notify: ${notifyLit}` : ''} }`;
}

function valueKeyOf(c: RawCondition, op: string): string {
  const rec = c as Record<string, unknown>;
  const short = SHORTHAND_ORDER.find(([k, o]) => o === op && rec[k] !== undefined && rec[k] !== '');
  return short ? short[0] : 'value';
}

/** `[cond, cond]` for a list (empty list when absent). */
export function conditionListLiteral(list: readonly RawCondition[] | undefined, path: readonly (string | number)[], template: TemplateRef, notify?: NotifyLiteral): string {
  if (!list || list.length === 0) return '[]';
  list.forEach((c, i) => {
    const f = unsupportedConditionFeature(c);
    if (f) throw new UnsupportedFeature([...path, i], f);
  });
  return `[${list.map((c, i) => conditionLiteral(c, [...path, i], template, notify)).join(', ')}]`;
}
