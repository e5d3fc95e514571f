/**
 * A child declaration as a TypeScript object literal for its builder: template strings
 * become calls of their compiled functions, plain strings JSON string literals, and numbers
 * or booleans written where Orkestra reads a Go string (`replicas: 3`, `port: 8080`) become
 * the strings Orkestra would see ("3", "8080") — decided by walking the Katalog schema next
 * to the value. Gate and control keys (`when`, `or`, `forEach`, `reconcile`, ...) are not
 * builder input: the generated control flow handles them.
 */
import type { TSchema } from '@sinclair/typebox';
import { DEFINITIONS } from '../../schema/definitions.ts';
import { propertyKey } from '../code/identifiers.ts';

type Node = Record<string, unknown>;

/** Keys of a declaration the generated code acts on itself. */
export const CONTROL_KEYS = new Set(['when', 'or', 'anyOf', 'forEach', 'reconcile', 'forceConflict', 'sleep']);

/** Turns a template string into the expression that renders it. */
export type TemplateRef = (source: string, path: readonly (string | number)[]) => string;

function deref(s: Node | undefined): Node | undefined {
  const ref = s?.['$ref'];
  return typeof ref === 'string' ? (DEFINITIONS[ref.replace('#/definitions/', '')] as unknown as Node | undefined) : s;
}

function alternatives(s: Node | undefined): Node[] {
  const d = deref(s);
  if (!d) return [];
  const any = d['anyOf'];
  return Array.isArray(any) ? (any as Node[]).flatMap((a) => alternatives(a)) : [d];
}

function acceptsString(s: Node | undefined): boolean {
  return alternatives(s).some((a) => a['type'] === 'string');
}

function child(s: Node | undefined, key: string | number): Node | undefined {
  for (const a of alternatives(s)) {
    if (typeof key === 'number') {
      if (a['type'] === 'array') return a['items'] as Node | undefined;
      continue;
    }
    const props = a['properties'] as Record<string, Node> | undefined;
    if (props && key in props) return props[key];
    const pattern = a['patternProperties'] as Record<string, Node> | undefined;
    if (pattern) return Object.values(pattern)[0];
    const extra = a['additionalProperties'];
    if (extra && typeof extra === 'object') return extra as Node;
  }
  return undefined;
}

/** The literal for `value` (typed by `schema`), at `path` in the Katalog document. */
export function entryLiteral(value: unknown, schema: TSchema | undefined, path: readonly (string | number)[], template: TemplateRef, depth = 0): string {
  const s = schema as Node | undefined;
  if (typeof value === 'string') return value.includes('{{') ? template(value, path) : JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return acceptsString(s) ? JSON.stringify(String(value)) : String(value);
  if (value === null || value === undefined) return 'undefined';
  const pad = '  '.repeat(depth + 1);
  const end = '  '.repeat(depth);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v, i) => `${pad}${entryLiteral(v, child(s, i) as TSchema | undefined, [...path, i], template, depth + 1)},`).join('\n')}\n${end}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([k]) => depth > 0 || !CONTROL_KEYS.has(k));
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${pad}${propertyKey(k)}: ${entryLiteral(v, child(s, k) as TSchema | undefined, [...path, k], template, depth + 1)},`).join('\n')}\n${end}}`;
}
