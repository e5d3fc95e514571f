/**
 * Per-CRD health record (Orkestra's `vitals` CRD health): a small state machine the operator
 * updates after every reconcile and the server reads.
 *
 * | state         | entered by                                         | HTTP |
 * |---------------|----------------------------------------------------|------|
 * | `not started` | initially; `markStopped()`                         | 503  |
 * | `pending`     | `markStarted()` (workers running, no success yet); | 200  |
 * |               | `markStandby()` (a follower: not the leader)       |      |
 * | `healthy`     | `recordSuccess()` (resets consecutiveFails, gated) | 200  |
 * | `degraded`    | consecutiveFails ≥ failureThreshold; `markDegraded` | 503  |
 * | `gated`       | `recordGated()` (reconcileGate refused a key)      | 200  |
 *
 * `errorRate` = failed / total reconciles (0 before the first).
 */
import type { Clock } from '../clock.ts';
import { realClock } from '../clock.ts';

export type CrdState = 'not started' | 'pending' | 'healthy' | 'degraded' | 'gated';

/** A point-in-time copy of one CRD's health. Times are epoch ms. */
export interface HealthSnapshot {
  readonly state: CrdState;
  readonly started: boolean;
  readonly startedAt: number | undefined;
  readonly consecutiveFails: number;
  readonly failureThreshold: number;
  readonly totalReconciles: number;
  readonly failedReconciles: number;
  readonly errorRate: number;
  readonly lastError: string | undefined;
  readonly lastReconcile: number | undefined;
  readonly degradedReason: string | undefined;
  readonly gated: boolean;
}

/** Default consecutive failures before `degraded` (Orkestra's documented default). */
export const DEFAULT_FAILURE_THRESHOLD = 5;

/** Longest `lastError` kept, in characters. */
export const MAX_ERROR_LENGTH = 1024;

/** True when the state answers 200 on health routes. */
export function isServing(state: CrdState): boolean {
  return state === 'pending' || state === 'healthy' || state === 'gated';
}

/** Mutable health of one CRD. */
export class CrdHealth {
  readonly #clock: Clock;
  #failureThreshold: number;
  #startedAt: number | undefined;
  #succeeded = false;
  #consecutiveFails = 0;
  #total = 0;
  #failed = 0;
  #lastError: string | undefined;
  #lastReconcile: number | undefined;
  #degradedReason: string | undefined;
  #gated = false;
  #standby = false;

  /** `failureThreshold` ≤ 0 means the default, 5. */
  constructor(opts: { failureThreshold?: number; clock?: Clock } = {}) {
    this.#clock = opts.clock ?? realClock;
    this.#failureThreshold = normalizeThreshold(opts.failureThreshold);
  }

  /** Workers started: `pending` until the first success. Clears a previous degraded reason. */
  markStarted(): void {
    this.#startedAt = this.#clock.now();
    this.#standby = false;
    this.#degradedReason = undefined;
  }

  /** Workers stopped (shutdown, lost leadership, CRD deactivated). */
  markStopped(): void {
    this.#startedAt = undefined;
    this.#succeeded = false;
    this.#standby = false;
  }

  /** Not the leader: workers not running, reported as `pending` (Orkestra's follower view). */
  markStandby(): void {
    this.markStopped();
    this.#standby = true;
  }

  /** Forces `degraded` with a reason (e.g. "CRD missing at runtime") until started again. */
  markDegraded(reason: string): void {
    this.#degradedReason = reason;
  }

  recordSuccess(): void {
    this.#total++;
    this.#succeeded = true;
    this.#consecutiveFails = 0;
    this.#gated = false;
    this.#degradedReason = undefined;
    this.#lastReconcile = this.#clock.now();
  }

  /** Counts a failure; `threshold` overrides the configured one (≤ 0 → default 5). */
  recordFailure(err: unknown, threshold?: number): void {
    if (threshold !== undefined) this.#failureThreshold = normalizeThreshold(threshold);
    this.#total++;
    this.#failed++;
    this.#consecutiveFails++;
    this.#lastError = truncate(err instanceof Error ? err.message : String(err));
    this.#lastReconcile = this.#clock.now();
  }

  /** A key was discarded by the reconcile gate: no error, state `gated`. */
  recordGated(): void {
    this.#gated = true;
  }

  state(): CrdState {
    if (this.#degradedReason !== undefined) return 'degraded';
    if (this.#startedAt === undefined) return this.#standby ? 'pending' : 'not started';
    if (this.#consecutiveFails >= this.#failureThreshold) return 'degraded';
    if (this.#gated) return 'gated';
    return this.#succeeded ? 'healthy' : 'pending';
  }

  snapshot(): HealthSnapshot {
    const state = this.state();
    return {
      state,
      started: this.#startedAt !== undefined,
      startedAt: this.#startedAt,
      consecutiveFails: this.#consecutiveFails,
      failureThreshold: this.#failureThreshold,
      totalReconciles: this.#total,
      failedReconciles: this.#failed,
      errorRate: this.#total === 0 ? 0 : this.#failed / this.#total,
      lastError: this.#lastError,
      lastReconcile: this.#lastReconcile,
      degradedReason: state !== 'degraded' ? undefined : (this.#degradedReason ?? `${this.#consecutiveFails} consecutive reconcile failures`),
      gated: this.#gated,
    };
  }
}

function normalizeThreshold(t: number | undefined): number {
  return t === undefined || t <= 0 ? DEFAULT_FAILURE_THRESHOLD : Math.floor(t);
}

function truncate(s: string): string {
  return s.length <= MAX_ERROR_LENGTH ? s : s.slice(0, MAX_ERROR_LENGTH - 3) + '...';
}
