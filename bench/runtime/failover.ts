/**
 * Measure 6 — failover: two replicas, the leader stopped by SIGTERM (it releases the Lease),
 * then the new leader by SIGKILL (the Lease must expire); each time a probe WebApp is created
 * right after the signal and the time until it is Ready is what a user waits for. Each signal
 * goes to the replica that leads at that moment (its /metrics says so).
 */
import type { KubeClient } from '../../runtime-kit/client/rest.ts';
import { eventually } from '../../test/helpers/control-plane.ts';
import type { SystemUnderTest, RunningSystem } from './systems.ts';
import { createWebApps, type NamespaceObserver } from './webapps.ts';

export interface FailoverResult {
  /** Leader SIGTERM → probe CR Ready, ms. */
  readonly termMs: number;
  /** Leader SIGKILL → probe CR Ready, ms. */
  readonly killMs: number;
}

/** Runs the two hand-overs; `observer` watches the namespace the probe CRs go to. */
export async function measureFailover(system: SystemUnderTest, admin: KubeClient, kubeconfig: string, leaseNamespace: string, observer: NamespaceObserver, tag: string): Promise<FailoverResult> {
  const start = (): Promise<RunningSystem> => system.start({ kubeconfig, leaseNamespace });
  const leader = await start();
  const standbys: RunningSystem[] = [];
  try {
    await eventually('the first replica to lead', 120_000, async () => ((await leader.reconciles()) > 0 ? true : undefined), 50);
    const standby = await start();
    standbys.push(standby);
    await standby.synced();
    if (!(await leader.leading())) throw new Error('bench: the replica that reconciled first does not hold the Lease');
    if (await standby.leading()) throw new Error('bench: the standby holds the Lease before the leader was stopped');
    const termMs = await handOver(admin, observer, () => void leader.proc.stop('SIGTERM'), `probe-term-${tag}`);
    const second = await start();
    standbys.push(second);
    await second.synced();
    // SIGKILL must hit the replica that leads: killed before it has taken the released Lease over,
    // it leaves the Lease free and the next replica takes it at once (run 6: 555 ms).
    await eventually('the first standby to lead', 60_000, async () => ((await standby.leading()) ? true : undefined), 50);
    const killMs = await handOver(admin, observer, () => void standby.proc.stop('SIGKILL'), `probe-kill-${tag}`);
    return { termMs, killMs };
  } finally {
    await Promise.all([leader, ...standbys].map((s) => s.proc.stop()));
  }
}

async function handOver(admin: KubeClient, observer: NamespaceObserver, signal: () => void, probe: string): Promise<number> {
  const t0 = Date.now();
  signal();
  await createWebApps(admin, observer.namespace, [probe]);
  await eventually(`${probe} Ready`, 120_000, async () => (observer.readyAt.has(probe) ? true : undefined), 20);
  return observer.readyAt.get(probe)! - t0;
}
