/**
 * CRD comparison: CRDs matched by `metadata.name`, versions by name, each version's
 * `openAPIV3Schema` walked by schema-diff.ts. Breaking at this level: a removed CRD, a
 * removed or no-longer-served version, a changed scope or kind.
 */
import type { CrdDiff, CrdNote, VersionDiff } from './report.ts';
import { diffSchemas } from './schema-diff.ts';
import { asNode, type SchemaNode } from './schema-node.ts';

/** A CustomResourceDefinition as parsed from YAML. */
export type CrdObject = SchemaNode;

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** `metadata.name` of a CRD. */
export function crdName(crd: CrdObject): string {
  return str(asNode(crd['metadata'])?.['name']);
}

function spec(crd: CrdObject): SchemaNode {
  return asNode(crd['spec']) ?? {};
}

function kindOf(crd: CrdObject): string {
  return str(asNode(spec(crd)['names'])?.['kind']);
}

function versions(crd: CrdObject): Map<string, SchemaNode> {
  const vs = spec(crd)['versions'];
  const out = new Map<string, SchemaNode>();
  for (const v of Array.isArray(vs) ? vs : []) {
    const n = asNode(v);
    if (n && typeof n['name'] === 'string') out.set(n['name'], n);
  }
  return out;
}

function schemaOf(version: SchemaNode): unknown {
  return asNode(version['schema'])?.['openAPIV3Schema'];
}

/** Compares the CRDs of two sides; unchanged CRDs are left out. Sorted by name. */
export function diffCrds(a: readonly CrdObject[], b: readonly CrdObject[]): CrdDiff[] {
  const ma = new Map(a.map((c) => [crdName(c), c] as const));
  const mb = new Map(b.map((c) => [crdName(c), c] as const));
  const out: CrdDiff[] = [];
  for (const name of [...new Set([...ma.keys(), ...mb.keys()])].sort()) {
    const ca = ma.get(name);
    const cb = mb.get(name);
    if (ca && !cb) out.push({ name, kind: kindOf(ca), change: 'removed', breaking: true, notes: [{ detail: 'CRD removed: its CRs are no longer served or reconciled', breaking: true }], versions: [] });
    else if (!ca && cb) out.push({ name, kind: kindOf(cb), change: 'added', breaking: false, notes: [], versions: [...versions(cb).keys()].map((v) => ({ version: v, change: 'added' as const, breaking: false, notes: [], fields: [] })) });
    else if (ca && cb) {
      const d = diffCrd(name, ca, cb);
      if (d.notes.length > 0 || d.versions.length > 0) out.push(d);
    }
  }
  return out;
}

function diffCrd(name: string, a: CrdObject, b: CrdObject): CrdDiff {
  const notes: CrdNote[] = [];
  const scopeA = str(spec(a)['scope']);
  const scopeB = str(spec(b)['scope']);
  if (scopeA !== scopeB) notes.push({ detail: `scope ${scopeA || 'none'} → ${scopeB || 'none'}`, breaking: true });
  if (kindOf(a) !== kindOf(b)) notes.push({ detail: `kind ${kindOf(a)} → ${kindOf(b)}`, breaking: true });
  const va = versions(a);
  const vb = versions(b);
  const vds: VersionDiff[] = [];
  for (const v of [...new Set([...va.keys(), ...vb.keys()])].sort()) {
    const x = va.get(v);
    const y = vb.get(v);
    if (x && !y) vds.push({ version: v, change: 'removed', breaking: true, notes: [{ detail: 'version removed', breaking: true }], fields: [] });
    else if (!x && y) vds.push({ version: v, change: 'added', breaking: false, notes: [], fields: [] });
    else if (x && y) {
      const vnotes: CrdNote[] = [];
      if (x['served'] === true && y['served'] !== true) vnotes.push({ detail: 'no longer served', breaking: true });
      if (x['served'] !== true && y['served'] === true) vnotes.push({ detail: 'now served', breaking: false });
      if ((x['storage'] === true) !== (y['storage'] === true)) vnotes.push({ detail: y['storage'] === true ? 'now the storage version' : 'no longer the storage version', breaking: false });
      const fields = diffSchemas(schemaOf(x), schemaOf(y));
      if (vnotes.length > 0 || fields.length > 0) {
        vds.push({ version: v, change: 'changed', breaking: vnotes.some((n) => n.breaking) || fields.some((f) => f.breaking), notes: vnotes, fields });
      }
    }
  }
  return { name, kind: kindOf(b), change: 'changed', breaking: notes.some((n) => n.breaking) || vds.some((v) => v.breaking), notes, versions: vds };
}
