/**
 * Human text of a simulation: per-cycle ops (`+ created`, `~ updated`, `- deleted`, identical
 * consecutive cycles collapsed), the steady-state line, the children as YAML, the status the
 * operator writes, creation and deletion order, and the RBAC used.
 */
import { stringify } from 'yaml';
import type { Op } from './memory-cluster.ts';
import { opTarget, type CycleReport, type PhaseReport, type SimulationReport } from './run-simulation.ts';

type Paint = (code: number, s: string) => string;

/** The report as text; `color` adds ANSI colours (the CLI decides: TTY and no NO_COLOR). */
export function formatSimulationText(r: SimulationReport, opts: { color: boolean; katalog: string }): string {
  const paint: Paint = opts.color ? (code, s) => `\u001b[${code}m${s}\u001b[0m` : (_c, s) => s;
  const who = opTarget({ op: 'created', kind: r.cr.kind, name: r.cr.name, ...(r.cr.namespace ? { namespace: r.cr.namespace } : {}) });
  const out: string[] = [`Simulating ${who} (CRD ${r.crd} of ${opts.katalog}), at most ${r.maxCycles} cycles`, ''];
  out.push(...phaseLines(r.reconcile, paint));
  const failed = r.reconcile.cycles.at(-1)?.error;
  if (failed !== undefined) out.push(paint(31, `✗ The reconcile keeps failing (the CR is Degraded)${r.reconcile.settledAt !== undefined ? `; nothing more changes after cycle ${r.reconcile.settledAt}` : ''}: ${failed}`));
  else if (r.reconcile.settledAt !== undefined) out.push(paint(32, `✓ Steady state at cycle ${r.reconcile.settledAt} in ${ms(r.reconcile.elapsedMs)}`));
  else out.push(paint(31, `✗ No steady state within ${r.maxCycles} cycles (${ms(r.reconcile.elapsedMs)}): the operator keeps writing`));
  out.push('', `Children (${r.children.length}), as stored after the last cycle:`);
  for (const c of r.children) out.push('---', stringify(stripServerFields(c), { lineWidth: 0 }).trimEnd());
  out.push('', 'Status the operator writes:');
  out.push(r.status === undefined ? '  (none: status writes are off for this CRD)' : indent(stringify(r.status, { lineWidth: 0 }).trimEnd()));
  out.push('', 'Order of creation:', ...numbered(r.creationOrder));
  out.push('', `Deletion (the CR deleted${r.finalizers.length > 0 ? `; finalizers ${r.finalizers.join(', ')}` : ''}):`);
  out.push(...phaseLines(r.deletion, paint));
  out.push(r.deletion.settledAt !== undefined ? paint(32, `✓ ${who} gone ${r.deletion.settledAt === 0 ? 'at once (no finalizer to release)' : `after cycle ${r.deletion.settledAt}`}`) : paint(31, `✗ ${who} still present after ${r.maxCycles} cycles`));
  out.push('', 'Order of deletion:', ...numbered(r.deletionOrder));
  out.push('', 'RBAC used (API group, resource: verbs):');
  const byResource = new Map<string, string[]>();
  for (const u of r.rbac.used) byResource.set(`${u.apiGroup || 'core'}, ${u.resource}`, [...(byResource.get(`${u.apiGroup || 'core'}, ${u.resource}`) ?? []), u.verb]);
  for (const [res, verbs] of byResource) out.push(`  ${res}: ${verbs.join(', ')}`);
  out.push(
    r.rbac.missing.length === 0
      ? paint(32, '✓ every verb used is granted by the operator\'s derived RBAC (ork validate --full)')
      : paint(31, `✗ not granted by the derived RBAC: ${r.rbac.missing.map((m) => `${m.apiGroup || 'core'}/${m.resource} ${m.verb}`).join(', ')}`),
  );
  return `${out.join('\n')}\n`;
}

/** Cycles as lines, identical consecutive cycles collapsed into one `Cycles a–b` block. */
function phaseLines(p: PhaseReport, paint: Paint): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < p.cycles.length) {
    const c = p.cycles[i]!;
    let j = i;
    while (j + 1 < p.cycles.length && sameCycle(c, p.cycles[j + 1]!)) j++;
    const last = p.cycles[j]!;
    out.push(c.cycle === 0 ? 'Deleted at once (no finalizer):' : j > i ? `Cycles ${c.cycle}–${last.cycle} (identical):` : `Cycle ${c.cycle}:`);
    if (c.ops.length === 0) out.push('  (no changes)');
    for (const o of c.ops) out.push(`  ${opLine(o, paint)}`);
    if (c.outcome === 'requeue') out.push(`  ↻ requeue after ${ms(c.requeueAfterMs ?? 0)}`);
    if (c.outcome === 'error') out.push(paint(31, `  ! reconcile error: ${c.error ?? ''}`));
    for (const w of c.world) out.push(paint(2, `  · ${w} (simulated)`));
    i = j + 1;
  }
  return out;
}

function opLine(o: Op, paint: Paint): string {
  const text = `${opTarget(o)}${o.detail ? ` (${o.detail})` : ''}`;
  if (o.op === 'created') return paint(32, `+ created ${text}`);
  if (o.op === 'updated') return paint(33, `~ updated ${text}`);
  return paint(31, `- deleted ${text}`);
}

function sameCycle(a: CycleReport, b: CycleReport): boolean {
  const key = (c: CycleReport): string => JSON.stringify([c.ops, c.outcome, c.error, c.requeueAfterMs, c.world]);
  return key(a) === key(b);
}

/** Drops what the API server and other controllers set (status too): the child as the operator writes it. */
function stripServerFields(o: object): object {
  const { apiVersion, kind, metadata, status: _s, ...rest } = o as { apiVersion: string; kind: string; metadata: Record<string, unknown>; status?: unknown };
  const { uid: _u, resourceVersion: _rv, creationTimestamp: _ct, generation: _g, ...meta } = metadata;
  return { apiVersion, kind, metadata: meta, ...rest };
}

function numbered(items: readonly string[]): string[] {
  return items.length === 0 ? ['  (none)'] : items.map((s, i) => `  ${i + 1}. ${s}`);
}

function indent(s: string): string {
  return s.split('\n').map((l) => `  ${l}`).join('\n');
}

function ms(n: number): string {
  return n >= 1000 ? `${(n / 1000).toFixed(2)}s` : `${Math.max(0, Math.round(n))}ms`;
}
