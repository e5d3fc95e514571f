/**
 * The rate-limiting layer: `addRateLimited(key)` re-adds a failed key after the limiter's delay,
 * `forget(key)` clears its history after a success. With `maxAttempts` (Orkestra's
 * `retryBackoff.maxAttempts`) a key that failed that many times is forgotten instead of retried,
 * reported through the observer's `gaveUp` (counted and logged); the informer's next resync brings
 * it back.
 */
import type { DelayingQueue } from './delaying.ts';
import { ForwardingQueue } from './forwarding.ts';
import type { QueueObserver } from './observer.ts';
import type { RateLimiter } from './rate-limiter.ts';

/** A delaying queue with per-key retry backoff. */
export interface RateLimitingQueue<T> extends DelayingQueue<T> {
  /** Schedules a retry after the limiter's delay; false when given up (maxAttempts). */
  addRateLimited(item: T): boolean;
  /** Clears the key's retry history. */
  forget(item: T): void;
  /** Retries recorded for the key since it was last forgotten. */
  numRequeues(item: T): number;
}

export interface RateLimitingOptions<T> {
  readonly limiter: RateLimiter<T>;
  /** Retries before giving up on a key; 0 = retry forever. Default 0. */
  readonly maxAttempts?: number;
  readonly observer?: QueueObserver<T>;
}

/** Wraps a delaying queue with a rate limiter. */
export class RateLimitingWorkQueue<T> extends ForwardingQueue<T, DelayingQueue<T>> implements RateLimitingQueue<T> {
  readonly #limiter: RateLimiter<T>;
  readonly #maxAttempts: number;
  readonly #observer: QueueObserver<T>;

  constructor(inner: DelayingQueue<T>, opts: RateLimitingOptions<T>) {
    super(inner);
    this.#limiter = opts.limiter;
    this.#maxAttempts = Math.max(0, opts.maxAttempts ?? 0);
    this.#observer = opts.observer ?? {};
  }

  addRateLimited(item: T): boolean {
    if (this.inner.shuttingDown()) return false;
    const attempts = this.#limiter.numRequeues(item);
    if (this.#maxAttempts > 0 && attempts >= this.#maxAttempts) {
      this.#limiter.forget(item);
      this.#observer.gaveUp?.(item, attempts);
      return false;
    }
    const delay = this.#limiter.when(item);
    this.#observer.retried?.(item, attempts + 1, delay);
    this.inner.addAfter(item, delay);
    return true;
  }

  forget(item: T): void {
    this.#limiter.forget(item);
  }

  numRequeues(item: T): number {
    return this.#limiter.numRequeues(item);
  }

  addAfter(item: T, ms: number): void {
    this.inner.addAfter(item, ms);
  }
  delayed(): number {
    return this.inner.delayed();
  }
}
