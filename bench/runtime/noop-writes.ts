/**
 * Measure 3 — API writes per no-op reconcile: with every CR already converged, the operator's
 * periodic resync reconciles each CR again; the API server's own request counters over a
 * window longer than the resync period give the writes (Lease renewals left out), the
 * operator's reconcile counter the number of reconciles. Goal: 0 writes.
 */
import type { ControlPlane } from '../../compiler/plane/plane.ts';
import { requestCounts, writesBetween } from './apiserver-metrics.ts';
import type { RunningSystem } from './systems.ts';

export interface NoopWritesResult {
  readonly windowS: number;
  readonly reconciles: number;
  readonly writes: number;
  /** Writes by `VERB resource`, when any. */
  readonly byKind: string;
  readonly perReconcile: number;
}

/** Counts the API server's write requests and the operator's reconciles over `windowMs` of idling. */
export async function measureNoopWrites(plane: ControlPlane, system: RunningSystem, windowMs: number): Promise<NoopWritesResult> {
  const before = await requestCounts(plane);
  const r0 = await system.reconciles();
  await new Promise((r) => setTimeout(r, windowMs));
  const r1 = await system.reconciles();
  const after = await requestCounts(plane);
  const writes = writesBetween(before, after, new Set(['leases']));
  const total = [...writes.values()].reduce((a, b) => a + b, 0);
  const reconciles = r1 - r0;
  return {
    windowS: windowMs / 1000,
    reconciles,
    writes: total,
    byKind: [...writes].map(([k, n]) => `${k}: ${n}`).join(', '),
    perReconcile: reconciles > 0 ? total / reconciles : NaN,
  };
}
