/**
 * Edge detection for notifications: which (condition, team) pairs of a CR hold now but did not
 * hold at the previous reconcile of that CR. A condition that keeps holding is reported once,
 * when it starts to hold; after it stops holding, the next time it holds is a new transition.
 * State is per process (a restarted or newly elected operator reports what holds once more).
 */
import type { FiredNotification } from './fired.ts';

/** Remembers, per CR key, the pairs that held last time; bounded to `maxCrs` CRs (oldest evicted). */
export class NotifyTransitions {
  readonly #held = new Map<string, ReadonlySet<string>>();
  readonly #maxCrs: number;

  /** Default bound: 10 000 CRs. */
  constructor(opts: { maxCrs?: number } = {}) {
    this.#maxCrs = Math.max(1, opts.maxCrs ?? 10_000);
  }

  /** The notifications of `fired` that are new for `crKey`; `fired` becomes the CR's held set. */
  rising(crKey: string, fired: readonly FiredNotification[]): FiredNotification[] {
    const before = this.#held.get(crKey);
    const now = new Set(fired.map(pairOf));
    this.#held.delete(crKey);
    if (now.size > 0) {
      this.#held.set(crKey, now);
      if (this.#held.size > this.#maxCrs) this.#held.delete(this.#held.keys().next().value as string);
    }
    return fired.filter((f) => !(before?.has(pairOf(f)) ?? false));
  }

  /** Forgets a CR (deleted): its next appearance starts from nothing held. */
  forget(crKey: string): void {
    this.#held.delete(crKey);
  }

  /** CRs with at least one held pair. */
  size(): number {
    return this.#held.size;
  }
}

function pairOf(f: FiredNotification): string {
  return `${f.condKey}\u0000${f.team}`;
}
