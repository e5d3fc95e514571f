/**
 * Injected time. Every runtime-kit module that waits or stamps time takes a `Clock`, so tests step
 * a `FakeClock` instead of sleeping. Milliseconds throughout.
 */

/** A scheduled callback; `cancel()` is idempotent and safe after it fired. */
export interface Timer {
  cancel(): void;
}

/** The time source: wall-clock milliseconds and one-shot timers. */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** Runs `fn` once after `ms` milliseconds (negative counts as 0). */
  after(ms: number, fn: () => void): Timer;
}

/**
 * The real clock: `Date.now()` and `setTimeout`. Timers are `unref`'d, so a pending delay
 * (a requeue, a retry backoff) never keeps the process alive on its own.
 */
export const realClock: Clock = {
  now: () => Date.now(),
  after(ms: number, fn: () => void): Timer {
    const handle = setTimeout(fn, Math.max(0, ms));
    handle.unref();
    return { cancel: () => clearTimeout(handle) };
  },
};

/** Resolves after `ms` on `clock`. */
export function sleep(clock: Clock, ms: number): Promise<void> {
  return new Promise((resolve) => {
    clock.after(ms, resolve);
  });
}

interface FakeTimer {
  readonly due: number;
  readonly seq: number;
  readonly fn: () => void;
  cancelled: boolean;
}

/**
 * A manual clock for tests: time moves only through `advance(ms)`, which fires every timer due
 * within the window in due-time order (ties in scheduling order), setting `now()` to each timer's
 * due time as it fires. Timers scheduled by a firing callback fire too if they fall in the window.
 */
export class FakeClock implements Clock {
  #now: number;
  #seq = 0;
  #timers: FakeTimer[] = [];

  /** Starts at `start` ms since the epoch (default 2026-01-01T00:00:00Z). */
  constructor(start = Date.UTC(2026, 0, 1)) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  after(ms: number, fn: () => void): Timer {
    const timer: FakeTimer = { due: this.#now + Math.max(0, ms), seq: this.#seq++, fn, cancelled: false };
    this.#timers.push(timer);
    return { cancel: () => void (timer.cancelled = true) };
  }

  /** Number of timers scheduled and not yet fired or cancelled. */
  pending(): number {
    return this.#timers.filter((t) => !t.cancelled).length;
  }

  /** Due time of the next live timer, or undefined. */
  nextDue(): number | undefined {
    return this.#next()?.due;
  }

  /** Moves time forward by `ms`, firing due timers in order. */
  advance(ms: number): void {
    const end = this.#now + ms;
    for (let t = this.#next(); t !== undefined && t.due <= end; t = this.#next()) {
      this.#timers.splice(this.#timers.indexOf(t), 1);
      this.#now = Math.max(this.#now, t.due);
      t.fn();
    }
    this.#now = end;
  }

  #next(): FakeTimer | undefined {
    this.#timers = this.#timers.filter((t) => !t.cancelled);
    let best: FakeTimer | undefined;
    for (const t of this.#timers) {
      if (best === undefined || t.due < best.due || (t.due === best.due && t.seq < best.seq)) best = t;
    }
    return best;
  }
}
