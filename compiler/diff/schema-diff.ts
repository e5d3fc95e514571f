/**
 * The schema walker of `ork diff`: compares two `openAPIV3Schema` trees node by node
 * (properties, `items`, `additionalProperties`) and lists every change with whether it is
 * breaking — whether an object valid before may be rejected, or lose data, after:
 * removed fields, narrowed types and enums, new required fields, tightened bounds, new
 * patterns/formats/validation rules, lost nullability or unknown-field preservation.
 * Descriptions are ignored.
 */
import type { SchemaChange } from './report.ts';
import { asNode, childPath, properties, required, type SchemaNode } from './schema-node.ts';
import { constraintChanges } from './schema-constraints.ts';
import { typeLabel } from './schema-types.ts';

/** Every change from schema `a` to schema `b`, in path order (children after their parent). */
export function diffSchemas(a: unknown, b: unknown): SchemaChange[] {
  const out: SchemaChange[] = [];
  walk('', asNode(a) ?? {}, asNode(b) ?? {}, out);
  return out;
}

function walk(path: string, a: SchemaNode, b: SchemaNode, out: SchemaChange[]): void {
  out.push(...constraintChanges(path, a, b));
  const pa = properties(a);
  const pb = properties(b);
  const ra = required(a);
  const rb = required(b);
  const names = [...new Set([...pa.keys(), ...pb.keys()])].sort();
  for (const name of names) {
    const p = childPath(path, name);
    const na = pa.get(name);
    const nb = pb.get(name);
    if (na && !nb) {
      out.push({ path: p, change: 'field-removed', breaking: true, detail: `field removed (was ${typeLabel(na)})` });
    } else if (!na && nb) {
      const req = rb.has(name);
      out.push({ path: p, change: 'field-added', breaking: req, detail: `field added (${typeLabel(nb)}, ${req ? 'required' : 'optional'})` });
    } else if (na && nb) {
      if (!ra.has(name) && rb.has(name)) out.push({ path: p, change: 'required-added', breaking: true, detail: 'now required' });
      if (ra.has(name) && !rb.has(name)) out.push({ path: p, change: 'required-removed', breaking: false, detail: 'no longer required' });
      walk(p, na, nb, out);
    }
  }
  // required names without a property schema (allowed by OpenAPI, rare in CRDs)
  for (const name of [...rb].filter((n) => !ra.has(n) && !pa.has(n) && !pb.has(n)).sort()) {
    out.push({ path: childPath(path, name), change: 'required-added', breaking: true, detail: 'now required' });
  }
  // absent `items` accepts anything: walking {} against a schema reports the narrowing
  if (a['items'] !== undefined || b['items'] !== undefined) walk(childPath(path, '[]'), asNode(a['items']) ?? {}, asNode(b['items']) ?? {}, out);
  mapValues(path, a['additionalProperties'], b['additionalProperties'], out);
}

/**
 * `additionalProperties`: absent or false means unknown keys are pruned or rejected, so a
 * schema on one side only is an added (not breaking) or removed (breaking) pseudo-field `x{}`.
 */
function mapValues(path: string, va: unknown, vb: unknown, out: SchemaChange[]): void {
  const p = childPath(path, '{}');
  const na = asNode(va) ?? (va === true ? {} : undefined);
  const nb = asNode(vb) ?? (vb === true ? {} : undefined);
  if (na && nb) walk(p, na, nb, out);
  else if (na) out.push({ path: p, change: 'field-removed', breaking: true, detail: 'map values no longer allowed' });
  else if (nb) out.push({ path: p, change: 'field-added', breaking: false, detail: `map values allowed (${typeLabel(nb)})` });
}
