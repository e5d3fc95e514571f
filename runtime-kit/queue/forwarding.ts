/**
 * The pass-through part of a queue layer: every `Queue` method forwarded to the wrapped queue.
 * A layer (delaying, rate-limiting) extends it and overrides or adds only what it changes, the way
 * client-go's layers embed the interface they wrap.
 */
import type { AddOptions, AddOutcome, Queue } from './fifo.ts';

/** Forwards the `Queue` contract to `inner`. */
export class ForwardingQueue<T, Inner extends Queue<T>> implements Queue<T> {
  protected readonly inner: Inner;

  constructor(inner: Inner) {
    this.inner = inner;
  }

  add(item: T, opts?: AddOptions): AddOutcome {
    return this.inner.add(item, opts);
  }
  get(): Promise<T | undefined> {
    return this.inner.get();
  }
  done(item: T): void {
    this.inner.done(item);
  }
  len(): number {
    return this.inner.len();
  }
  inFlight(): number {
    return this.inner.inFlight();
  }
  isWaiting(item: T): boolean {
    return this.inner.isWaiting(item);
  }
  shuttingDown(): boolean {
    return this.inner.shuttingDown();
  }
  shutDown(): void {
    this.inner.shutDown();
  }
  shutDownWithDrain(timeoutMs?: number): Promise<boolean> {
    return this.inner.shutDownWithDrain(timeoutMs);
  }
}
