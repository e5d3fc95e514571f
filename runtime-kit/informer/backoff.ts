/**
 * Capped exponential backoff with full jitter, for reconnecting watches and retrying lists
 * without reconnect storms: the n-th consecutive failure waits a random time in
 * [ceiling/2, ceiling) where ceiling = min(cap, initial × 2^(n−1)). `reset()` after a healthy period.
 */

export interface BackoffOptions {
  /** First ceiling. Default 800 ms (client-go's reflector). */
  readonly initialMs?: number;
  /** Largest ceiling. Default 30 000 ms (client-go's reflector). */
  readonly capMs?: number;
  /** Random source in [0, 1). Default `Math.random`. */
  readonly random?: () => number;
}

export class Backoff {
  readonly #initial: number;
  readonly #cap: number;
  readonly #random: () => number;
  #failures = 0;

  constructor(opts: BackoffOptions = {}) {
    this.#initial = opts.initialMs ?? 800;
    this.#cap = opts.capMs ?? 30_000;
    this.#random = opts.random ?? Math.random;
  }

  /** Counts one more failure and returns the wait before the next attempt, in ms. */
  next(): number {
    this.#failures++;
    const ceiling = Math.min(this.#cap, this.#initial * 2 ** Math.min(this.#failures - 1, 30));
    return Math.floor(ceiling / 2 + (this.#random() * ceiling) / 2);
  }

  /** Consecutive failures counted since the last reset. */
  get failures(): number {
    return this.#failures;
  }

  /** Forgets past failures: the next wait starts from the initial ceiling again. */
  reset(): void {
    this.#failures = 0;
  }
}
