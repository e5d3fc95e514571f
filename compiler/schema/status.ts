/**
 * `status:` (classic layout, under operatorBox) / `emit.status:` (newest layout): the automatic
 * Ready/Validation conditions toggle and declarative status fields.
 * Orkestra `pkg/types/status.go` `StatusConfig`, `StatusFieldSpec`.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Obj, Opt, Str, GoString, Bool } from './scalars.ts';
import { gateKeys } from './conditions.ts';
import { Def } from './definitions.ts';

/** Values accepted by `status.fields[].type` (case-insensitive in Orkestra). */
export const STATUS_FIELD_TYPES = ['', 'string', 'str', 'default', 'int', 'integer', 'float', 'bool', 'boolean', 'auto'] as const;

export const StatusFieldSchema = Obj('One field written under .status after reconcile.', {
  path: Str('Dot path under .status, e.g. phase or database.host.'),
  value: Opt(GoString('Value (template), rendered as a string then cast per type.')),
  type: Opt(Str('Cast of the rendered value: string (default), int, float, bool, auto.')),
  ...gateKeys('this field to be written'),
  clearOnFalse: Opt(Bool('When the gate is false, write "" instead of leaving the field untouched.')),
});
export type RawStatusField = Static<typeof StatusFieldSchema>;

export const StatusSchema = Def('Status', Obj('How the CR status is written: automatic conditions plus declared fields.', {
  conditions: Opt(Bool('Write the automatic Ready / ValidationFailed / ValidationWarning conditions (default true).')),
  fields: Opt(Type.Array(StatusFieldSchema, { description: 'Declared status fields, in order (later wins on the same path).' })),
  include: Opt(Str('Path of a YAML file whose fields: list is prepended (expanded at load).')),
}));
export type RawStatus = Static<typeof StatusSchema>;
