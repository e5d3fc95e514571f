/**
 * What `ork simulate` predicts, turned into expectations about a live cluster: the children a CR
 * should have (without what only a server sets, with the simulated CR uid replaced by the real
 * one, a Secret's stringData as the data the API server stores), a declared field of a child to
 * change from outside (drift), and a CR spec field whose change changes a child.
 */
import { writeFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { runOrk } from '../../helpers/run-ork.ts';
import type { SimulationReport } from '../../../compiler/simulate/run-simulation.ts';

/** A Kubernetes object as JSON. */
export type Obj = Record<string, any>;

/**
 * Runs `ork simulate <katalog> --cr <file> --output json` and returns its report once the
 * reconcile settled. Exit code 1 with a settled report only means simulate's RBAC check found
 * verbs the derived RBAC lacks (`report.rbac.missing`): the live run is the judge of that (the
 * operator runs with the generated RBAC), so the prediction is still used. Anything else throws
 * with ork's output.
 */
export async function simulateCr(katalog: string, crFile: string): Promise<SimulationReport> {
  const r = await runOrk(['simulate', katalog, '--cr', crFile, '--output', 'json']);
  let report: SimulationReport | undefined;
  try {
    report = JSON.parse(r.stdout) as SimulationReport;
  } catch {
    /* no report */
  }
  const settled = report?.reconcile.settledAt !== undefined && report.deletion.settledAt !== undefined;
  if (!report || !settled || (r.code !== 0 && report.rbac.missing.length === 0)) throw new Error(`ork simulate ${crFile} exited ${r.code}:\n${r.stderr}${r.stdout.slice(0, 4000)}`);
  return report;
}

/** `Kind/name` of an object. */
export const childKey = (o: Obj): string => `${o['kind']}/${o['metadata']['name']}`;

/** The simulated CR's uid (the controller ownerReference of its children). */
export function simulatedUid(report: SimulationReport): string | undefined {
  return (report.children[0] as Obj | undefined)?.['metadata']?.['ownerReferences']?.[0]?.['uid'];
}

/**
 * A simulated child as the live object must contain it: no uid/resourceVersion/timestamps/
 * generation/status, ownerReferences without uid, `simUid` replaced by `realUid` everywhere, and
 * a Secret's stringData base64-encoded into data.
 */
export function predictedChild(child: Obj, simUid: string | undefined, realUid: string): Obj {
  const swapped = JSON.parse(simUid ? JSON.stringify(child).replaceAll(simUid, realUid) : JSON.stringify(child)) as Obj;
  const { uid: _u, resourceVersion: _rv, creationTimestamp: _c, generation: _g, ownerReferences, ...metadata } = swapped['metadata'];
  const { status: _s, stringData, ...rest } = swapped;
  const out: Obj = { ...rest, metadata: { ...metadata, ownerReferences: (ownerReferences as Obj[]).map(({ uid: _x, ...r }) => r) } };
  if (stringData) out['data'] = { ...(out['data'] ?? {}), ...Object.fromEntries(Object.entries(stringData as Record<string, string>).map(([k, v]) => [k, Buffer.from(v).toString('base64')])) };
  return out;
}

/** True when the child is rewritten on every reconcile (not an onCreate / `once` object). */
export function isReconciled(child: Obj): boolean {
  return String(child['metadata']?.['annotations']?.['ork.dev/declared-by'] ?? '').includes('onReconcile');
}

/** A different value of the same shape: a number +1, a boolean flipped, a string's last digit bumped (else `-2` appended). */
export function changed(value: string | number | boolean): string | number | boolean {
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'boolean') return !value;
  const m = /(\d)(\D*)$/.exec(value);
  return m ? `${value.slice(0, m.index)}${(Number(m[1]) + 1) % 10}${m[2]}` : `${value}-2`;
}

/** A leaf field of a child: its JSON pointer, the declared value and a changed one. */
export interface LeafChange {
  readonly pointer: string;
  readonly declared: string | number | boolean;
  readonly drifted: string | number | boolean;
}

/** The first scalar field a reconciled child declares under data or spec (selectors excluded: immutable). */
export function driftTarget(child: Obj): LeafChange | undefined {
  const walk = (node: unknown, at: string[]): LeafChange | undefined => {
    if (typeof node === 'string' || typeof node === 'number' || typeof node === 'boolean') {
      return { pointer: `/${at.map((s) => s.replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`, declared: node, drifted: changed(node) };
    }
    if (node === null || typeof node !== 'object') return undefined;
    for (const [k, v] of Object.entries(node)) {
      if (k === 'selector' || k === 'labels' || k === 'metadata' || k === 'protocol') continue;
      const hit = walk(v, [...at, k]);
      if (hit) return hit;
    }
    return undefined;
  };
  return walk(child['data'], ['data']) ?? walk(child['spec'], ['spec']);
}

/** A CR spec change and what simulate predicts after it. */
export interface SpecChange {
  readonly field: string;
  readonly from: string | number | boolean;
  readonly to: string | number | boolean;
  readonly report: SimulationReport;
}

/**
 * The first top-level scalar field of the CR's spec whose `changed()` value simulate shows
 * changing at least one reconciled child (its content, or which children exist); undefined when
 * none does. Simulate starts from a fresh CR, so onCreate / `once` children (written once, never
 * updated) are left out of the comparison.
 */
export async function specChangeThatMovesAChild(katalog: string, cr: Obj, crFile: string, before: SimulationReport): Promise<SpecChange | undefined> {
  const shape = (r: SimulationReport): string => JSON.stringify((r.children as readonly Obj[]).filter(isReconciled).map((c) => predictedChild(c, simulatedUid(r), 'uid')));
  for (const [field, from] of Object.entries((cr['spec'] ?? {}) as Record<string, unknown>)) {
    if (typeof from !== 'string' && typeof from !== 'number' && typeof from !== 'boolean') continue;
    const to = changed(from);
    const file = crFile.replace(/\.yaml$/, `.changed-${field}.yaml`);
    writeFileSync(file, stringify({ ...cr, spec: { ...cr['spec'], [field]: to } }));
    const report = await simulateCr(katalog, file);
    if (shape(report) !== shape(before)) return { field, from, to, report };
  }
  return undefined;
}
