/**
 * The delaying layer: `addAfter(key, ms)` holds a key in a timer heap on the injected clock and
 * adds it to the inner queue when due (after client-go's delaying queue, without its goroutine:
 * one clock timer is armed for the earliest entry).
 *
 * A key is held once: a second `addAfter` keeps the earlier due time. A key already waiting in the
 * inner queue is not held at all (it will be processed anyway). Due keys are added with
 * `force`, so `maxDepth` never discards a requeue or a retry.
 */
import type { Clock, Timer } from '../clock.ts';
import { realClock } from '../clock.ts';
import type { Queue } from './fifo.ts';
import { ForwardingQueue } from './forwarding.ts';
import { MinHeap } from './heap.ts';

/** A queue that can also add a key later. */
export interface DelayingQueue<T> extends Queue<T> {
  /** Adds `item` after `ms` milliseconds; `ms <= 0` adds now. Ignored while shutting down. */
  addAfter(item: T, ms: number): void;
  /** Keys held for a later add. */
  delayed(): number;
}

interface Entry<T> {
  readonly item: T;
  due: number;
  seq: number;
}

/** Wraps `inner` with a timer heap on `clock` (default the real clock). */
export class DelayingWorkQueue<T> extends ForwardingQueue<T, Queue<T>> implements DelayingQueue<T> {
  readonly #clock: Clock;
  readonly #entries = new Map<T, Entry<T>>();
  readonly #heap = new MinHeap<Entry<T>>((a, b) => a.due < b.due || (a.due === b.due && a.seq < b.seq));
  #seq = 0;
  #timer: { readonly due: number; readonly handle: Timer } | undefined;

  constructor(inner: Queue<T>, clock: Clock = realClock) {
    super(inner);
    this.#clock = clock;
  }

  addAfter(item: T, ms: number): void {
    if (this.inner.shuttingDown()) return;
    if (ms <= 0) {
      this.inner.add(item, { force: true });
      return;
    }
    if (this.inner.isWaiting(item)) return;
    const due = this.#clock.now() + ms;
    const existing = this.#entries.get(item);
    if (existing === undefined) {
      const entry = { item, due, seq: this.#seq++ };
      this.#entries.set(item, entry);
      this.#heap.push(entry);
    } else if (due < existing.due) {
      existing.due = due;
      existing.seq = this.#seq++;
      this.#heap.update(existing);
    }
    this.#arm();
  }

  delayed(): number {
    return this.#entries.size;
  }

  override shutDown(): void {
    this.#stop();
    super.shutDown();
  }

  override shutDownWithDrain(timeoutMs?: number): Promise<boolean> {
    this.#stop();
    return super.shutDownWithDrain(timeoutMs);
  }

  #stop(): void {
    this.#timer?.handle.cancel();
    this.#timer = undefined;
    this.#heap.clear();
    this.#entries.clear();
  }

  /** Keeps exactly one clock timer armed for the earliest entry. */
  #arm(): void {
    const next = this.#heap.peek();
    if (next === undefined || this.#timer?.due === next.due) return;
    this.#timer?.handle.cancel();
    const handle = this.#clock.after(next.due - this.#clock.now(), () => this.#fire());
    this.#timer = { due: next.due, handle };
  }

  #fire(): void {
    this.#timer = undefined;
    const now = this.#clock.now();
    for (let e = this.#heap.peek(); e !== undefined && e.due <= now; e = this.#heap.peek()) {
      this.#heap.pop();
      this.#entries.delete(e.item);
      this.inner.add(e.item, { force: true });
    }
    this.#arm();
  }
}
