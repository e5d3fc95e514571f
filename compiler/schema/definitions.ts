/**
 * Shared sub-schemas are emitted once, under the Katalog schema's `definitions`, and referenced
 * with `$ref: "#/definitions/<Name>"`. Inlining them everywhere made the schema megabytes large
 * and ajv's compile take tens of seconds; references keep both small.
 *
 * `Def(name, schema)` registers a schema; `Ref(schema)` references a registered one and keeps its
 * static type. A schema holding refs is only complete together with `DEFINITIONS`
 * (`withDefinitions(schema)` attaches them, e.g. to validate a sub-schema on its own).
 */
import { Type, type Static, type TSchema, type TUnsafe } from '@sinclair/typebox';

/** Every registered shared schema, by definition name, in registration order. */
export const DEFINITIONS: Record<string, TSchema> = {};
const names = new WeakMap<TSchema, string>();

/** Register `schema` as the shared definition `name` and return it unchanged. */
export function Def<T extends TSchema>(name: string, schema: T): T {
  if (name in DEFINITIONS) throw new Error(`schema definition ${name} registered twice`);
  DEFINITIONS[name] = schema;
  names.set(schema, name);
  return schema;
}

/** A `$ref` to a registered schema, typed as that schema. */
export function Ref<T extends TSchema>(schema: T): TUnsafe<Static<T>> {
  const name = names.get(schema);
  if (name === undefined) throw new Error('Ref() of a schema that was not registered with Def()');
  return Type.Unsafe<Static<T>>({ $ref: `#/definitions/${name}` });
}

/** The definition name of a registered schema, if any. */
export function definitionName(schema: TSchema): string | undefined {
  return names.get(schema);
}

/** `schema` with every shared definition attached, ready for ajv on its own. */
export function withDefinitions<T extends TSchema>(schema: T): T & { definitions: Record<string, TSchema> } {
  return { ...schema, definitions: DEFINITIONS };
}
