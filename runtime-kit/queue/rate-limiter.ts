/**
 * Rate limiters decide how long a key waits before it is retried (after client-go's
 * `workqueue.RateLimiter`). `when` records one more failure and returns the delay in ms.
 *
 * Orkestra's default (client-go's `DefaultControllerRateLimiter`) is `maxOf(perItem, bucket)`:
 * per-item exponential backoff 5 ms → 1000 s, and an overall token bucket of 10 qps / burst 100.
 */
import type { Clock } from '../clock.ts';
import { realClock } from '../clock.ts';
import { TokenBucket } from '../token-bucket.ts';

/** Decides retry delays per key. */
export interface RateLimiter<T> {
  /** Records a failure of `item` and returns how long to wait before retrying it (ms). */
  when(item: T): number;
  /** Clears `item`'s failure history (call after a success). */
  forget(item: T): void;
  /** Failures recorded for `item` since it was last forgotten. */
  numRequeues(item: T): number;
}

/** Per-item exponential backoff settings (Orkestra's `retryBackoff`, in ms). */
export interface BackoffOptions {
  /** First delay. Default 5 ms. */
  readonly initialMs?: number;
  /** Delay cap. Default 1 000 000 ms (1000 s). */
  readonly maxMs?: number;
  /** Growth factor per failure. Default 2. */
  readonly multiplier?: number;
}

/** Per-item exponential backoff: delay = initial × multiplier^(failures so far), capped at max. */
export class ItemExponentialLimiter<T> implements RateLimiter<T> {
  readonly #failures = new Map<T, number>();
  readonly #initial: number;
  readonly #max: number;
  readonly #multiplier: number;

  constructor(opts: BackoffOptions = {}) {
    this.#initial = opts.initialMs ?? 5;
    this.#max = opts.maxMs ?? 1_000_000;
    this.#multiplier = opts.multiplier ?? 2;
  }

  when(item: T): number {
    const n = this.#failures.get(item) ?? 0;
    this.#failures.set(item, n + 1);
    const delay = this.#initial * Math.pow(this.#multiplier, n);
    return Number.isFinite(delay) ? Math.min(delay, this.#max) : this.#max;
  }

  forget(item: T): void {
    this.#failures.delete(item);
  }

  numRequeues(item: T): number {
    return this.#failures.get(item) ?? 0;
  }
}

/** Overall limiter: every retry takes a token; no per-item memory. */
export class BucketLimiter<T> implements RateLimiter<T> {
  readonly #bucket: TokenBucket;

  /** Defaults: 10 qps, burst 100, real clock. */
  constructor(opts: { qps?: number; burst?: number; clock?: Clock } = {}) {
    this.#bucket = new TokenBucket(opts.qps ?? 10, opts.burst ?? 100, opts.clock ?? realClock);
  }

  when(_item: T): number {
    return this.#bucket.reserve();
  }
  forget(_item: T): void {}
  numRequeues(_item: T): number {
    return 0;
  }
}

/** Combines limiters: the longest delay wins; forget and numRequeues go to all / the max. */
export class MaxOfLimiter<T> implements RateLimiter<T> {
  readonly #limiters: readonly RateLimiter<T>[];

  constructor(...limiters: RateLimiter<T>[]) {
    this.#limiters = limiters;
  }

  when(item: T): number {
    return this.#limiters.reduce((max, l) => Math.max(max, l.when(item)), 0);
  }
  forget(item: T): void {
    for (const l of this.#limiters) l.forget(item);
  }
  numRequeues(item: T): number {
    return this.#limiters.reduce((max, l) => Math.max(max, l.numRequeues(item)), 0);
  }
}

/** Settings of the default controller limiter; every field optional. */
export interface ControllerLimiterOptions extends BackoffOptions {
  /** Overall retries per second. Default 10. */
  readonly qps?: number;
  /** Token bucket size. Default 100. */
  readonly burst?: number;
  readonly clock?: Clock;
}

/** Orkestra's default limiter: `maxOf(exponential 5 ms → 1000 s, bucket 10 qps / 100)`. */
export function controllerRateLimiter<T>(opts: ControllerLimiterOptions = {}): RateLimiter<T> {
  return new MaxOfLimiter<T>(new ItemExponentialLimiter<T>(opts), new BucketLimiter<T>(opts));
}
