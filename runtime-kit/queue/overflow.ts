/**
 * What a full queue refused is parked here and offered again, oldest first, as soon as the queue
 * has room. A `maxDepth` refusal is counted and logged by the queue observer; parking makes sure
 * the refused key is not left to the informer's resync alone: a resync re-delivers every cached
 * object in the same order, so under steady pressure the same first keys took the free slots on
 * every resync and the later ones starved (found by the 120-CR burst with maxDepth 20).
 * The parked set is deduplicated, so it never holds more keys than there are objects.
 */
import type { AddOutcome, Queue } from './fifo.ts';

export class OverflowParking<T> {
  readonly #queue: Pick<Queue<T>, 'add' | 'len' | 'shuttingDown'>;
  readonly #maxDepth: number;
  readonly #parked = new Set<T>();

  /** `maxDepth` as given to the queue (0 = unlimited: nothing is ever parked). */
  constructor(queue: Pick<Queue<T>, 'add' | 'len' | 'shuttingDown'>, maxDepth: number) {
    this.#queue = queue;
    this.#maxDepth = Math.max(0, maxDepth);
  }

  /** Keys waiting for room. */
  get size(): number {
    return this.#parked.size;
  }

  /**
   * Offers `key`: parked keys go first; a key the queue refuses (counted by its observer) is
   * parked; a key already parked stays where it is ('refused', not counted again).
   */
  offer(key: T): AddOutcome {
    this.readmit();
    if (this.#parked.has(key)) return 'refused';
    const outcome = this.#queue.add(key); // parked keys left means the queue is full: refused
    if (outcome === 'refused') this.#parked.add(key);
    return outcome;
  }

  /** Moves parked keys into the queue, oldest first, while it has room. Call when a key left the queue. */
  readmit(): void {
    if (this.#queue.shuttingDown()) {
      this.#parked.clear();
      return;
    }
    for (const key of this.#parked) {
      if (this.#maxDepth > 0 && this.#queue.len() >= this.#maxDepth) return;
      if (this.#queue.add(key) === 'refused') return;
      this.#parked.delete(key);
    }
  }
}
