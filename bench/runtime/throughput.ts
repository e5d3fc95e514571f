/**
 * Measure 1 — reconcile throughput and latency: N WebApps created at once (32 requests in
 * flight) → time until every one reports Ready=True for its generation, and p50/p99 of each
 * CR's create→Ready time. Checks that every CR got its Deployment and Service; counts the
 * operator's writes (API server counters) and CPU time (/proc) meanwhile.
 */
import type { ControlPlane } from '../../compiler/plane/plane.ts';
import type { KubeClient } from '../../runtime-kit/client/rest.ts';
import { requestCounts, writesBetween } from './apiserver-metrics.ts';
import { cpuSeconds } from './process.ts';
import { eventually } from '../../test/helpers/control-plane.ts';
import { percentile } from './stats.ts';
import { createWebApps, DEPLOYMENTS, SERVICES, type NamespaceObserver } from './webapps.ts';

export interface ThroughputResult {
  readonly crs: number;
  /** First create sent → last CR Ready, seconds. */
  readonly totalS: number;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** The operator's write requests per CR (API server counters, the bench's own creates and Leases left out). */
  readonly writesPerCr: number;
  /** Those writes by `VERB resource`. */
  readonly writesByKind: string;
  /** CPU seconds the operator process used from the first create to the last Ready. */
  readonly cpuS: number;
}

/** Names `<prefix>-0000` … for `n` CRs. */
export function crNames(prefix: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(4, '0')}`);
}

/** Creates `names` in the observer's namespace and waits until all are Ready (a running operator does the work). */
export async function measureThroughput(plane: ControlPlane, admin: KubeClient, observer: NamespaceObserver, names: readonly string[], operatorPid: number): Promise<ThroughputResult> {
  const ns = observer.namespace;
  const before = await requestCounts(plane);
  const cpu0 = cpuSeconds(operatorPid);
  const sentAt = await createWebApps(admin, ns, names);
  const timeoutMs = 300_000 + names.length * 1_000;
  await eventually(`${names.length} WebApps Ready in ${ns}`, timeoutMs, async () => (names.every((n) => observer.readyAt.has(n)) ? true : undefined), 200);
  const lat = names.map((n) => observer.readyAt.get(n)! - sentAt.get(n)!);
  const first = Math.min(...sentAt.values());
  const last = Math.max(...names.map((n) => observer.readyAt.get(n)!));
  const selector = { labelSelector: 'orkestra.orkspace.io/managed=true' };
  const deps = await admin.list<{ items: unknown[] }>({ ...DEPLOYMENTS, namespace: ns }, selector);
  const svcs = await admin.list<{ items: unknown[] }>({ ...SERVICES, namespace: ns }, selector);
  if (deps.items.length < names.length || svcs.items.length < names.length) {
    throw new Error(`bench: ${names.length} WebApps Ready in ${ns} but only ${deps.items.length} Deployments and ${svcs.items.length} Services`);
  }
  const cpuS = cpuSeconds(operatorPid) - cpu0;
  await new Promise((r) => setTimeout(r, 2_000)); // the last CRs' Events
  const writes = writesBetween(before, await requestCounts(plane), new Set(['leases']));
  writes.set('POST webapps', (writes.get('POST webapps') ?? 0) - names.length); // the bench's creates
  if (writes.get('POST webapps') === 0) writes.delete('POST webapps');
  const total = [...writes.values()].reduce((a, b) => a + b, 0);
  const totalS = (last - first) / 1000;
  return {
    crs: names.length,
    totalS,
    perSecond: names.length / totalS,
    p50Ms: percentile(lat, 50),
    p99Ms: percentile(lat, 99),
    writesPerCr: total / names.length,
    writesByKind: [...writes].map(([k, n]) => `${k} ${n}`).join(', '),
    cpuS,
  };
}
