/**
 * TypeScript declarations from a CRD's OpenAPI v3 schema, as cdk8s `import` does: one
 * interface per object with properties (named after its path: `WebAppSpec`,
 * `WebAppSpecTls`), `required` → non-optional, enums → literal unions, descriptions → doc
 * comments, `x-kubernetes-int-or-string` → `number | string`, preserve-unknown-fields →
 * `Record<string, unknown>`. Output is data for the writer, not text: no user text is
 * spliced into code except through `propertyKey`, `docText` and JSON string literals.
 */
import { docText, pascalCase, propertyKey } from '../code/identifiers.ts';

/** The OpenAPI v3 subset Kubernetes structural schemas use. */
export interface OpenApiSchema {
  readonly type?: string;
  readonly description?: string;
  readonly properties?: Readonly<Record<string, OpenApiSchema>>;
  readonly required?: readonly string[];
  readonly items?: OpenApiSchema;
  readonly additionalProperties?: OpenApiSchema | boolean;
  readonly enum?: readonly unknown[];
  readonly nullable?: boolean;
  readonly format?: string;
  readonly default?: unknown;
  readonly anyOf?: readonly OpenApiSchema[];
  readonly oneOf?: readonly OpenApiSchema[];
  readonly 'x-kubernetes-int-or-string'?: boolean;
  readonly 'x-kubernetes-preserve-unknown-fields'?: boolean;
}

/** One generated interface. */
export interface InterfaceDecl {
  readonly name: string;
  readonly docs: string | undefined;
  readonly properties: ReadonlyArray<{ readonly key: string; readonly type: string; readonly optional: boolean; readonly docs: string | undefined }>;
}

/** Collects the interfaces for `schema`, rooted at `name`; returns the root's type text. */
export function collectInterfaces(name: string, schema: OpenApiSchema, out: InterfaceDecl[]): string {
  return typeOf(name, schema, out);
}

function typeOf(name: string, s: OpenApiSchema, out: InterfaceDecl[]): string {
  const t = baseType(name, s, out);
  return s.nullable ? `${t} | null` : t;
}

function baseType(name: string, s: OpenApiSchema, out: InterfaceDecl[]): string {
  if (s['x-kubernetes-int-or-string']) return 'number | string';
  if (s.enum && s.enum.length > 0) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  const alts = s.anyOf ?? s.oneOf;
  if (alts && !s.type) return [...new Set(alts.map((a, i) => typeOf(`${name}${i}`, a, out)))].join(' | ');
  switch (s.type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array': {
      const item = s.items ? typeOf(`${name}Item`, s.items, out) : 'unknown';
      return /[ |]/.test(item) ? `Array<${item}>` : `${item}[]`;
    }
    case 'object':
    case undefined:
      return objectType(name, s, out);
    default:
      return 'unknown';
  }
}

function objectType(name: string, s: OpenApiSchema, out: InterfaceDecl[]): string {
  const props = s.properties ?? {};
  const keys = Object.keys(props);
  if (keys.length === 0) {
    if (s.additionalProperties && typeof s.additionalProperties === 'object') return `Record<string, ${typeOf(`${name}Value`, s.additionalProperties, out)}>`;
    return 'Record<string, unknown>';
  }
  const required = new Set(s.required ?? []);
  out.push({
    name,
    docs: s.description ? docText(s.description) : undefined,
    properties: keys.map((k) => ({
      key: propertyKey(k),
      type: typeOf(`${name}${pascalCase(k)}`, props[k] ?? {}, out),
      optional: !required.has(k),
      docs: describe(props[k] ?? {}),
    })),
  });
  return name;
}

function describe(s: OpenApiSchema): string | undefined {
  const parts = [s.description ? docText(s.description) : undefined, s.default !== undefined ? `@default ${docText(JSON.stringify(s.default))}` : undefined];
  const text = parts.filter(Boolean).join('\n\n');
  return text === '' ? undefined : text;
}
