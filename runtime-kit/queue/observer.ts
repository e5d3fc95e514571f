/**
 * What the queue layers report, so metrics and logs stay outside the queue logic.
 * Every hook is optional; `queueInstruments` (instrument.ts) wires them to metrics and the logger.
 */
export interface QueueObserver<T> {
  /** A key was accepted as new work (not a duplicate). */
  added?(item: T): void;
  /** Keys waiting changed; `n` is the new depth. */
  depth?(n: number): void;
  /** `add` refused a new key because `maxDepth` keys were already waiting. */
  refused?(item: T, depth: number, maxDepth: number): void;
  /** A rate-limited re-add (a retry after an error) was scheduled. */
  retried?(item: T, attempt: number, delayMs: number): void;
  /** `maxAttempts` was reached: the key was forgotten instead of retried. */
  gaveUp?(item: T, attempts: number): void;
}
