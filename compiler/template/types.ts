/**
 * Static types of template expressions and the structural schema that types a template's
 * data (a subset of JSON Schema / OpenAPI v3 as CRDs use it).
 */

/** A structural schema: what a CRD's `openAPIV3Schema` says about a value. */
export interface DataSchema {
  readonly type?: 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array';
  readonly properties?: Readonly<Record<string, DataSchema>>;
  readonly items?: DataSchema;
  readonly additionalProperties?: boolean | DataSchema;
  readonly 'x-kubernetes-preserve-unknown-fields'?: boolean;
  readonly 'x-kubernetes-int-or-string'?: boolean;
  readonly required?: readonly string[];
  readonly description?: string;
}

/** The kind of a value at compile time. `any` is unknown (unchecked). */
export type TypeKind = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'list' | 'nil' | 'any';

/** The static type of an expression. */
export interface TemplateType {
  readonly kind: TypeKind;
  /** The value may be missing (nil) at run time. */
  readonly optional?: boolean;
  /** The schema below this value, when known (object properties, list items). */
  readonly schema?: DataSchema;
  /** Paths below this value are not checked (preserve-unknown-fields, maps of anything). */
  readonly open?: boolean;
}

/** The unknown type. */
export const ANY: TemplateType = { kind: 'any', open: true };

/** A type from a schema node. */
export function typeOfSchema(s: DataSchema | undefined, optional = false): TemplateType {
  if (s === undefined) return { ...ANY, optional };
  if (s['x-kubernetes-int-or-string']) return { kind: 'any', optional, open: false };
  const open = s['x-kubernetes-preserve-unknown-fields'] === true || (s.properties === undefined && s.additionalProperties === undefined);
  const type = s.type ?? (s.properties !== undefined || s.additionalProperties !== undefined ? 'object' : s.items !== undefined ? 'array' : undefined);
  switch (type) {
    case 'string':
    case 'integer':
    case 'number':
    case 'boolean':
      return { kind: type, optional };
    case 'array':
      return { kind: 'list', optional, schema: s };
    case 'object':
    case undefined:
      if (type === undefined) return { kind: 'any', optional, schema: s, open: true };
      return { kind: 'object', optional, schema: s, open };
  }
}

/** Prints a type for messages: `integer`, `string?`, `list`. */
export function showType(t: TemplateType): string {
  return `${t.kind}${t.optional ? '?' : ''}`;
}
