/**
 * Type compatibility of two schema nodes. A node accepts a set of JSON types (`any` when it
 * names none; `x-kubernetes-int-or-string` accepts integer and string); `number` accepts
 * every integer. The new side narrows when everything it accepts was accepted before and
 * not the other way round.
 */
import type { SchemaNode } from './schema-node.ts';

/** The JSON types a node accepts, or 'any'. */
export function acceptedTypes(n: SchemaNode): ReadonlySet<string> | 'any' {
  if (n['x-kubernetes-int-or-string'] === true) return new Set(['integer', 'string']);
  const t = n['type'];
  if (typeof t === 'string') return new Set([t]);
  if (Array.isArray(t)) return new Set(t.filter((x): x is string => typeof x === 'string'));
  return 'any';
}

function covers(wide: ReadonlySet<string> | 'any', narrow: ReadonlySet<string> | 'any'): boolean {
  if (wide === 'any') return true;
  if (narrow === 'any') return false;
  return [...narrow].every((t) => wide.has(t) || (t === 'integer' && wide.has('number')));
}

/** How the accepted types changed from `a` to `b`. */
export type TypeChange = 'same' | 'widened' | 'narrowed' | 'changed';

/** Compares the types `a` and `b` accept. */
export function compareTypes(a: SchemaNode, b: SchemaNode): TypeChange {
  const ta = acceptedTypes(a);
  const tb = acceptedTypes(b);
  const aCoversB = covers(ta, tb);
  const bCoversA = covers(tb, ta);
  if (aCoversB && bCoversA) return 'same';
  if (bCoversA) return 'widened';
  if (aCoversB) return 'narrowed';
  return 'changed';
}

/** `string`, `integer|string`, `any`: for messages. */
export function typeLabel(n: SchemaNode): string {
  const t = acceptedTypes(n);
  return t === 'any' ? 'any' : [...t].sort().join('|');
}
