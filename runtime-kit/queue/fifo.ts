/**
 * The deduplicating FIFO work queue (the bottom queue layer, after client-go's `workqueue.Type`).
 *
 * Three sets keep the guarantees:
 * - `order`: keys waiting to be handed out, first in first out;
 * - `dirty`: keys that need processing (everything in `order`, plus keys re-added while in flight);
 * - `processing`: keys a worker holds between `get()` and `done()`.
 *
 * A key is in `order` at most once (adding a waiting key is a no-op), a key is never handed to two
 * workers at once, and a key added while in flight is handed out again after its `done()`.
 */
import type { Clock } from '../clock.ts';
import { realClock } from '../clock.ts';
import type { QueueObserver } from './observer.ts';

/** What `add` did with the key. */
export type AddOutcome =
  | 'queued' //      new work, waiting to be handed out
  | 'deferred' //    in flight: marked dirty, re-queued on done()
  | 'duplicate' //   already waiting: nothing to do
  | 'refused' //     maxDepth reached: not accepted (counted and logged by the observer)
  | 'shutdown'; //   the queue is shutting down: not accepted

/** Per-call options of `add`. */
export interface AddOptions {
  /** Accept even when `maxDepth` keys are waiting (used for retries and delayed re-adds). */
  readonly force?: boolean;
}

/** The basic queue contract every layer exposes. */
export interface Queue<T> {
  add(item: T, opts?: AddOptions): AddOutcome;
  /** The next key (now marked processing), or `undefined` once the queue shuts down. */
  get(): Promise<T | undefined>;
  /** Releases a key taken with `get()`; re-queues it if it was re-added meanwhile. */
  done(item: T): void;
  /** Keys waiting (dirty), including keys re-added while in flight. */
  len(): number;
  /** Keys currently held by workers. */
  inFlight(): number;
  /** True when the key is waiting to be handed out (in flight alone does not count). */
  isWaiting(item: T): boolean;
  /** Stops accepting keys and handing them out; in-flight keys may still call `done()`. */
  shutDown(): void;
  /**
   * `shutDown()`, then resolves once every in-flight key is done (true) or after `timeoutMs`
   * on the queue's clock (false). Default: no timeout.
   */
  shutDownWithDrain(timeoutMs?: number): Promise<boolean>;
  shuttingDown(): boolean;
}

export interface WorkQueueOptions<T> {
  /**
   * Most keys that may wait; 0 = unlimited (Orkestra's default since v0.7.17). At the limit a
   * new key is refused (`add` → 'refused', observer `refused`), keys already waiting or in
   * flight are kept, and `force` adds (retries, delayed re-adds) are still accepted. Default 0.
   */
  readonly maxDepth?: number;
  readonly observer?: QueueObserver<T>;
  /** Clock for the drain timeout. Default the real clock. */
  readonly clock?: Clock;
}

/** Deduplicating FIFO queue; see the module comment. */
export class WorkQueue<T> implements Queue<T> {
  #order: T[] = [];
  /** Index of the head of `#order` (shift without O(n) copies; compacted as it grows). */
  #head = 0;
  readonly #dirty = new Set<T>();
  readonly #processing = new Set<T>();
  readonly #getters: Array<(item: T | undefined) => void> = [];
  readonly #drainers: Array<() => void> = [];
  readonly #maxDepth: number;
  readonly #observer: QueueObserver<T>;
  readonly #clock: Clock;
  #shuttingDown = false;

  constructor(opts: WorkQueueOptions<T> = {}) {
    this.#maxDepth = Math.max(0, opts.maxDepth ?? 0);
    this.#observer = opts.observer ?? {};
    this.#clock = opts.clock ?? realClock;
  }

  add(item: T, opts: AddOptions = {}): AddOutcome {
    if (this.#shuttingDown) return 'shutdown';
    if (this.#dirty.has(item)) return 'duplicate';
    if (this.#full() && opts.force !== true) {
      this.#observer.refused?.(item, this.#dirty.size, this.#maxDepth);
      return 'refused';
    }
    this.#dirty.add(item);
    this.#observer.added?.(item);
    this.#observer.depth?.(this.#dirty.size);
    if (this.#processing.has(item)) return 'deferred';
    this.#enqueue(item);
    return 'queued';
  }

  get(): Promise<T | undefined> {
    if (this.#shuttingDown) return Promise.resolve(undefined);
    if (this.#order.length > this.#head) return Promise.resolve(this.#take());
    return new Promise((resolve) => this.#getters.push(resolve));
  }

  done(item: T): void {
    if (!this.#processing.delete(item)) return;
    if (this.#dirty.has(item) && !this.#shuttingDown) this.#enqueue(item);
    if (this.#processing.size === 0) this.#drainers.splice(0).forEach((wake) => wake());
  }

  len(): number {
    return this.#dirty.size;
  }

  inFlight(): number {
    return this.#processing.size;
  }

  /** True when the key is waiting or in flight. */
  has(item: T): boolean {
    return this.#dirty.has(item) || this.#processing.has(item);
  }

  isWaiting(item: T): boolean {
    return this.#dirty.has(item);
  }

  shutDown(): void {
    if (this.#shuttingDown) return;
    this.#shuttingDown = true;
    this.#order = [];
    this.#head = 0;
    this.#dirty.clear();
    this.#observer.depth?.(0);
    this.#getters.splice(0).forEach((resolve) => resolve(undefined));
  }

  shutDownWithDrain(timeoutMs?: number): Promise<boolean> {
    this.shutDown();
    if (this.#processing.size === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = timeoutMs === undefined ? undefined : this.#clock.after(timeoutMs, () => resolve(false));
      this.#drainers.push(() => {
        timer?.cancel();
        resolve(true);
      });
    });
  }

  shuttingDown(): boolean {
    return this.#shuttingDown;
  }

  #full(): boolean {
    return this.#maxDepth > 0 && this.#dirty.size >= this.#maxDepth;
  }

  /** Puts a dirty key in line, or hands it straight to a waiting worker. */
  #enqueue(item: T): void {
    this.#order.push(item);
    const getter = this.#getters.shift();
    if (getter !== undefined) getter(this.#take());
  }

  /** Pops the head key and marks it processing. */
  #take(): T | undefined {
    if (this.#order.length === this.#head) return undefined;
    const item = this.#order[this.#head++] as T;
    if (this.#head === this.#order.length) {
      this.#order = [];
      this.#head = 0;
    } else if (this.#head >= 1024 && this.#head * 2 >= this.#order.length) {
      this.#order = this.#order.slice(this.#head);
      this.#head = 0;
    }
    this.#dirty.delete(item);
    this.#processing.add(item);
    this.#observer.depth?.(this.#dirty.size);
    return item;
  }
}
