/** Builds the standard per-CRD queue: FIFO → delaying → rate-limiting, on one clock. */
import type { Clock } from '../clock.ts';
import { realClock } from '../clock.ts';
import { DelayingWorkQueue } from './delaying.ts';
import { WorkQueue } from './fifo.ts';
import type { QueueObserver } from './observer.ts';
import type { BackoffOptions } from './rate-limiter.ts';
import { controllerRateLimiter } from './rate-limiter.ts';
import type { RateLimitingQueue } from './rate-limiting.ts';
import { RateLimitingWorkQueue } from './rate-limiting.ts';

/** Orkestra's `queue.retryBackoff`, durations in ms. */
export interface RetryBackoff extends BackoffOptions {
  /** Retries before a key is given up (until the next resync); 0 = forever. Default 0. */
  readonly maxAttempts?: number;
}

export interface QueueOptions<T> {
  /** See `WorkQueueOptions.maxDepth`. Default 0 (unlimited). */
  readonly maxDepth?: number;
  /** Per-item backoff. Defaults: 5 ms initial, 1000 s max, ×2, unlimited attempts. */
  readonly retryBackoff?: RetryBackoff;
  /** Overall retry rate. Default 10 qps. */
  readonly qps?: number;
  /** Overall retry burst. Default 100. */
  readonly burst?: number;
  readonly clock?: Clock;
  readonly observer?: QueueObserver<T>;
}

/** Creates a deduplicating, delaying, rate-limited work queue with Orkestra's defaults. */
export function createWorkQueue<T>(opts: QueueOptions<T> = {}): RateLimitingQueue<T> {
  const clock = opts.clock ?? realClock;
  const observer = opts.observer ?? {};
  const fifo = new WorkQueue<T>({ maxDepth: opts.maxDepth ?? 0, observer, clock });
  const limiter = controllerRateLimiter<T>({ ...opts.retryBackoff, qps: opts.qps, burst: opts.burst, clock });
  return new RateLimitingWorkQueue(new DelayingWorkQueue(fifo, clock), {
    limiter,
    maxAttempts: opts.retryBackoff?.maxAttempts ?? 0,
    observer,
  });
}
