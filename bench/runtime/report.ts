/**
 * Renders a bench run as markdown: the side-by-side table (median of the runs per system, ratio
 * of the medians, each run's value for the rows that are one sample per run), the memory side,
 * ork's own figures, machine notes.
 */
import type { HeapPoint } from './heap.ts';
import type { MemoryFigures } from './memory-side.ts';
import type { SessionConfig, SessionResult } from './session.ts';
import { fmt, median, ratio } from './stats.ts';

/** Everything a run measured; `ork[i]` and `peer[i]` are the sessions of run i + 1 (empty when a system was not run). */
export interface RunReport {
  readonly startedAt: string;
  readonly durationS: number;
  readonly mode: string;
  readonly cfg: SessionConfig;
  readonly runs: number;
  readonly machine: readonly string[];
  readonly ork: readonly SessionResult[];
  readonly peer: readonly SessionResult[];
  readonly memory: MemoryFigures | undefined;
  readonly compile: string | undefined;
  readonly image: string | undefined;
  readonly errors: readonly string[];
}

/** A row of the session table: a label and how to read its figure from one session. */
interface SessionRow {
  readonly label: string;
  readonly get: (s: SessionResult) => number | undefined;
  readonly digits: number;
  /** Show every run's value next to the median (rows that are a single sample per run). */
  readonly perRun?: boolean;
}

/** The rows of the session table for counts `small` and `large`. */
function sessionRows(small: number, large: number): SessionRow[] {
  const both = small + large;
  return [
    { label: `1. ${large} CRs at once → all Ready (s)`, get: (s) => s.throughputLarge?.totalS, digits: 1, perRun: true },
    { label: `1. throughput at ${large} CRs (CR/s)`, get: (s) => s.throughputLarge?.perSecond, digits: 1 },
    { label: `1. create→Ready p50 at ${large} CRs (ms)`, get: (s) => s.throughputLarge?.p50Ms, digits: 0, perRun: true },
    { label: `1. create→Ready p99 at ${large} CRs (ms)`, get: (s) => s.throughputLarge?.p99Ms, digits: 0, perRun: true },
    { label: `1. operator writes per CR at ${large} CRs (incl. the API server's ClusterIP allocation)`, get: (s) => s.throughputLarge?.writesPerCr, digits: 1 },
    { label: `1. operator CPU time while ${large} CRs converge (s)`, get: (s) => s.throughputLarge?.cpuS, digits: 1 },
    { label: `1. ${small} CRs at once → all Ready (s)`, get: (s) => s.throughputSmall?.totalS, digits: 1 },
    { label: `1. create→Ready p50 at ${small} CRs (ms)`, get: (s) => s.throughputSmall?.p50Ms, digits: 0 },
    { label: `1. create→Ready p99 at ${small} CRs (ms)`, get: (s) => s.throughputSmall?.p99Ms, digits: 0 },
    { label: `2. drift restored p50 at ${small} CRs (ms)`, get: (s) => s.driftSmall?.p50Ms, digits: 0 },
    { label: `2. drift restored p99 at ${small} CRs (ms)`, get: (s) => s.driftSmall?.p99Ms, digits: 0 },
    { label: `2. drift restored p50 at ${both} CRs (ms)`, get: (s) => s.driftLarge?.p50Ms, digits: 0 },
    { label: `2. drift restored p99 at ${both} CRs (ms)`, get: (s) => s.driftLarge?.p99Ms, digits: 0 },
    { label: '3. API writes per no-op reconcile (goal 0)', get: (s) => s.noop?.perReconcile, digits: 3 },
    { label: '3. no-op reconciles in the window', get: (s) => s.noop?.reconciles, digits: 0 },
    { label: '4. idle RSS, 1 CRD, no CRs (MiB)', get: (s) => s.idle?.rssMiB, digits: 1 },
    { label: '4. idle heap in use, 1 CRD, no CRs (MiB)', get: (s) => s.idle?.heapMiB, digits: 1 },
    { label: `4. RSS with ${both} CRs + children cached (MiB)`, get: (s) => s.loaded?.rssMiB, digits: 1 },
    { label: `4. heap in use with ${both} CRs + children cached (MiB)`, get: (s) => s.loaded?.heapMiB, digits: 1 },
    { label: `5. start → caches synced, ${both} CRs (ms)`, get: (s) => s.startup?.syncedMs, digits: 0 },
    { label: `5. start → first reconcile, ${both} CRs (ms)`, get: (s) => s.startup?.firstReconcileMs, digits: 0 },
    { label: '6. leader SIGTERM → probe CR Ready (ms)', get: (s) => s.failover?.termMs, digits: 0, perRun: true },
    { label: '6. leader SIGKILL → probe CR Ready (ms)', get: (s) => s.failover?.killMs, digits: 0, perRun: true },
  ];
}

/** The median of the defined values (NaN when none). */
function medianOf(xs: ReadonlyArray<number | undefined>): number {
  return median(xs.filter((x): x is number => x !== undefined && Number.isFinite(x)));
}

/** A cell: the median, and with `perRun` (and more than one run) each run's value in run order. */
function cell(xs: ReadonlyArray<number | undefined>, digits: number, perRun: boolean): string {
  const m = fmt(medianOf(xs), digits);
  return perRun && xs.length > 1 ? `${m} (${xs.map((x) => fmt(x, digits)).join(' / ')})` : m;
}

/** One side-by-side table line from each system's per-run values. */
function sideBySide(label: string, ork: ReadonlyArray<number | undefined>, peer: ReadonlyArray<number | undefined>, digits: number, perRun = false): string {
  const a = medianOf(ork);
  const b = medianOf(peer);
  return `| ${label} | ${cell(ork, digits, perRun)} | ${cell(peer, digits, perRun)} | ${ratio(Number.isNaN(a) ? undefined : a, Number.isNaN(b) ? undefined : b)} |`;
}

const TABLE_HEAD = ['| measure | ork | controller-runtime | ork / peer |', '| --- | ---: | ---: | ---: |'];

/** The markdown text of a run. */
export function renderReport(r: RunReport): string {
  const { small, large } = r.cfg;
  const out: string[] = [];
  out.push(`## Runtime — ork vs controller-runtime (${r.mode}, ${r.runs} run${r.runs === 1 ? '' : 's'}, ${r.startedAt}, ${r.durationS.toFixed(0)} s)`, '');
  if (r.runs > 1) {
    out.push(
      `Median of ${r.runs} runs per system, sessions interleaved (ork 1, peer 1, ork 2, …); the ratio is of the medians.`,
      'Rows that are one sample per run show each run in brackets, in run order.',
      '',
    );
  }
  out.push(...TABLE_HEAD);
  for (const row of sessionRows(small, large)) out.push(sideBySide(row.label, r.ork.map(row.get), r.peer.map(row.get), row.digits, row.perRun === true));
  out.push('');
  out.push(...perRunLines(`Writes while ${large} CRs converged`, r, (s) => s.throughputLarge?.writesByKind));
  out.push(...perRunLines('No-op window writes', r, (s) => s.noop?.byKind || undefined));
  if (r.memory) out.push(...memorySection(r.memory));
  out.push('Orkestra (Go) as a second peer: `go list -m -versions github.com/orkspace/orkestra` → 403 "This module version is not available" from proxy.golang.org, so it cannot be run here; its published figure is about 50 MB RSS for 15 CRDs.', '');
  if (r.compile) out.push('### Compile side (bench/compile.ts)', '', r.compile, '');
  if (r.image) out.push(r.image, '');
  const all = [
    ...r.errors,
    ...r.ork.flatMap((s, i) => s.errors.map((e) => `ork (run ${i + 1}): ${e}`)),
    ...r.peer.flatMap((s, i) => s.errors.map((e) => `controller-runtime (run ${i + 1}): ${e}`)),
  ];
  if (all.length) out.push('### Failed measures', '', ...all.map((e) => `- ${e}`), '');
  out.push('### Machine', '', ...r.machine.map((m) => `- ${m}`), '');
  return out.join('\n');
}

/** `<title> — run 1: ork …; controller-runtime …` lines (nothing when no run has text). */
function perRunLines(title: string, r: RunReport, text: (s: SessionResult) => string | undefined): string[] {
  const n = Math.max(r.ork.length, r.peer.length);
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const o = r.ork[i] && text(r.ork[i]!);
    const p = r.peer[i] && text(r.peer[i]!);
    if (o || p) lines.push(`- run ${i + 1} — ork: ${o ?? 'none'}; controller-runtime: ${p ?? 'none'}`);
  }
  return lines.length ? [`${title}:`, '', ...lines, ''] : [];
}

/** The memory side: 15-CRD idle figures and heap per cached object side by side, then ork's own figures. */
function memorySection(m: MemoryFigures): string[] {
  const out = ['### Memory side by side', ''];
  const runs = Math.max(m.fifteen.ork.length, m.fifteen.peer.length);
  out.push(`15-CRD synthetic Katalog idle (median of ${runs} run${runs === 1 ? '' : 's'}, interleaved); heap per cached object: ConfigMaps cached by a fresh process per figure (ork: runtime-kit informer, V8 heapUsed after gc(); peer: controller-runtime cache, Go HeapAlloc after runtime.GC()).`, '');
  out.push(...TABLE_HEAD);
  out.push(sideBySide('4. idle RSS, 15-CRD synthetic Katalog (MiB; ork target ≤ 60)', m.fifteen.ork.map((x) => x?.rssMiB), m.fifteen.peer.map((x) => x?.rssMiB), 1, true));
  out.push(sideBySide('4. idle heap in use, 15-CRD synthetic Katalog (MiB)', m.fifteen.ork.map((x) => x?.heapMiB), m.fifteen.peer.map((x) => x?.heapMiB), 1));
  const ork = m.heap?.get('ork') ?? [];
  const peer = m.heap?.get('peer') ?? [];
  const kept = m.heap?.get('peer-managedFields') ?? [];
  const at = (points: readonly HeapPoint[], n: number): HeapPoint | undefined => points.find((p) => p.objects === n);
  for (const n of ork.map((p) => p.objects)) {
    const o = at(ork, n);
    const p = at(peer, n);
    out.push(sideBySide(`4b. cache heap with ${n} ConfigMaps, managedFields dropped (MiB)`, [o?.heapMiB], [p?.heapMiB], 1));
    out.push(sideBySide(`4b. list + sync of ${n} ConfigMaps (ms)`, [o?.syncMs], [p?.syncMs], 0));
    if (n === 0) continue;
    out.push(sideBySide(`4b. heap per cached object at ${n}, managedFields dropped (bytes)`, [o?.bytesPerObject], [p?.bytesPerObject], 0));
    out.push(sideBySide(`4b. heap per cached object at ${n}, each cache as its operator runs it: ork drops managedFields, the peer keeps them (bytes)`, [o?.bytesPerObject], [at(kept, n)?.bytesPerObject], 0));
  }
  out.push('');
  if (m.orkRss.length > 0) {
    out.push('### ork only', '', 'Idle RSS of the web-app operator per V8 flag variant, all started together (each leads its own Lease), read 3 minutes after caches synced, when a variant with an optimizing tier has used it.', '', '| figure | value |', '| --- | ---: |');
    for (const [label, v] of m.orkRss) out.push(`| ${label} | ${fmt(v, 1)} |`);
    out.push('');
  }
  return out;
}
