/**
 * Runs N async workers over one rate-limited queue (per CRD). Each worker takes a key, runs the
 * handler, and settles the key by outcome:
 *
 * | handler outcome                         | queue action                          | outcome    |
 * |-----------------------------------------|---------------------------------------|------------|
 * | resolves, no `requeueAfterMs` (or ≤ 0)  | `forget(key)`                         | 'success'  |
 * | resolves with `requeueAfterMs > 0`      | `forget(key)`, `addAfter(key, ms)`    | 'requeue'  |
 * | throws / rejects                        | `addRateLimited(key)` (backoff)       | 'error'    |
 *
 * then `done(key)`. The queue guarantees a key is never held by two workers at once.
 *
 * After each key a worker yields to the event loop. A reconcile that needs no I/O (a no-op
 * answered from the caches) settles in microtasks only, so without the yield the workers would
 * drain a full queue in one go and starve everything else on the loop: `/healthz`, `/metrics`,
 * watch events, Lease renewals. Measured at start-up with 1,100 CRs: `/metrics` answered only
 * after ~0.5 s of back-to-back no-op reconciles (bench/README.md, start-up).
 */
import type { Clock } from '../clock.ts';
import { realClock } from '../clock.ts';
import type { RateLimitingQueue } from './rate-limiting.ts';

/** What a handler may ask for after a successful run. */
export interface WorkResult {
  /** Process the key again after this many ms (a periodic re-check). */
  readonly requeueAfterMs?: number;
}

/** Per-run context handed to the handler. */
export interface WorkContext {
  /** Unique per run within this pool (`<prefix>-<n>`), for log correlation. */
  readonly reconcileId: string;
  /** Failed runs of this key since its last success (0 on the first try). */
  readonly retries: number;
}

export type WorkOutcome = 'success' | 'requeue' | 'error';

/** Reported after every run. */
export interface WorkReport<T> {
  readonly item: T;
  readonly outcome: WorkOutcome;
  readonly reconcileId: string;
  readonly durationMs: number;
  readonly error?: unknown;
  /** For 'error': false when the queue gave up (maxAttempts) or is shutting down. */
  readonly retryScheduled?: boolean;
}

export interface WorkerPoolOptions<T> {
  readonly queue: RateLimitingQueue<T>;
  readonly handler: (item: T, ctx: WorkContext) => Promise<WorkResult | void>;
  /** Concurrent workers. Default 3 (Orkestra's default); values below 1 count as 1. */
  readonly workers?: number;
  /** Prefix of reconcile ids. Default 'r'. */
  readonly idPrefix?: string;
  readonly clock?: Clock;
  /** Called after every run (metrics, health, logs). Must not throw. */
  readonly onResult?: (report: WorkReport<T>) => void;
  /** Called when the number of busy workers changes. */
  readonly onActive?: (busy: number) => void;
}

/** A running pool. */
export interface WorkerPool {
  /** Workers currently running the handler. */
  busy(): number;
  /** Configured worker count. */
  size(): number;
  /**
   * Shuts the queue down (no new keys are handed out), lets in-flight runs finish, and resolves
   * true once all workers exited, or false when `drainTimeoutMs` passed first. Default: no limit.
   */
  stop(drainTimeoutMs?: number): Promise<boolean>;
}

/** Starts `workers` workers on `queue`. */
export function startWorkers<T>(opts: WorkerPoolOptions<T>): WorkerPool {
  const size = Math.max(1, Math.floor(opts.workers ?? 3));
  const clock = opts.clock ?? realClock;
  const prefix = opts.idPrefix ?? 'r';
  let busy = 0;
  let seq = 0;

  const setBusy = (delta: number): void => {
    busy += delta;
    opts.onActive?.(busy);
  };

  const runOne = async (item: T): Promise<void> => {
    const reconcileId = `${prefix}-${++seq}`;
    const start = clock.now();
    setBusy(+1);
    let report: WorkReport<T>;
    try {
      const result = await opts.handler(item, { reconcileId, retries: opts.queue.numRequeues(item) });
      opts.queue.forget(item);
      const after = result?.requeueAfterMs ?? 0;
      if (after > 0) opts.queue.addAfter(item, after);
      report = { item, outcome: after > 0 ? 'requeue' : 'success', reconcileId, durationMs: clock.now() - start };
    } catch (error) {
      const retryScheduled = opts.queue.addRateLimited(item);
      report = { item, outcome: 'error', reconcileId, durationMs: clock.now() - start, error, retryScheduled };
    } finally {
      setBusy(-1);
      opts.queue.done(item);
    }
    opts.onResult?.(report);
  };

  const loop = async (): Promise<void> => {
    for (let item = await opts.queue.get(); item !== undefined; item = await opts.queue.get()) {
      await runOne(item);
      await yieldToEventLoop();
    }
  };

  const loops = Promise.all(Array.from({ length: size }, loop));
  return {
    busy: () => busy,
    size: () => size,
    async stop(drainTimeoutMs?: number): Promise<boolean> {
      const drained = await opts.queue.shutDownWithDrain(drainTimeoutMs);
      if (drained) await loops;
      return drained;
    },
  };
}

/** Resolves after the event loop has run its pending I/O callbacks (one `setImmediate` turn). */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
