/** The dependency graph as text for `ork template --graph`: start waves, then each CRD's dependencies. */
import type { KatalogModel } from '../model/katalog-model.ts';
import { startWaves } from '../graph/dependency-graph.ts';

/** Renders the start order and the dependency tree. */
export function renderGraph(model: KatalogModel): string {
  const enabled = model.crds.filter((c) => c.enabled);
  const edges = new Map(enabled.map((c) => [c.name, c.dependsOn.map((d) => d.name)] as const));
  const lines = [`Start order of ${model.name} (dependencies first; stopped in reverse):`];
  startWaves(edges).forEach((wave, i) => lines.push(`  ${i + 1}. ${wave.join(', ')}`));
  lines.push('', 'Dependencies:');
  for (const c of [...enabled].sort((a, b) => a.name.localeCompare(b.name))) {
    lines.push(`  ${c.name}${c.api ? ` (${c.api.kind}.${c.api.group || 'core'})` : ''}`);
    if (c.dependsOn.length === 0) lines.push('  └── (none)');
    c.dependsOn.forEach((d, i) => lines.push(`  ${i === c.dependsOn.length - 1 ? '└──' : '├──'} ${d.name} [${d.condition}]`));
  }
  return lines.join('\n');
}
