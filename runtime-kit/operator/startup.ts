/**
 * Ordered start of CRD workers: in the Katalog's dependency order, a CRD starts once each of
 * its dependencies is `started` (workers running) or, for `healthy`, running with no
 * consecutive failures (Orkestra's gating: pending/ready/degraded/deleted behave as
 * started). A CRD whose informer has not synced — its CRD may not be installed yet — waits
 * without blocking the others. Readiness is re-checked as soon as a CRD's informers report
 * synced (so the first reconcile does not wait for a timer when the Lease is won before the
 * caches are warm), and every second as a safety net, so a CRD whose dependency heals (a
 * `healthy` gate) or whose CRD appears later still starts. The returned function stops everything in reverse order.
 * A CRD still draining from an earlier term (leadership lost, then won again while in-flight
 * reconciles of the old term run) starts only once that drain is over, so one key is never
 * reconciled by an old and a new worker at the same time.
 */
import type { Logger } from '../log/logger.ts';
import type { CrdRuntime } from './crd-runtime.ts';

/** The periodic re-check (safety net for health gates); sync is event driven. */
const RETRY_MS = 1_000;

/** Runtimes whose stop (of any term) has begun and not finished. */
const draining = new WeakMap<CrdRuntime, Promise<void>>();

function ready(rt: CrdRuntime, all: readonly CrdRuntime[]): boolean {
  // A CRD whose informers have not synced (e.g. its CRD is not installed yet) waits; the others go on.
  if (!rt.synced()) return false;
  return rt.spec.dependsOn.every((d) => {
    const dep = all.find((x) => x.spec.name === d.name);
    if (!dep || !dep.running) return false;
    return d.condition !== 'healthy' || dep.health.snapshot().state === 'healthy';
  });
}

/** Starts `runtimes` in order as their dependencies allow; returns a stop function (reverse order). */
export function startInOrder(runtimes: readonly CrdRuntime[], signal: AbortSignal, log: Logger, drainMs: number): () => Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  let stopping: Promise<void> | undefined;
  const tick = (): void => {
    if (timer) clearTimeout(timer); // one pending re-check at a time, whoever triggered this one
    timer = undefined;
    if (signal.aborted || stopping) return;
    for (const rt of runtimes) {
      if (draining.has(rt) || rt.running || !ready(rt, runtimes)) continue;
      rt.start();
    }
    const waiting = runtimes.filter((r) => draining.has(r) || !r.running);
    if (waiting.length > 0 && !signal.aborted) {
      log.debug('waiting for dependencies', { crds: waiting.map((w) => w.spec.name) });
      timer = setTimeout(tick, RETRY_MS);
    }
  };
  tick();
  // Re-check the moment a waiting CRD's informers have synced (not up to RETRY_MS later).
  for (const rt of runtimes) if (!rt.synced()) void rt.waitForSync(signal).then((ok) => ok && tick());
  // ... and the moment an earlier term's drain of a CRD is over.
  for (const d of new Set(runtimes.map((rt) => draining.get(rt)))) void d?.then(tick);
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (timer) clearTimeout(timer);
      const order = [...runtimes].reverse();
      let done!: () => void;
      const all = new Promise<void>((resolve) => (done = resolve));
      for (const rt of order) draining.set(rt, all); // at once: a later CRD is still running while an earlier one drains
      try {
        for (const rt of order) await rt.stop(drainMs);
      } finally {
        for (const rt of order) if (draining.get(rt) === all) draining.delete(rt);
        done();
      }
    })();
    return stopping;
  };
  signal.addEventListener('abort', () => void stop(), { once: true });
  return stop;
}
