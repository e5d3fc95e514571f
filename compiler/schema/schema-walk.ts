/**
 * Walks the Katalog schema along a document path, to tell a key the schema declares (`onCreate`,
 * `external`) from user data that only looks like one (a label named `external`, a key inside a
 * `custom:` manifest's spec, hook `args`). Used to attach support notes only to real keys.
 */
import type { TSchema } from '@sinclair/typebox';
import { KatalogSchema } from './katalog.ts';
import { DEFINITIONS } from './definitions.ts';

type Node = Record<string, unknown>;
interface Step { readonly schema: Node; readonly declared: boolean }

function deref(schema: Node): Node {
  const ref = schema['$ref'];
  if (typeof ref !== 'string') return schema;
  const target = DEFINITIONS[ref.replace('#/definitions/', '')];
  if (target === undefined) throw new Error(`dangling ${ref}`);
  return target as unknown as Node;
}

/** Branches of a union, or the schema itself. */
function alternatives(schema: Node): Node[] {
  const s = deref(schema);
  const anyOf = s['anyOf'];
  return Array.isArray(anyOf) ? (anyOf as Node[]).flatMap(alternatives) : [s];
}

function stepInto(schema: Node, segment: string): Step[] {
  const out: Step[] = [];
  for (const s of alternatives(schema)) {
    if (s['type'] === 'array' && /^\d+$/.test(segment) && typeof s['items'] === 'object') {
      out.push({ schema: s['items'] as Node, declared: false });
      continue;
    }
    if (s['type'] !== 'object') continue;
    const props = s['properties'] as Record<string, Node> | undefined;
    const declared = props?.[segment];
    if (declared !== undefined) {
      out.push({ schema: declared, declared: true });
      continue;
    }
    for (const [pattern, value] of Object.entries((s['patternProperties'] ?? {}) as Record<string, Node>)) {
      if (new RegExp(pattern, 'u').test(segment)) out.push({ schema: value, declared: false });
    }
    const extra = s['additionalProperties'];
    if (typeof extra === 'object' && extra !== null) out.push({ schema: extra as Node, declared: false });
  }
  return out;
}

/** True when the last segment of `path` is a key the Katalog schema declares (not user data). */
export function isDeclaredKey(path: readonly (string | number)[], root: TSchema = KatalogSchema): boolean {
  let steps: Step[] = [{ schema: root as unknown as Node, declared: false }];
  for (const segment of path.map(String)) {
    steps = steps.flatMap((st) => stepInto(st.schema, segment));
    if (steps.length === 0) return false;
  }
  return path.length > 0 && steps.some((st) => st.declared);
}
