/**
 * Event handlers registered on an informer, and their dispatch. A handler that throws is logged
 * and does not stop the others (handlers should only enqueue keys).
 */
import type { Logger } from '../log/logger.ts';

/** What an informer tells its consumers. Every callback is optional. */
export interface EventHandler<T> {
  /** A new object; `isInitialList` is true for objects of the first list (or existing ones when registering late). */
  onAdd?(obj: T, isInitialList: boolean): void;
  /** A changed object, or the same object re-delivered by a periodic resync (`oldObj === newObj`). */
  onUpdate?(oldObj: T, newObj: T): void;
  /**
   * A deleted object. `finalStateUnknown` is true when the deletion was found by a relist (the
   * watch missed it): `obj` is then the last state the cache held.
   */
  onDelete?(obj: T, finalStateUnknown: boolean): void;
}

/** Returned by `addEventHandler`; `remove()` stops deliveries to that handler. */
export interface HandlerRegistration {
  remove(): void;
}

export class HandlerSet<T> {
  readonly #handlers = new Set<EventHandler<T>>();
  readonly #log: Logger;

  constructor(log: Logger) {
    this.#log = log;
  }

  get size(): number {
    return this.#handlers.size;
  }

  add(h: EventHandler<T>): HandlerRegistration {
    this.#handlers.add(h);
    return { remove: () => void this.#handlers.delete(h) };
  }

  added(obj: T, initial: boolean): void {
    for (const h of this.#handlers) this.#call('add', () => h.onAdd?.(obj, initial));
  }

  updated(oldObj: T, newObj: T): void {
    for (const h of this.#handlers) this.#call('update', () => h.onUpdate?.(oldObj, newObj));
  }

  deleted(obj: T, finalStateUnknown: boolean): void {
    for (const h of this.#handlers) this.#call('delete', () => h.onDelete?.(obj, finalStateUnknown));
  }

  #call(what: string, fn: () => void): void {
    try {
      fn();
    } catch (err) {
      this.#log.error('informer event handler failed', { event: what, err });
    }
  }
}
