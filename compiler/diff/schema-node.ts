/** Reading one node of a CRD's OpenAPI v3 schema without trusting its shape. */

/** A schema node as parsed from YAML: any object. */
export type SchemaNode = Readonly<Record<string, unknown>>;

/** The node as an object, or undefined for anything else (missing, `true`, a scalar). */
export function asNode(v: unknown): SchemaNode | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as SchemaNode) : undefined;
}

/** `properties` of a node, by name. */
export function properties(n: SchemaNode): ReadonlyMap<string, SchemaNode> {
  const p = asNode(n['properties']);
  const out = new Map<string, SchemaNode>();
  if (p) for (const [k, v] of Object.entries(p)) out.set(k, asNode(v) ?? {});
  return out;
}

/** `required` of a node (strings only). */
export function required(n: SchemaNode): ReadonlySet<string> {
  const r = n['required'];
  return new Set(Array.isArray(r) ? r.filter((x): x is string => typeof x === 'string') : []);
}

/** A finite number at `key`, else undefined. */
export function num(n: SchemaNode, key: string): number | undefined {
  const v = n[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** Stable JSON for comparing values (object keys sorted). */
export function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'undefined';
}

/** A child path: `a.b`, `a[]` (items), `a{}` (additionalProperties). */
export function childPath(parent: string, segment: string): string {
  if (segment === '[]' || segment === '{}') return `${parent || '(root)'}${segment}`;
  return parent ? `${parent}.${segment}` : segment;
}
