/**
 * What `ork diff` compares of one side, read from a generated project's files — the files of
 * a folder on disk, or those generated in memory from a Katalog — so both kinds of input
 * compare the same way: `manifests/crds.yaml` (CRDs), `manifests/operator.yaml` (ClusterRoles
 * and Roles), `src/reconcilers/*.ts` (reconciler modules) and `src/main.ts` (child kinds and
 * dependencies of each CRD).
 */
import { parseAllDocuments } from 'yaml';
import type { CrdObject } from './crd-diff.ts';
import type { RoleObject } from './rbac-diff.ts';
import { asNode } from './schema-node.ts';
import { readMainSpec, type OperatorCrd } from './main-spec.ts';

/** One side of a diff. */
export interface Snapshot {
  readonly crds: readonly CrdObject[];
  readonly roles: readonly RoleObject[];
  /** CRD entry name → reconciler module text. */
  readonly reconcilers: ReadonlyMap<string, string>;
  readonly operator: readonly OperatorCrd[];
}

/** Thrown when a project's files cannot be read as ork generates them. */
export class SnapshotError extends Error {}

/** The files a generated project must have. */
export const REQUIRED_FILES = ['manifests/crds.yaml', 'manifests/operator.yaml', 'src/main.ts'] as const;

/** Reads a snapshot from a generated project's files (relative paths with `/`). */
export function snapshotFromFiles(files: ReadonlyMap<string, string>): Snapshot {
  const missing = REQUIRED_FILES.filter((f) => !files.has(f));
  if (missing.length > 0) throw new SnapshotError(`not a generated ork project: missing ${missing.join(', ')}`);
  const reconcilers = new Map<string, string>();
  for (const [p, text] of [...files].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
    const m = /^src\/reconcilers\/([^/]+)\.ts$/.exec(p);
    if (m) reconcilers.set(m[1]!, text);
  }
  let operator: OperatorCrd[];
  try {
    operator = readMainSpec(files.get('src/main.ts')!);
  } catch (e) {
    throw new SnapshotError(`src/main.ts: ${(e as Error).message}`);
  }
  return {
    crds: yamlObjects('manifests/crds.yaml', files.get('manifests/crds.yaml')!).filter((d) => d['kind'] === 'CustomResourceDefinition'),
    roles: yamlObjects('manifests/operator.yaml', files.get('manifests/operator.yaml')!).filter((d) => d['kind'] === 'ClusterRole' || d['kind'] === 'Role'),
    reconcilers,
    operator,
  };
}

function yamlObjects(file: string, text: string): Array<Readonly<Record<string, unknown>>> {
  const out: Array<Readonly<Record<string, unknown>>> = [];
  for (const doc of parseAllDocuments(text)) {
    const err = doc.errors[0];
    if (err) throw new SnapshotError(`${file}: not valid YAML: ${err.message.split('\n')[0]}`);
    const v = asNode(doc.toJS({ maxAliasCount: 1000 }));
    if (v) out.push(v);
  }
  return out;
}
