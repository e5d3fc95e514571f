/**
 * `when:` / `or:` conditions (Orkestra `pkg/types/conditions.go` `Condition`), used by resource
 * entries, hook blocks, status fields, gates, queue behaviour, requeue, enrichment and autoscale.
 *
 * A condition compares `field` (a dot path such as `spec.environment`, or a template `{{ ... }}`)
 * with a value, either through `operator` + `value` or through one shorthand key (`equals: x`).
 * Time conditions (`time`, `dayOfWeek`, `cron`) need no field.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Obj, Opt, Str, GoString, Bool, Duration, StrList } from './scalars.ts';
import { Def, Ref } from './definitions.ts';
import { SecretRefSchema } from './secret-ref.ts';

/** Every operator name Orkestra's evaluator knows (`knownConditionOperators`). */
export const CONDITION_OPERATORS = [
  'equals', 'notEquals', 'contains', 'notContains', 'prefix', 'notPrefix', 'suffix', 'notSuffix',
  'exists', 'notExists', 'gt', 'lt', 'gte', 'lte', 'in', 'notIn', 'regex', 'between', 'notBetween',
  'unique', 'typeOf', 'typeMap', 'typeList', 'typeString', 'typeNumber', 'typeBool', 'typeNull',
] as const;

/** Shorthand keys and the operator each one stands for. */
export const CONDITION_SHORTHANDS = {
  equals: 'equals', notEquals: 'notEquals', contains: 'contains', notContains: 'notContains',
  regex: 'regex', prefix: 'prefix', notPrefix: 'notPrefix', suffix: 'suffix', notSuffix: 'notSuffix',
  exists: 'exists', notExists: 'notExists', greaterThan: 'gt', lessThan: 'lt',
  greaterThanOrEqual: 'gte', lessThanOrEqual: 'lte', min: 'gte', max: 'lte',
  between: 'between', notBetween: 'notBetween', in: 'in', notIn: 'notIn',
} as const;

export const TimeWindowSchema = Obj('Active while the current time is inside the window; omit one side for a half-open range.', {
  after: Opt(Str('Start of the window, "HH:MM".')),
  before: Opt(Str('End of the window, "HH:MM".')),
});

export const DayOfWeekSchema = Obj('Active on the listed days of the week.', {
  in: Opt(StrList('Day names, e.g. [Monday, Tuesday].')),
  weekday: Opt(Bool('true = Monday to Friday.')),
});

export const NotifyBlockSchema = Obj('Teams to alert (through the Gateway) while this condition is true.', {
  teams: StrList('Team names from notification.teams.'),
  message: Opt(Str('Template for the notification body; overrides the team message.')),
});

export const CrossSourceSchema = Def('CrossSource', Obj('Remote source for cross reads and cross.<crd>.metrics.* conditions (another operator binary or cluster).', {
  endpoint: Opt(Str('Full URL, used as-is (template).')),
  host: Opt(Str('Base URL of a remote Orkestra runtime, e.g. http://db-operator:8080.')),
  protocol: Opt(Str('Which runtime endpoint to call with host: info (default), metrics, health, events.')),
  type: Opt(Str('Renamed in Orkestra v0.7.17: use `protocol`.')),
  namespace: Opt(Str('Namespace used in info/events URLs; default the CR namespace.')),
  auth: Opt(Obj('Credential for the source (one of token, secretRef).', {
    token: Opt(Str('Bearer token; $ENV_VAR expanded.')),
    secretRef: Opt(SecretRefSchema),
  })),
  cacheFor: Opt(Str('Cache the answer this long, default 30s.')),
}));

/** Shorthand keys written as `<shorthand>: <value>`; values are Go strings. */
const valueShorthands = {
  equals: Opt(GoString('Shorthand for operator: equals.')),
  notEquals: Opt(GoString('Shorthand for operator: notEquals.')),
  contains: Opt(GoString('Shorthand for operator: contains (substring).')),
  notContains: Opt(GoString('Shorthand for operator: notContains.')),
  regex: Opt(GoString('Shorthand for operator: regex (RE2 syntax).')),
  prefix: Opt(GoString('Shorthand for operator: prefix.')),
  notPrefix: Opt(GoString('Shorthand for operator: notPrefix.')),
  suffix: Opt(GoString('Shorthand for operator: suffix.')),
  notSuffix: Opt(GoString('Shorthand for operator: notSuffix.')),
  greaterThan: Opt(GoString('Shorthand for operator: gt (numeric).')),
  lessThan: Opt(GoString('Shorthand for operator: lt (numeric).')),
  greaterThanOrEqual: Opt(GoString('Shorthand for operator: gte (numeric).')),
  lessThanOrEqual: Opt(GoString('Shorthand for operator: lte (numeric).')),
  min: Opt(GoString('Shorthand for operator: gte (numeric lower bound).')),
  max: Opt(GoString('Shorthand for operator: lte (numeric upper bound).')),
  between: Opt(GoString('Shorthand for operator: between, "min,max" inclusive.')),
  notBetween: Opt(GoString('Shorthand for operator: notBetween, "min,max".')),
  in: Opt(GoString('Shorthand for operator: in, comma-separated list (a leading comma matches an empty field).')),
  notIn: Opt(GoString('Shorthand for operator: notIn, comma-separated list.')),
};

export const ConditionSchema = Def('Condition', Obj('One condition. `field` is compared with a value through `operator`+`value` or one shorthand key.', {
  field: Opt(Str('Dot path (spec.environment, metrics.queueDepth, cross.<as>.status.x) or a template "{{ ... }}".')),
  operator: Opt(Str(`Comparison operator: ${CONDITION_OPERATORS.join(', ')}.`)),
  value: Opt(GoString('Value compared with the field (may be a template).')),
  ...valueShorthands,
  exists: Opt(Bool('Shorthand for operator: exists (field present and non-empty).')),
  notExists: Opt(Bool('Shorthand for operator: notExists (field absent or empty).')),
  negate: Opt(Bool('Invert the result of this condition.')),
  time: Opt(TimeWindowSchema),
  dayOfWeek: Opt(DayOfWeekSchema),
  cron: Opt(Str('Cron expression (5 fields) that opens a time window.')),
  duration: Opt(Duration('How long a cron-opened window stays open')),
  notify: Opt(NotifyBlockSchema),
  source: Opt(Ref(CrossSourceSchema)),
}));
export type RawCondition = Static<typeof ConditionSchema>;

/** A list of conditions with a description saying how it combines. */
export function ConditionList(description: string) {
  return Type.Array(Ref(ConditionSchema), { description });
}

/**
 * The `when` (AND) / `or` (at least one) pair found on every gated block, plus the `anyOf` key
 * Orkestra renamed to `or` in v0.7.16 (known here so a check can name the new key).
 */
export function gateKeys(subject: string) {
  return {
    when: Opt(ConditionList(`AND conditions: all must pass for ${subject}.`)),
    or: Opt(ConditionList(`OR conditions: at least one must pass for ${subject} (both when and or must pass when both are given).`)),
    anyOf: Opt(ConditionList('Renamed in Orkestra v0.7.16: use `or`.')),
  };
}
