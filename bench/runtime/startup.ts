/**
 * Measure 5 — start-up: process spawned → "caches synced" log line → first reconcile counted on
 * the operator's /metrics (polled every 20 ms), with the CRs and children already in the
 * cluster. The previous replica released its Lease, so leadership is immediate.
 */
import { median } from './stats.ts';
import type { RunningSystem, SystemUnderTest } from './systems.ts';

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
      await untilReconciled(s, system.name, 1);
      first.push(Date.now() - s.proc.spawnedAt);
    } finally {
      await s.proc.stop();
    }
  }
  return { runs, syncedMs: median(synced), firstReconcileMs: median(first) };
}

/** Polls `s`'s reconcile counter every 20 ms until it reaches `atLeast`; throws after `timeoutMs`. */
export async function untilReconciled(s: RunningSystem, name: string, atLeast: number, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await s.reconciles().catch(() => 0)) < atLeast) {
    if (Date.now() > deadline) throw new Error(`bench: ${name} did not reconcile ${atLeast === 1 ? '' : `${atLeast} CRs `}within ${timeoutMs / 1000} s of starting`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
