/**
 * Wires a queue's observer to the operator metrics and logger for one CRD.
 *
 * maxDepth refusals are counted one by one (`ork_workqueue_parked_total`: the operator parks a
 * refused key and admits it as the queue drains, queue/overflow.ts) and logged as episodes: one `warn` line when the queue starts refusing, one `debug` line per
 * refused key, and one `info` line with the number refused once it drained to half its limit — a burst
 * never floods the log and a refusal is never silent.
 */
import type { Logger } from '../log/logger.ts';
import type { OperatorMetrics } from '../metrics/operator-metrics.ts';
import type { QueueObserver } from './observer.ts';
import type { WorkReport } from './worker-pool.ts';

/** Observer recording metrics and log lines under `crd`. */
export function queueInstruments(crd: string, metrics: OperatorMetrics, logger: Logger): QueueObserver<string> {
  let full: { maxDepth: number; refused: number } | undefined;
  return {
    added: () => metrics.queueAdd(crd),
    depth(n) {
      metrics.queueDepth(crd, n);
      // The episode ends once the queue drained to half its limit: refused keys are re-offered as
      // soon as a slot frees, so the depth hovers at the limit until the backlog is gone, and a
      // plain `n < maxDepth` ended (and re-opened) an episode on every reconcile.
      if (full !== undefined && n <= Math.floor(full.maxDepth / 2)) {
        logger.info('work queue accepting keys again', { crd, depth: n, maxDepth: full.maxDepth, refused: full.refused });
        full = undefined;
      }
    },
    refused(key, depth, maxDepth) {
      metrics.queueParked(crd);
      if (full === undefined) {
        full = { maxDepth, refused: 0 };
        logger.warn('work queue full (maxDepth): refused keys wait in line and are admitted as it drains', { crd, key, depth, maxDepth });
      }
      full.refused++;
      logger.debug('work queue refused key', { crd, key, depth, maxDepth });
    },
    retried(key, attempt, delayMs) {
      metrics.queueRetry(crd);
      logger.debug('retry scheduled', { crd, key, attempt, delayMs });
    },
    gaveUp(key, attempts) {
      metrics.queueDropped(crd, 'max_attempts');
      logger.warn('giving up on key after maxAttempts retries; it returns on the next resync', { crd, key, attempts });
    },
  };
}

/** `onResult` / `onActive` callbacks recording reconcile metrics and error lines for `crd`. */
export function workerInstruments(
  crd: string,
  metrics: OperatorMetrics,
  logger: Logger,
): { onResult: (r: WorkReport<string>) => void; onActive: (busy: number) => void } {
  return {
    onResult(r) {
      metrics.reconcile(crd, r.outcome, r.durationMs / 1000);
      if (r.outcome === 'error') {
        logger.error('reconcile failed', { crd, key: r.item, reconcileId: r.reconcileId, err: r.error, retryScheduled: r.retryScheduled });
      }
    },
    onActive: (busy) => metrics.workersActive(crd, busy),
  };
}
