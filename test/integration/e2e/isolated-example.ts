/**
 * A copy of any example Katalog folder in a scratch directory, made unique so that tests sharing
 * the run's control plane never meet: every API group of its CRDs gets a unique prefix (so its
 * operator sees only its own CRs), the Katalog a unique name (its own Lease, ServiceAccount and
 * RBAC) and operator namespace, and its sample CRs move to `crNamespace`. The generic twin of
 * test/integration/cli/isolated-web-app.ts, for every example.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { REPO_ROOT } from '../../helpers/run-ork.ts';
import { uniqueSuffix } from '../../helpers/control-plane.ts';

/** Sample CR file names an example folder may hold (multi-document YAML allowed). */
export const SAMPLE_CR_FILES = ['cr.yaml', 'crs.yaml'] as const;

/** A sample CR of the copy: its object and a file holding only it (for `ork simulate --cr`). */
export interface SampleCr {
  readonly object: { apiVersion: string; kind: string; metadata: { name: string; namespace: string }; spec?: Record<string, unknown> };
  readonly file: string;
}

/** The isolated copy of one example. */
export interface IsolatedExample {
  readonly example: string;
  readonly dir: string;
  readonly katalog: string;
  /** The Katalog's (unique) name. */
  readonly name: string;
  /** The operator's (unique) namespace: its Lease lives there. */
  readonly operatorNamespace: string;
  /** Original API group → unique group. */
  readonly groups: ReadonlyMap<string, string>;
  readonly crs: readonly SampleCr[];
  /** The parsed (rewritten) Katalog. */
  readonly model: Record<string, any>;
}

/** Examples under examples/ that hold a katalog.yaml and at least one sample CR file. */
export function examplesWithSampleCrs(): string[] {
  const root = path.join(REPO_ROOT, 'examples');
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(root, d.name, 'katalog.yaml')))
    .filter((d) => SAMPLE_CR_FILES.some((f) => existsSync(path.join(root, d.name, f))))
    .map((d) => d.name)
    .sort();
}

/** Copies examples/<example> to a scratch folder, rewritten as described in the module comment. */
export function isolatedExample(example: string, crNamespace: string): IsolatedExample {
  const suffix = uniqueSuffix();
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), `ork-every-${example}-`)), example);
  cpSync(path.join(REPO_ROOT, 'examples', example), dir, { recursive: true });
  const katalogFile = path.join(dir, 'katalog.yaml');
  const original = parse(readFileSync(katalogFile, 'utf8')) as Record<string, any>;
  const groups = new Map<string, string>();
  for (const crd of Object.values(original['spec']?.['crds'] ?? {}) as Array<{ crdFile?: string }>) {
    if (!crd.crdFile) continue;
    const group = (parse(readFileSync(path.join(dir, crd.crdFile), 'utf8')) as { spec: { group: string } }).spec.group;
    groups.set(group, `e${suffix}.${group}`);
  }
  // Longest first, so that a group that is a suffix of another is not rewritten inside it.
  const ordered = [...groups].sort((a, b) => b[0].length - a[0].length);
  const rewriteGroups = (text: string): string => {
    const marks = ordered.map(([from], i) => [from, `\u0000${i}\u0000`] as const);
    let out = text;
    for (const [from, mark] of marks) out = out.replaceAll(from, mark);
    ordered.forEach(([, to], i) => (out = out.replaceAll(`\u0000${i}\u0000`, to)));
    return out;
  };
  for (const f of readdirRecursive(dir).filter((f) => /\.ya?ml$/.test(f))) writeFileSync(f, rewriteGroups(readFileSync(f, 'utf8')));

  const name = `${original['metadata']['name']}-${suffix}`;
  const operatorNamespace = `${original['metadata']['namespace'] ?? original['metadata']['name']}-${suffix}`;
  const katalogText = readFileSync(katalogFile, 'utf8')
    .replace(new RegExp(`^  name: ${original['metadata']['name']}$`, 'm'), `  name: ${name}`)
    .replace(new RegExp(`^  namespace: ${original['metadata']['namespace']}$`, 'm'), `  namespace: ${operatorNamespace}`);
  writeFileSync(katalogFile, katalogText);

  const crs: SampleCr[] = [];
  for (const f of SAMPLE_CR_FILES.map((f) => path.join(dir, f)).filter(existsSync)) {
    for (const doc of parseAllDocuments(readFileSync(f, 'utf8'))) {
      const object = doc.toJS() as SampleCr['object'] | null;
      if (!object) continue;
      object.metadata = { ...object.metadata, namespace: crNamespace };
      const file = path.join(dir, `sample-${crs.length}-${object.kind.toLowerCase()}-${object.metadata.name}.yaml`);
      writeFileSync(file, stringify(object));
      crs.push({ object, file });
    }
  }
  return { example, dir, katalog: katalogFile, name, operatorNamespace, groups, crs, model: parse(katalogText) as Record<string, any> };
}

function readdirRecursive(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? readdirRecursive(path.join(dir, d.name)) : [path.join(dir, d.name)]));
}
