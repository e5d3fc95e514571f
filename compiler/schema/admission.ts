/**
 * Validation and mutation rules (Orkestra `admission.go`): `validation` / `mutation` on the CRD
 * entry (classic layout) or under `admission` (newest layout), and the per-CRD admission webhook
 * toggles (`webhooks`). ork enforces validation rules at reconcile time; admission-time use is the
 * Gateway's.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Obj, Opt, Str, GoString, StrList, Bool } from './scalars.ts';
import { gateKeys } from './conditions.ts';
import { ExternalCallList, FiresSchema } from './external.ts';
import { Def, Ref } from './definitions.ts';

const ruleShorthands = {
  equals: Opt(GoString('Shorthand for operator: equals.')),
  notEquals: Opt(GoString('Shorthand for operator: notEquals.')),
  prefix: Opt(GoString('Shorthand for operator: prefix.')),
  notPrefix: Opt(GoString('Shorthand for operator: notPrefix.')),
  suffix: Opt(GoString('Shorthand for operator: suffix.')),
  notSuffix: Opt(GoString('Shorthand for operator: notSuffix.')),
  contains: Opt(GoString('Shorthand for operator: contains.')),
  notContains: Opt(GoString('Shorthand for operator: notContains.')),
  min: Opt(GoString('Numeric lower bound (inclusive).')),
  max: Opt(GoString('Numeric upper bound (inclusive).')),
  greaterThan: Opt(GoString('Shorthand for operator: gt.')),
  lessThan: Opt(GoString('Shorthand for operator: lt.')),
  greaterThanOrEqual: Opt(GoString('Shorthand for operator: gte.')),
  lessThanOrEqual: Opt(GoString('Shorthand for operator: lte.')),
  regex: Opt(GoString('Shorthand for operator: regex (RE2).')),
  between: Opt(GoString('Shorthand for operator: between, "min,max".')),
  notBetween: Opt(GoString('Shorthand for operator: notBetween, "min,max".')),
  in: Opt(GoString('Shorthand for operator: in, comma-separated.')),
  notIn: Opt(GoString('Shorthand for operator: notIn, comma-separated.')),
};

export const ValidationRuleSchema = Obj('One constraint on the CR; a deny stops the reconcile (Ready=False, ValidationFailed=True).', {
  field: Str('Dot path or template checked, e.g. spec.image.'),
  message: Opt(Str('Actionable message reported when the rule fails (Orkestra requires one).')),
  action: Opt(Str('deny (default) or warn.')),
  ...ruleShorthands,
  operator: Opt(Str('Explicit operator (see conditions), e.g. unique, exists.')),
  value: Opt(GoString('Value for operator.')),
  valueType: Opt(Str('string, int/integer, float/number, bool/boolean.')),
  ...gateKeys('the rule to be evaluated'),
  fires: Opt(FiresSchema),
  link: Opt(Str('serve.fields / labels / annotations key this rule concerns (UI highlighting).')),
});
export type RawValidationRule = Static<typeof ValidationRuleSchema>;

export const ValidationSchema = Def('Validation', Obj('Validation rules, evaluated in order; every violation is reported.', {
  include: Opt(Str('Path of a YAML file whose rules: list is prepended.')),
  external: Opt(ExternalCallList('Calls made before the rules (not supported by ork).')),
  rules: Opt(Type.Array(ValidationRuleSchema, { description: 'Rules.' })),
}));
export type RawValidation = Static<typeof ValidationSchema>;

export const MutationRuleSchema = Obj('One field mutation: default (set when empty) or override (always set).', {
  field: Str('Dot path of the field to set.'),
  default: Opt(Type.Unknown({ description: 'Value set when the field is absent or empty (template allowed).' })),
  override: Opt(Type.Unknown({ description: 'Value always set (template allowed).' })),
  valueType: Opt(Str('string, int/integer, float/number, bool/boolean.')),
  ...gateKeys('the mutation'),
  fires: Opt(FiresSchema),
});
export type RawMutationRule = Static<typeof MutationRuleSchema>;

export const MutationSchema = Def('Mutation', Obj('Mutation rules, applied in order.', {
  include: Opt(Str('Path of a YAML file whose rules: list is prepended.')),
  external: Opt(ExternalCallList('Calls made before the rules (not supported by ork).')),
  rules: Opt(Type.Array(MutationRuleSchema, { description: 'Rules.' })),
  mutateFirst: Opt(Bool('At reconcile time, mutate before validating (default true).')),
}));
export type RawMutation = Static<typeof MutationSchema>;

export const AdmissionSchema = Obj('Validation and mutation rules (newest layout).', {
  validation: Opt(Ref(ValidationSchema)),
  mutation: Opt(Ref(MutationSchema)),
});
export type RawAdmission = Static<typeof AdmissionSchema>;

export const AdmissionWebhooksSchema = Obj('Per-CRD admission webhook toggles (Gateway; needs admission webhooks enabled).', {
  validation: Opt(Bool('Include this CRD in the validating webhook (default true with rules).')),
  mutation: Opt(Bool('Include this CRD in the mutating webhook (default true with rules).')),
  operations: Opt(StrList('Intercepted operations, default [CREATE, UPDATE].')),
});
