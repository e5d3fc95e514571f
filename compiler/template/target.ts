/**
 * Does a template's result fit the field it fills? Orkestra renders every template to a string
 * and parses it afterwards where the field needs a number or a bool (`replicas`, `port`, typed
 * status fields). ork refuses, at compile time, templates that can never parse: a single action
 * of a type that cannot print as the target (a list into `replicas`), or literal text that is
 * not part of a number (`{{ .spec.n }}x`).
 */
import type { Node } from './ast.ts';
import type { TemplateType } from './types.ts';

/** What a field needs after rendering. */
export type TargetKind = 'string' | 'integer' | 'number' | 'boolean';

const FITS: Record<Exclude<TargetKind, 'string'>, ReadonlySet<TemplateType['kind']>> = {
  integer: new Set(['integer', 'any', 'string', 'nil']),
  number: new Set(['integer', 'number', 'any', 'string', 'nil']),
  boolean: new Set(['boolean', 'any', 'string', 'nil']),
};

const TEXT_OK: Record<Exclude<TargetKind, 'string'>, RegExp> = {
  integer: /^[\s+\-0-9]*$/,
  number: /^[\s+\-0-9.eE]*$/,
  boolean: /^\s*$/,
};

/** Why the template cannot fill a `target` field, with the offset to report, or undefined. */
export function targetMismatch(nodes: readonly Node[], type: TemplateType, target: TargetKind): { offset: number; message: string } | undefined {
  if (target === 'string') return undefined;
  const text = nodes.find((n) => n.kind === 'text' && !TEXT_OK[target].test(n.text));
  if (text) return { offset: text.pos, message: `literal text ${JSON.stringify(text.kind === 'text' ? text.text.trim().slice(0, 20) : '')} can never be part of a${target === 'integer' ? 'n' : ''} ${target}` };
  if (!FITS[target].has(type.kind)) {
    const first = nodes.find((n) => n.kind === 'action');
    return { offset: first?.pos ?? 0, message: `this template yields a${/^[aeiou]/.test(type.kind) ? 'n' : ''} ${type.kind}; the field needs a${target === 'integer' ? 'n' : ''} ${target}` };
  }
  return undefined;
}
