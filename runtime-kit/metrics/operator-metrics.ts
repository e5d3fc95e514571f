/**
 * The operator's Prometheus metrics: one `Registry` (exposition.ts) per operator (never the global
 * one), conventional `ork_*` names, and optionally Orkestra's `controller_*` names beside them so
 * existing dashboards keep working. Layers record through the small `OperatorMetrics` methods;
 * only the server reads the registry.
 *
 * | ork name                          | type      | labels        | Orkestra name (compat)                  |
 * |-----------------------------------|-----------|---------------|-----------------------------------------|
 * | ork_reconcile_total               | counter   | crd, result   | controller_reconcile_total              |
 * | ork_reconcile_duration_seconds    | histogram | crd, result   | controller_reconcile_duration_seconds   |
 * | ork_workqueue_depth               | gauge     | crd           | controller_queue_depth                  |
 * | ork_workqueue_adds_total          | counter   | crd           | —                                       |
 * | ork_workqueue_retries_total       | counter   | crd           | —                                       |
 * | ork_workqueue_parked_total        | counter   | crd           | —                                       |
 * | ork_workqueue_dropped_total       | counter   | crd, reason   | —                                       |
 * | ork_workers_active                | gauge     | crd           | controller_workers_active               |
 * | ork_resources                     | gauge     | crd           | controller_resource_count               |
 * | ork_leader                        | gauge     | —             | —                                       |
 * | ork_notifications_total           | counter   | result        | —                                       |
 * | ork_api_requests_total            | counter   | method, code  | —                                       |
 */
import { Counter, Gauge, Histogram, Registry } from './exposition.ts';
import { registerProcessMetrics } from './process-metrics.ts';

/** Outcome label of one reconcile. */
export type ReconcileResult = 'success' | 'error' | 'requeue' | 'gated';

/**
 * Why the queue gave up on a key (`ork_workqueue_dropped_total{reason}`): only `maxAttempts`
 * retries drop one. A `maxDepth` refusal is no drop: the key is parked and admitted as the queue
 * drains (`ork_workqueue_parked_total`).
 */
export type DropReason = 'max_attempts';

/** Outcome label of one Gateway notification. */
export type NotifyResult = 'sent' | 'failed' | 'dropped' | 'throttled';

/** Recording side of the metrics; every method is cheap and never throws. */
export interface OperatorMetrics {
  /** The registry the server renders at `/metrics`. */
  readonly registry: Registry;
  reconcile(crd: string, result: ReconcileResult, seconds: number): void;
  queueDepth(crd: string, depth: number): void;
  queueAdd(crd: string): void;
  queueRetry(crd: string): void;
  /** A key the full queue (maxDepth) refused was parked, to be admitted as the queue drains. */
  queueParked(crd: string): void;
  queueDropped(crd: string, reason: DropReason): void;
  workersActive(crd: string, n: number): void;
  resources(crd: string, n: number): void;
  leader(isLeader: boolean): void;
  notification(result: NotifyResult): void;
  /** One API-server request attempt: HTTP method and status code (or `error` without an answer). */
  apiRequest(method: string, code: number | 'error'): void;
}

export interface MetricsOptions {
  /** Also expose Orkestra's `controller_*` series (table above). Default true. */
  readonly orkestraCompat?: boolean;
  /** Add the conventional process/Node series (`process_*`, `nodejs_*`; process-metrics.ts). Default true. */
  readonly processMetrics?: boolean;
  /** Labels on every series (e.g. `{katalog: "shop"}`). Default none. */
  readonly defaultLabels?: Readonly<Record<string, string>>;
}

/** Reconcile-duration buckets in seconds (5 ms … 60 s). */
export const RECONCILE_BUCKETS: readonly number[] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/** Creates a fresh registry with every operator metric registered. */
export function createMetrics(opts: MetricsOptions = {}): OperatorMetrics {
  const registry = new Registry();
  if (opts.defaultLabels !== undefined) registry.setDefaultLabels({ ...opts.defaultLabels });
  if (opts.processMetrics ?? true) registerProcessMetrics(registry);
  const ork = orkSeries(registry);
  const compat = (opts.orkestraCompat ?? true) ? compatSeries(registry) : undefined;
  return {
    registry,
    reconcile(crd, result, seconds) {
      ork.reconcileTotal.inc({ crd, result });
      ork.reconcileDuration.observe({ crd, result }, seconds);
      compat?.reconcileTotal.inc({ crd, result });
      compat?.reconcileDuration.observe({ crd, result }, seconds);
    },
    queueDepth(crd, depth) {
      ork.depth.set({ crd }, depth);
      compat?.depth.set({ crd }, depth);
    },
    queueAdd: (crd) => ork.adds.inc({ crd }),
    queueRetry: (crd) => ork.retries.inc({ crd }),
    queueParked: (crd) => ork.parked.inc({ crd }),
    queueDropped: (crd, reason) => ork.dropped.inc({ crd, reason }),
    workersActive(crd, n) {
      ork.workers.set({ crd }, n);
      compat?.workers.set({ crd }, n);
    },
    resources(crd, n) {
      ork.resources.set({ crd }, n);
      compat?.resources.set({ crd }, n);
    },
    leader: (isLeader) => ork.leader.set(isLeader ? 1 : 0),
    notification: (result) => ork.notifications.inc({ result }),
    apiRequest: (method, code) => ork.apiRequests.inc({ method, code: String(code) }),
  };
}

function orkSeries(registers: Registry) {
  const r = [registers];
  return {
    reconcileTotal: new Counter({ name: 'ork_reconcile_total', help: 'Reconciles by CRD and result.', labelNames: ['crd', 'result'], registers: r }),
    reconcileDuration: new Histogram({ name: 'ork_reconcile_duration_seconds', help: 'Reconcile duration in seconds.', labelNames: ['crd', 'result'], buckets: [...RECONCILE_BUCKETS], registers: r }),
    depth: new Gauge({ name: 'ork_workqueue_depth', help: 'Keys waiting in the work queue.', labelNames: ['crd'], registers: r }),
    adds: new Counter({ name: 'ork_workqueue_adds_total', help: 'Keys accepted by the work queue.', labelNames: ['crd'], registers: r }),
    retries: new Counter({ name: 'ork_workqueue_retries_total', help: 'Rate-limited re-adds (retries after an error).', labelNames: ['crd'], registers: r }),
    parked: new Counter({ name: 'ork_workqueue_parked_total', help: 'Keys the full work queue (maxDepth) refused and parked; each is admitted as the queue drains, none is dropped.', labelNames: ['crd'], registers: r }),
    dropped: new Counter({ name: 'ork_workqueue_dropped_total', help: 'Keys given up (max_attempts retries failed) until the next resync or change.', labelNames: ['crd', 'reason'], registers: r }),
    workers: new Gauge({ name: 'ork_workers_active', help: 'Workers currently reconciling.', labelNames: ['crd'], registers: r }),
    resources: new Gauge({ name: 'ork_resources', help: 'Custom resources in the informer cache.', labelNames: ['crd'], registers: r }),
    leader: new Gauge({ name: 'ork_leader', help: '1 when this replica holds the leader lease.', registers: r }),
    notifications: new Counter({ name: 'ork_notifications_total', help: 'Gateway notifications by result.', labelNames: ['result'], registers: r }),
    apiRequests: new Counter({ name: 'ork_api_requests_total', help: 'API server request attempts by method and status code.', labelNames: ['method', 'code'], registers: r }),
  };
}

function compatSeries(registers: Registry) {
  const r = [registers];
  return {
    reconcileTotal: new Counter({ name: 'controller_reconcile_total', help: 'Orkestra-compatible alias of ork_reconcile_total.', labelNames: ['crd', 'result'], registers: r }),
    reconcileDuration: new Histogram({ name: 'controller_reconcile_duration_seconds', help: 'Orkestra-compatible alias of ork_reconcile_duration_seconds.', labelNames: ['crd', 'result'], buckets: [...RECONCILE_BUCKETS], registers: r }),
    depth: new Gauge({ name: 'controller_queue_depth', help: 'Orkestra-compatible alias of ork_workqueue_depth.', labelNames: ['crd'], registers: r }),
    workers: new Gauge({ name: 'controller_workers_active', help: 'Orkestra-compatible alias of ork_workers_active.', labelNames: ['crd'], registers: r }),
    resources: new Gauge({ name: 'controller_resource_count', help: 'Orkestra-compatible alias of ork_resources.', labelNames: ['crd'], registers: r }),
  };
}
