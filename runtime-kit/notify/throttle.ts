/**
 * Per-key notification throttle (Orkestra's `LastSent`): a key may fire once per team interval.
 * Key: `<katalogName>|<field>|<operator>|<value>|<teamName>`, plus `|<namespace/name>` when the
 * key names a CR (ork throttles per CR; Orkestra's key has no CR, so one CR's alert silenced
 * every other CR's for the interval).
 */
import type { Clock } from '../clock.ts';
import { realClock } from '../clock.ts';

/** The parts of a throttle key. */
export interface ThrottleKey {
  readonly katalogName: string;
  readonly field: string;
  readonly operator: string;
  readonly value: string;
  readonly teamName: string;
  /** The CR (`namespace/name`) the key is about; omitted = Orkestra's CR-less key. */
  readonly cr?: string;
}

/** The `LastSent` key string for `k`. */
export function throttleKey(k: ThrottleKey): string {
  const base = `${k.katalogName}|${k.field}|${k.operator}|${k.value}|${k.teamName}`;
  return k.cr === undefined ? base : `${base}|${k.cr}`;
}

/** Remembers when each key last fired; bounded to `maxKeys` (least recently fired evicted). */
export class NotifyThrottle {
  readonly #lastSent = new Map<string, number>();
  readonly #clock: Clock;
  readonly #maxKeys: number;

  /** Defaults: real clock, 10 000 keys. */
  constructor(opts: { clock?: Clock; maxKeys?: number } = {}) {
    this.#clock = opts.clock ?? realClock;
    this.#maxKeys = opts.maxKeys ?? 10_000;
  }

  /**
   * True (and records now) when `key` has not fired within `intervalMs`; false when throttled.
   * `intervalMs <= 0` never throttles.
   */
  allow(key: ThrottleKey, intervalMs: number): boolean {
    const k = throttleKey(key);
    const now = this.#clock.now();
    const last = this.#lastSent.get(k);
    if (intervalMs > 0 && last !== undefined && now - last < intervalMs) return false;
    this.#lastSent.delete(k);
    this.#lastSent.set(k, now);
    if (this.#lastSent.size > this.#maxKeys) this.#lastSent.delete(this.#lastSent.keys().next().value as string);
    return true;
  }

  /** When `key` last fired (epoch ms), if it did. */
  lastSent(key: ThrottleKey): number | undefined {
    return this.#lastSent.get(throttleKey(key));
  }
}
