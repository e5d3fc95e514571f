/**
 * ORK014: `dependsOn` (Orkestra step 5): no CRD depends on itself, every dependency is an
 * enabled CRD of the Katalog, the graph has no cycle (the cycle is printed), and the
 * condition is one ork distinguishes.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { Check } from '../check.ts';
import { enabledCrds } from '../walk.ts';
import { findCycle } from '../../graph/dependency-graph.ts';
import { didYouMean } from '../../diagnostics/suggest.ts';
import { DEPENDENCY_CONDITIONS } from '../../schema/depends-on.ts';

export const dependencies: Check = {
  code: 'ORK014',
  title: 'dependsOn: known, not self, acyclic',
  orkestraStep: '5 validateDependsOn',
  run(ctx) {
    const out: Diagnostic[] = [];
    const enabled = enabledCrds(ctx.model);
    const names = new Set(enabled.map((c) => c.name));
    const all = new Set(ctx.model.crds.map((c) => c.name));
    for (const crd of enabled) {
      for (const d of crd.dependsOn) {
        if (d.name === crd.name) {
          out.push(ctx.errorAtKey(d.at, `CRD \`${crd.name}\` cannot depend on itself`, 'remove this dependency'));
        } else if (!names.has(d.name)) {
          const why = all.has(d.name) ? 'is disabled (`enabled: false`)' : 'is not a CRD of this Katalog';
          out.push(ctx.errorAtKey(d.at, `CRD \`${crd.name}\` depends on \`${d.name}\`, which ${why}`, didYouMean(d.name, names) ?? `depend on one of: ${[...names].join(', ')}`));
        }
        if (!(DEPENDENCY_CONDITIONS as readonly string[]).includes(d.condition)) {
          out.push(ctx.error(d.at, `unknown dependency condition \`${d.condition}\``, didYouMean(d.condition, DEPENDENCY_CONDITIONS) ?? `use \`started\` or \`healthy\``));
        } else if (d.condition !== 'started' && d.condition !== 'healthy') {
          out.push(ctx.warning(d.at, `dependency condition \`${d.condition}\` behaves as \`started\` (as in Orkestra)`, 'write `started` or `healthy` to say what happens'));
        }
      }
    }
    if (out.length > 0) return out;
    const edges = new Map(enabled.map((c) => [c.name, c.dependsOn.map((d) => d.name)] as const));
    const cycle = findCycle(edges);
    if (cycle) {
      const start = enabled.find((c) => c.name === cycle[0]);
      const dep = start?.dependsOn.find((d) => d.name === cycle[1]);
      out.push(ctx.errorAtKey(dep?.at ?? start?.at ?? ['spec', 'crds'], `dependency cycle: ${cycle.join(' → ')}`, 'break the cycle: one of these CRDs must not wait for the others', [`the cycle is ${cycle.join(' → ')}`]));
    }
    return out;
  },
};
