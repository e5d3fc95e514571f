/**
 * Reconcilers, children and the dependency graph compared between two sides: which CRDs'
 * reconciler modules changed (with a unified diff), which child kinds each CRD gained or
 * lost, and which `dependsOn` edges appeared, disappeared or changed condition.
 */
import type { ChildrenDiff, DependencyDiff, DependencyEdge, ReconcilerDiff } from './report.ts';
import type { OperatorCrd } from './main-spec.ts';
import { comparableReconciler } from './reconciler-text.ts';
import { unifiedDiff } from './line-diff.ts';

const byName = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/** Reconciler modules by CRD entry name; unchanged ones left out. */
export function diffReconcilers(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>, context: number): ReconcilerDiff[] {
  const out: ReconcilerDiff[] = [];
  for (const crd of [...new Set([...a.keys(), ...b.keys()])].sort(byName)) {
    const x = a.get(crd);
    const y = b.get(crd);
    if (x === undefined) out.push({ crd, change: 'added' });
    else if (y === undefined) out.push({ crd, change: 'removed' });
    else {
      const diff = unifiedDiff(comparableReconciler(x), comparableReconciler(y), context);
      if (diff) out.push({ crd, change: 'changed', diff });
    }
  }
  return out;
}

/** Child kinds gained or lost per CRD (a CRD present on one side only counts all its kinds). */
export function diffChildren(a: readonly OperatorCrd[], b: readonly OperatorCrd[]): ChildrenDiff[] {
  const ka = new Map(a.map((c) => [c.name, c.childKinds] as const));
  const kb = new Map(b.map((c) => [c.name, c.childKinds] as const));
  const out: ChildrenDiff[] = [];
  for (const crd of [...new Set([...ka.keys(), ...kb.keys()])].sort(byName)) {
    const x = ka.get(crd) ?? [];
    const y = kb.get(crd) ?? [];
    const added = y.filter((k) => !x.includes(k));
    const removed = x.filter((k) => !y.includes(k));
    if (added.length > 0 || removed.length > 0) out.push({ crd, added, removed });
  }
  return out;
}

function edges(crds: readonly OperatorCrd[]): Map<string, DependencyEdge> {
  const out = new Map<string, DependencyEdge>();
  for (const c of crds) for (const d of c.dependsOn) out.set(`${c.name}→${d.name}`, { from: c.name, to: d.name, condition: d.condition });
  return out;
}

/** `dependsOn` edges added, removed, or with another condition. */
export function diffDependencies(a: readonly OperatorCrd[], b: readonly OperatorCrd[]): DependencyDiff {
  const ea = edges(a);
  const eb = edges(b);
  const keys = [...new Set([...ea.keys(), ...eb.keys()])].sort(byName);
  const added: DependencyEdge[] = [];
  const removed: DependencyEdge[] = [];
  const changed: Array<{ from: string; to: string; before: string; after: string }> = [];
  for (const k of keys) {
    const x = ea.get(k);
    const y = eb.get(k);
    if (!x && y) added.push(y);
    else if (x && !y) removed.push(x);
    else if (x && y && x.condition !== y.condition) changed.push({ from: x.from, to: x.to, before: x.condition, after: y.condition });
  }
  return { added, removed, changed };
}
