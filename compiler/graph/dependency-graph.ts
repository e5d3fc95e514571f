/**
 * The CRD dependency graph of a Katalog (`dependsOn`): cycle detection with the cycle's
 * path, and a deterministic topological order (dependencies first, ties by name), the
 * order in which the operator starts CRD workers (and the reverse, in which it stops them).
 */

/** Edges: CRD name → the names it depends on. */
export type DependencyEdges = ReadonlyMap<string, readonly string[]>;

/** A cycle as the list of names walked, first name repeated at the end (`a → b → a`). */
export type Cycle = readonly string[];

/** Finds one cycle, the first met when walking names in sorted order; undefined if none. */
export function findCycle(edges: DependencyEdges): Cycle | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string): Cycle | undefined => {
    if (state.get(n) === 'done') return undefined;
    if (state.get(n) === 'visiting') return [...stack.slice(stack.indexOf(n)), n];
    state.set(n, 'visiting');
    stack.push(n);
    for (const d of [...(edges.get(n) ?? [])].sort()) {
      if (!edges.has(d)) continue;
      const c = visit(d);
      if (c) return c;
    }
    stack.pop();
    state.set(n, 'done');
    return undefined;
  };
  for (const n of [...edges.keys()].sort()) {
    const c = visit(n);
    if (c) return c;
  }
  return undefined;
}

/**
 * Names in start order: every name after all of its dependencies; among names whose
 * dependencies are all placed, alphabetical. Throws if the graph has a cycle (callers
 * run `findCycle` first: the validation boundary rejects cycles).
 */
export function topologicalOrder(edges: DependencyEdges): string[] {
  const remaining = new Map<string, Set<string>>();
  for (const [n, deps] of edges) remaining.set(n, new Set(deps.filter((d) => edges.has(d))));
  const order: string[] = [];
  while (remaining.size > 0) {
    const ready = [...remaining.entries()].filter(([, deps]) => deps.size === 0).map(([n]) => n).sort();
    if (ready.length === 0) throw new Error(`dependency cycle among: ${[...remaining.keys()].sort().join(', ')}`);
    for (const n of ready) {
      order.push(n);
      remaining.delete(n);
      for (const deps of remaining.values()) deps.delete(n);
    }
  }
  return order;
}

/** Start waves: names that can start together, wave by wave (for `ork template --graph`). */
export function startWaves(edges: DependencyEdges): string[][] {
  const waveOf = new Map<string, number>();
  for (const n of topologicalOrder(edges)) {
    const deps = (edges.get(n) ?? []).filter((d) => edges.has(d));
    waveOf.set(n, deps.length === 0 ? 0 : Math.max(...deps.map((d) => (waveOf.get(d) ?? 0) + 1)));
  }
  const waves: string[][] = [];
  for (const [n, w] of waveOf) (waves[w] ??= []).push(n);
  return waves.map((w) => w.sort());
}
