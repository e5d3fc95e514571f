/** Human text of `ork explain`: one section per subject, plain lines, no colour needed. */
import type { ExplainedCrd, Explanation } from './explain-model.ts';
import { formatRbacTable } from '../rbac/format.ts';

/** The explanation as text. */
export function formatExplanationText(e: Explanation): string {
  const k = e.katalog;
  const out: string[] = [
    `Katalog ${k.name}${k.version ? ` ${k.version}` : ''} (${k.file})${k.description ? `: ${k.description}` : ''}`,
    `The operator runs in namespace ${k.namespace} (ORK_NAMESPACE overrides) and reconciles ${e.crds.length} CRD${e.crds.length === 1 ? '' : 's'}${e.disabledCrds.length > 0 ? ` (disabled, ignored: ${e.disabledCrds.join(', ')})` : ''}.`,
  ];
  for (const c of e.crds) out.push('', ...crdLines(c));
  out.push('', 'Start order (dependencies first; stopped in reverse):', ...e.startOrder.map((w, i) => `  ${i + 1}. ${w.join(', ')}`));
  const deps = e.crds.flatMap((c) => c.dependsOn.map((d) => `  ${c.name} waits for ${d.name} to be ${d.condition}`));
  out.push('', 'Dependencies:', ...(deps.length > 0 ? deps : ['  (none)']));
  out.push('', 'Graph (Mermaid; `ork explain --mermaid` prints only this):', '```mermaid', e.mermaid, '```');
  out.push('', 'RBAC:', ...formatRbacTable(e.rbac).split('\n').map((l) => `  ${l}`));
  out.push('', `HTTP (port ${e.server.port}; ${e.server.portFrom}):`, ...e.server.routes.map((r) => `  GET ${r.path}  ${r.what}`));
  for (const c of e.crds) out.push(`  GET ${c.endpoints.join(', ')}  ${c.name}: info, health, CRs`);
  out.push('', `Leader election: Lease ${e.leaderElection.lease} in ${e.leaderElection.namespace}; only the leader reconciles, every replica serves HTTP.`);
  const n = e.notifications;
  out.push('', 'Notifications:');
  if (!n.gateway && n.triggers.length === 0) out.push('  (none)');
  if (n.gateway) out.push(`  Gateway ${n.gateway} (POST /notify); teams: ${n.teams.join(', ') || '(none)'}`);
  for (const t of n.triggers) out.push(`  ${t.crd}: ${t.field ? `when ${t.field} … ` : ''}→ ${t.teams.join(', ') || '(default teams)'}  (${t.at})`);
  if (e.notCompiled.length > 0) {
    out.push('', 'Validated but not compiled into the operator yet (ORK046; see docs/differences.md):', ...e.notCompiled.map((p) => `  ${p.path}: ${p.what}`));
  }
  return `${out.join('\n')}\n`;
}

function crdLines(c: ExplainedCrd): string[] {
  const out = [
    `CRD ${c.name}: ${c.kind} ${c.group ? `${c.group}/` : ''}${c.version} (${c.plural}), ${c.scope}${c.builtIn ? ', built-in kind' : ''}${c.description ? ` — ${c.description}` : ''}`,
    `  workers ${c.workers}, resync ${c.resync}; finalizers: ${c.finalizers.join(', ') || '(none)'}`,
  ];
  if (c.children.length === 0) out.push('  children: (none)');
  else out.push('  children:', ...c.children.map((ch) => `    ${ch.mode.padEnd(6)} ${ch.kind} ${ch.name}${ch.gated ? ' [gated: deleted when the gate turns false]' : ''}${ch.forEach ? ' [forEach]' : ''}  (${ch.declaredAt})`));
  if (c.deletionStages.length > 0) out.push(`  on deletion, in order: ${c.deletionStages.map((s, i) => `${i + 1}. ${s.name} (${s.children.join(', ')})`).join('; ')}; then the finalizers are released`);
  out.push(c.status.written ? `  status: conditions ${c.status.conditions.join(', ')}, observedGeneration${c.status.fields.length > 0 ? `; fields ${c.status.fields.join(', ')}` : ''}` : '  status: not written');
  if (c.endpointSwitches) out.push(`  endpoints switches as written: ${JSON.stringify(c.endpointSwitches)} (not applied by the operator yet: every route is served)`);
  return out;
}
