/** Renders a bench run as markdown: the side-by-side table, ork's own figures, targets, machine notes. */
import type { HeapPoint } from './heap.ts';
import type { SessionConfig, SessionResult } from './session.ts';
import { fmt, ratio } from './stats.ts';

/** Everything a run measured. */
export interface RunReport {
  readonly startedAt: string;
  readonly durationS: number;
  readonly mode: string;
  readonly cfg: SessionConfig;
  readonly machine: readonly string[];
  readonly ork: SessionResult;
  readonly peer: SessionResult | undefined;
  /** ork-only idle RSS figures, label → MiB (15-CRD Katalog, V8 flag variants, bare Node). */
  readonly orkRss: ReadonlyArray<readonly [string, number | undefined]>;
  readonly heap: readonly HeapPoint[] | undefined;
  readonly compile: string | undefined;
  readonly image: string | undefined;
  readonly errors: readonly string[];
}

type Row = readonly [label: string, ork: number | undefined, peer: number | undefined, digits: number];

/** The markdown text of a run. */
export function renderReport(r: RunReport): string {
  const o = r.ork;
  const p = r.peer ?? { errors: [] };
  const { small, large } = r.cfg;
  const rows: Row[] = [
    [`1. ${large} CRs at once → all Ready (s)`, o.throughputLarge?.totalS, p.throughputLarge?.totalS, 1],
    [`1. throughput at ${large} CRs (CR/s)`, o.throughputLarge?.perSecond, p.throughputLarge?.perSecond, 1],
    [`1. create→Ready p50 at ${large} CRs (ms)`, o.throughputLarge?.p50Ms, p.throughputLarge?.p50Ms, 0],
    [`1. create→Ready p99 at ${large} CRs (ms)`, o.throughputLarge?.p99Ms, p.throughputLarge?.p99Ms, 0],
    [`1. operator writes per CR at ${large} CRs (incl. the API server's ClusterIP allocation)`, o.throughputLarge?.writesPerCr, p.throughputLarge?.writesPerCr, 1],
    [`1. operator CPU time while ${large} CRs converge (s)`, o.throughputLarge?.cpuS, p.throughputLarge?.cpuS, 1],
    [`1. ${small} CRs at once → all Ready (s)`, o.throughputSmall?.totalS, p.throughputSmall?.totalS, 1],
    [`1. create→Ready p50 at ${small} CRs (ms)`, o.throughputSmall?.p50Ms, p.throughputSmall?.p50Ms, 0],
    [`1. create→Ready p99 at ${small} CRs (ms)`, o.throughputSmall?.p99Ms, p.throughputSmall?.p99Ms, 0],
    [`2. drift restored p50 at ${small} CRs (ms)`, o.driftSmall?.p50Ms, p.driftSmall?.p50Ms, 0],
    [`2. drift restored p99 at ${small} CRs (ms)`, o.driftSmall?.p99Ms, p.driftSmall?.p99Ms, 0],
    [`2. drift restored p50 at ${small + large} CRs (ms)`, o.driftLarge?.p50Ms, p.driftLarge?.p50Ms, 0],
    [`2. drift restored p99 at ${small + large} CRs (ms)`, o.driftLarge?.p99Ms, p.driftLarge?.p99Ms, 0],
    ['3. API writes per no-op reconcile (goal 0)', o.noop?.perReconcile, p.noop?.perReconcile, 3],
    ['3. no-op reconciles in the window', o.noop?.reconciles, p.noop?.reconciles, 0],
    ['4. idle RSS, 1 CRD, no CRs (MiB)', o.idle?.rssMiB, p.idle?.rssMiB, 1],
    ['4. idle heap in use, 1 CRD, no CRs (MiB)', o.idle?.heapMiB, p.idle?.heapMiB, 1],
    [`4. RSS with ${small + large} CRs + children cached (MiB)`, o.loaded?.rssMiB, p.loaded?.rssMiB, 1],
    [`4. heap in use with ${small + large} CRs + children cached (MiB)`, o.loaded?.heapMiB, p.loaded?.heapMiB, 1],
    [`5. start → caches synced, ${small + large} CRs (ms)`, o.startup?.syncedMs, p.startup?.syncedMs, 0],
    [`5. start → first reconcile, ${small + large} CRs (ms)`, o.startup?.firstReconcileMs, p.startup?.firstReconcileMs, 0],
    ['6. leader SIGTERM → probe CR Ready (ms)', o.failover?.termMs, p.failover?.termMs, 0],
    ['6. leader SIGKILL → probe CR Ready (ms)', o.failover?.killMs, p.failover?.killMs, 0],
  ];
  const out: string[] = [];
  out.push(`## Runtime — ork vs controller-runtime (${r.mode}, ${r.startedAt}, ${r.durationS.toFixed(0)} s)`, '');
  out.push('| measure | ork | controller-runtime | ork / peer |', '| --- | ---: | ---: | ---: |');
  for (const [label, a, b, d] of rows) out.push(`| ${label} | ${fmt(a, d)} | ${fmt(b, d)} | ${ratio(a, b)} |`);
  out.push('');
  out.push(`Writes while ${large} CRs converged — ork: ${o.throughputLarge?.writesByKind ?? '—'}; controller-runtime: ${p.throughputLarge?.writesByKind ?? '—'}.`, '');
  if (o.noop?.byKind || p.noop?.byKind) out.push(`No-op window writes — ork: ${o.noop?.byKind || 'none'}; controller-runtime: ${p.noop?.byKind || 'none'}.`, '');
  if (r.orkRss.length > 0 || r.heap) out.push('### ork only', '', '| figure | value |', '| --- | ---: |');
  for (const [label, v] of r.orkRss) out.push(`| ${label} | ${fmt(v, 1)} |`);
  for (const h of r.heap ?? []) out.push(`| 4. informer heap with ${h.objects} ConfigMaps cached (MiB; sync ${fmt(h.syncMs)} ms) | ${fmt(h.heapMiB, 1)} |`, ...(h.bytesPerObject === undefined ? [] : [`| 4. heap per cached object at ${h.objects} (bytes) | ${fmt(h.bytesPerObject)} |`]));
  out.push('');
  out.push('Orkestra (Go) as a second peer: `go list -m -versions github.com/orkspace/orkestra` → 403 "This module version is not available" from proxy.golang.org, so it cannot be run here; its published figure is about 50 MB RSS for 15 CRDs.', '');
  if (r.compile) out.push('### Compile side (bench/compile.ts)', '', r.compile, '');
  if (r.image) out.push(r.image, '');
  const all = [...r.errors, ...o.errors.map((e) => `ork: ${e}`), ...p.errors.map((e) => `controller-runtime: ${e}`)];
  if (all.length) out.push('### Failed measures', '', ...all.map((e) => `- ${e}`), '');
  out.push('### Machine', '', ...r.machine.map((m) => `- ${m}`), '');
  return out.join('\n');
}
