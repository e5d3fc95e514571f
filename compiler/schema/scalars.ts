/**
 * Scalar and container builders shared by every part of the Katalog schema.
 *
 * Two rules live here so the rest of the schema cannot forget them:
 * - every object is closed (`additionalProperties: false`), so unknown keys are rejected at every
 *   level — use {@link Obj} and {@link MapOf}, never `Type.Object`/`Type.Record` directly;
 * - Orkestra decodes YAML into Go strings, and yaml.v3 happily decodes `3`, `true` or `8080` into a
 *   Go `string` field, so fields that are Go strings users write as numbers or booleans accept all
 *   three ({@link GoString}); everything else keeps its strict JSON type.
 */
import { Type, type TProperties, type TSchema, type TObject, type TRecord, type TString } from '@sinclair/typebox';

/** A closed object: only the listed keys are allowed. `description` becomes hover text. */
export function Obj<P extends TProperties>(description: string, properties: P): TObject<P> {
  return Type.Object(properties, { additionalProperties: false, description });
}

/** A map keyed by user-chosen names (CRD names, team names, profile names ...). */
export function MapOf<T extends TSchema>(value: T, description: string): TRecord<TString, T> {
  return Type.Record(Type.String(), value, { additionalProperties: false, description });
}

/** Shorthand for an optional property. */
export const Opt = Type.Optional;

/** A plain string (often a Go template) with hover text. */
export function Str(description: string): TString {
  return Type.String({ description });
}

/**
 * A Go `string` field that users commonly write as a YAML number or boolean
 * (`replicas: 3`, `port: 8080`, `equals: true`). Orkestra reads all of them as the same string.
 */
export function GoString(description: string) {
  return Type.Union([Type.String(), Type.Number(), Type.Boolean()], { description });
}

/** A Go `bool` field: YAML `true`/`false` only. */
export function Bool(description: string) {
  return Type.Boolean({ description });
}

/** A Go `int` field: YAML integers only. */
export function Int(description: string) {
  return Type.Integer({ description });
}

/** A Go duration string such as `30s`, `5m`, `1h30m` (some fields also take `d`, `w`, `mo`, `y`). */
export function Duration(description: string): TString {
  return Type.String({ description: `${description} (duration string, e.g. "30s", "5m")` });
}

/** A list of plain strings. */
export function StrList(description: string) {
  return Type.Array(Type.String(), { description });
}

/** A `map[string]string` whose values users may write as numbers or booleans (labels, data ...). */
export function StringMap(description: string) {
  return MapOf(GoString('Value (a string; numbers and booleans are read as their text).'), description);
}

/** A free-form `map[string]interface{}`: any keys, any values (hook args, Helm values ...). */
export function AnyMap(description: string) {
  return MapOf(Type.Unknown(), description);
}
