/**
 * A token bucket on the injected clock (the semantics of Go's `rate.Limiter.Reserve`): the bucket
 * refills at `qps` tokens per second up to `burst`; each reservation takes one token and may drive
 * the balance negative, in which case the caller waits until it is paid back.
 */
import type { Clock } from './clock.ts';

export class TokenBucket {
  readonly #qps: number;
  readonly #burst: number;
  readonly #clock: Clock;
  #tokens: number;
  #last: number;

  /** Starts full. `qps <= 0` means unlimited. */
  constructor(qps: number, burst: number, clock: Clock) {
    this.#qps = qps;
    this.#burst = Math.max(1, burst);
    this.#clock = clock;
    this.#tokens = this.#burst;
    this.#last = clock.now();
  }

  /** Takes one token; returns the wait in ms before it may be used (0 = now). */
  reserve(): number {
    if (this.#qps <= 0) return 0;
    this.#refill();
    this.#tokens -= 1;
    return this.#tokens >= 0 ? 0 : Math.ceil((-this.#tokens / this.#qps) * 1000);
  }

  /** Takes one token only if available now; true when taken. */
  tryTake(): boolean {
    if (this.#qps <= 0) return true;
    this.#refill();
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }

  #refill(): void {
    const now = this.#clock.now();
    const elapsed = Math.max(0, now - this.#last);
    this.#last = now;
    this.#tokens = Math.min(this.#burst, this.#tokens + (elapsed * this.#qps) / 1000);
  }
}
