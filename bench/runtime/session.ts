/**
 * One system's turn in a bench run, on the shared plane: idle RSS, then with one replica
 * running: throughput/latency and drift at the small count (namespace A) and at the large count
 * (namespace B, created at once on top of A), no-op writes, loaded RSS; then start-up with
 * everything in place and failover; finally its namespaces are cleared so the next system
 * starts on an empty, quiet cluster (both operators watch WebApps cluster-wide).
 */
import { measureDrift, type DriftResult } from './drift.ts';
import { measureFailover, type FailoverResult } from './failover.ts';
import { idleMemory, type IdleMemory } from './memory.ts';
import { measureNoopWrites, type NoopWritesResult } from './noop-writes.ts';
import { ensureNamespace, type BenchPlane } from './plane.ts';
import { rssMiB } from './process.ts';
import { measureStartup, type StartupResult } from './startup.ts';
import type { SystemUnderTest } from './systems.ts';
import { crNames, measureThroughput, type ThroughputResult } from './throughput.ts';
import { clearNamespacesAndWait, NamespaceObserver } from './webapps.ts';

/** Counts and repetitions of a run. */
export interface SessionConfig {
  readonly small: number;
  readonly large: number;
  readonly driftSamples: number;
  readonly startupRuns: number;
  readonly noopWindowMs: number;
  readonly failover: boolean;
}

/** What one system measured; a measure that failed holds its error text instead. */
export interface SessionResult {
  idle?: IdleMemory;
  throughputSmall?: ThroughputResult;
  driftSmall?: DriftResult;
  throughputLarge?: ThroughputResult;
  driftLarge?: DriftResult;
  noop?: NoopWritesResult;
  loaded?: IdleMemory;
  startup?: StartupResult;
  failover?: FailoverResult;
  errors: string[];
}

/** Runs every measure for `system`; `tag` names its namespaces (`bench-<tag>-…`). */
export async function runSession(bp: BenchPlane, system: SystemUnderTest, tag: string, cfg: SessionConfig, log: (line: string) => void): Promise<SessionResult> {
  const { admin, plane } = bp;
  const kubeconfig = bp.operatorKubeconfig;
  const res: SessionResult = { errors: [] };
  const attempt = async <T>(what: string, fn: () => Promise<T>): Promise<T | undefined> => {
    const t0 = Date.now();
    log(`${system.name}: ${what}…`);
    try {
      const v = await fn();
      log(`${system.name}: ${what} done in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${JSON.stringify(v)}`);
      return v;
    } catch (err) {
      const msg = `${what}: ${err instanceof Error ? err.message : String(err)}`;
      log(`${system.name}: FAILED ${msg}`);
      res.errors.push(msg.split('\n')[0]!);
      return undefined;
    }
  };
  const leaseNs = `bench-${tag}-system`;
  const nsA = `bench-${tag}-a`;
  const nsB = `bench-${tag}-b`;
  for (const ns of [leaseNs, nsA, nsB]) await ensureNamespace(admin, ns);
  res.idle = await attempt('idle memory', () => idleMemory(system, kubeconfig, leaseNs));
  const obsA = new NamespaceObserver(admin, nsA);
  const obsB = new NamespaceObserver(admin, nsB);
  await Promise.all([obsA.start(), obsB.start()]);
  const namesA = crNames('app', cfg.small);
  const namesB = crNames('app', cfg.large);
  try {
    const s = await system.start({ kubeconfig, leaseNamespace: leaseNs });
    try {
      await s.synced();
      res.throughputSmall = await attempt(`${cfg.small} CRs at once`, () => measureThroughput(plane, admin, obsA, namesA, s.proc.pid));
      res.driftSmall = await attempt(`drift at ${cfg.small} CRs`, () => measureDrift(admin, obsA, namesA, cfg.driftSamples));
      res.throughputLarge = await attempt(`${cfg.large} CRs at once`, () => measureThroughput(plane, admin, obsB, namesB, s.proc.pid));
      res.driftLarge = await attempt(`drift at ${cfg.small + cfg.large} CRs`, () => measureDrift(admin, obsB, namesB, cfg.driftSamples));
      await new Promise((r) => setTimeout(r, 3_000)); // let late Events of the drift corrections land outside the window
      res.noop = await attempt('writes per no-op reconcile', () => measureNoopWrites(plane, s, cfg.noopWindowMs));
      res.loaded = await attempt('loaded memory', async () => ({ rssMiB: rssMiB(s.proc.pid), heapMiB: await s.heapUsedMiB() }));
    } finally {
      await s.proc.stop();
    }
    res.startup = await attempt(`start-up with ${cfg.small + cfg.large} CRs`, () => measureStartup(system, kubeconfig, leaseNs, cfg.startupRuns));
    if (cfg.failover) res.failover = await attempt('failover', () => measureFailover(system, admin, kubeconfig, leaseNs, obsA, tag));
  } finally {
    await Promise.all([obsA.stop(), obsB.stop()]);
    const t0 = Date.now();
    await clearNamespacesAndWait(admin, [nsA, nsB], 600_000);
    log(`cleared ${nsA}, ${nsB} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  return res;
}
