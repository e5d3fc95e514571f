/**
 * The dependency graph of an explained Katalog as a Mermaid flowchart: one node per CRD, its
 * children it writes hanging off it (labelled create or apply), and `dependsOn` edges from a dependency to the CRD that waits for it
 * (labelled with the condition). Labels are quoted; quotes inside them are escaped.
 */
import type { ExplainedCrd } from './explain-model.ts';

/** A `flowchart LR` block (without the ```mermaid fence). */
export function mermaidGraph(crds: readonly ExplainedCrd[]): string {
  const id = (s: string): string => `crd_${s.replace(/[^A-Za-z0-9_]/g, '_')}`;
  const lines = ['flowchart LR'];
  for (const c of crds) {
    lines.push(`  ${id(c.name)}["${label(`${c.name}: ${c.kind}.${c.group || 'core'}/${c.version}`)}"]`);
    c.children.forEach((ch, i) => {
      if (ch.mode === 'delete') return; // deletion stages are listed in the text, not drawn
      lines.push(`  ${id(c.name)}_${i}("${label(`${ch.kind} ${ch.name}`)}")`);
      lines.push(`  ${id(c.name)} -->|${ch.mode}${ch.gated ? ', gated' : ''}${ch.forEach ? ', forEach' : ''}| ${id(c.name)}_${i}`);
    });
  }
  for (const c of crds) for (const d of c.dependsOn) lines.push(`  ${id(d.name)} ==>|${d.condition}| ${id(c.name)}`);
  return lines.join('\n');
}

function label(s: string): string {
  return s.replace(/"/g, '#quot;');
}
