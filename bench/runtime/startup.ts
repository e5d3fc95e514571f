/**
 * Measure 5 — start-up: process spawned → "caches synced" log line → first reconcile counted on
 * the operator's /metrics (polled every 20 ms), with the CRs and children already in the
 * cluster. The previous replica released its Lease, so leadership is immediate.
 */
import { median } from './stats.ts';
import type { SystemUnderTest } from './systems.ts';

export interface StartupResult {
  readonly runs: number;
  readonly syncedMs: number;
  readonly firstReconcileMs: number;
}

/** Starts and stops the system `runs` times; medians of spawn→synced and spawn→first reconcile. */
export async function measureStartup(system: SystemUnderTest, kubeconfig: string, leaseNamespace: string, runs: number): Promise<StartupResult> {
  const synced: number[] = [];
  const first: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = await system.start({ kubeconfig, leaseNamespace });
    try {
      synced.push((await s.synced()) - s.proc.spawnedAt);
      const deadline = Date.now() + 120_000;
      while ((await s.reconciles().catch(() => 0)) === 0) {
        if (Date.now() > deadline) throw new Error(`bench: ${system.name} did not reconcile within 120 s of starting`);
        await new Promise((r) => setTimeout(r, 20));
      }
      first.push(Date.now() - s.proc.spawnedAt);
    } finally {
      await s.proc.stop();
    }
  }
  return { runs, syncedMs: median(synced), firstReconcileMs: median(first) };
}
