/**
 * Leader election on a Lease (client-go's leaderelection, our own code), on the injected clock.
 *
 * | phase      | every                          | does                                                              |
 * |------------|--------------------------------|-------------------------------------------------------------------|
 * | standby    | retry period (+0–20 % jitter)  | read the Lease; take it when absent, released (no holder) or expired |
 * | leading    | retry period                   | renew `renewTime` (PUT with the resourceVersion read; 409 → re-read) |
 * | lost       | —                              | another holder seen, or no renew succeeded within the renew deadline: |
 * |            |                                | the leading signal aborts at once, then `onStoppedLeading()`      |
 * | stop()     | —                              | the signal aborts at once; a leader then releases the Lease (no holder, 1 s duration) |
 *
 * "Expired" is judged on the local clock: a record is expired `leaseDurationSeconds` after this
 * process first observed it unchanged, so clock skew between nodes does not matter.
 * A `LeaderElector` runs one term: `run()` resolves once leadership ended (lost or stopped);
 * create a new one to stand again.
 */
import type { Clock, Timer } from '../clock.ts';
import { realClock } from '../clock.ts';
import { isConflict } from '../client/errors.ts';
import type { Logger } from '../log/logger.ts';
import { nullLogger } from '../log/logger.ts';
import { defaultIdentity } from './identity.ts';
import type { Lease, LeaseSpec, LeaseStore } from './lease.ts';
import { microTime } from './lease.ts';

/** What the elector tells the operator. */
export interface LeaderCallbacks {
  /** Leadership acquired: run the workers until `signal` aborts (lost or stopping). May return a promise (not awaited). */
  onStartedLeading(signal: AbortSignal): void | Promise<void>;
  /** Leadership ended (called once, after the signal aborted). */
  onStoppedLeading?(): void;
  /** The observed holder changed (also to this process). */
  onNewLeader?(identity: string): void;
}

export interface LeaderElectorOptions {
  readonly store: LeaseStore;
  readonly callbacks: LeaderCallbacks;
  /** Default `defaultIdentity()` (pod name or hostname + random suffix). */
  readonly identity?: string;
  /** How long a holder's claim lasts without renewal. Default 15 000 ms. */
  readonly leaseDurationMs?: number;
  /** A leader that could not renew for this long steps down. Default 10 000 ms. */
  readonly renewDeadlineMs?: number;
  /** Time between attempts. Default 2 000 ms. */
  readonly retryPeriodMs?: number;
  /**
   * Time between a standby's attempts (a GET of the Lease while someone else holds it), plus
   * 0–20 % jitter. Default `retryPeriodMs`. Shorter means a released Lease is taken over sooner.
   */
  readonly standbyRetryMs?: number;
  /** Release the Lease on `stop()` so a standby takes over at once. Default true. */
  readonly releaseOnStop?: boolean;
  /**
   * After losing the Lease (renew deadline passed, or taken), stand for election again instead
   * of ending `run()`: a replica cut off from the API server for longer than the renew deadline
   * leads again once it is back (if no one else took over). Default false (`run()` is one term).
   */
  readonly reelect?: boolean;
  readonly clock?: Clock;
  /** Random source in [0, 1) for the standby's jitter. Default `Math.random`. */
  readonly random?: () => number;
  readonly logger?: Logger;
}

type Attempt = 'leading' | 'held' | 'failed';

export class LeaderElector {
  readonly identity: string;
  readonly #store: LeaseStore;
  readonly #cb: LeaderCallbacks;
  readonly #leaseMs: number;
  readonly #renewDeadlineMs: number;
  readonly #retryMs: number;
  readonly #standbyMs: number;
  readonly #release: boolean;
  readonly #reelect: boolean;
  readonly #clock: Clock;
  readonly #random: () => number;
  readonly #log: Logger;
  readonly #stop = new AbortController();
  #leading: AbortController | undefined;
  #deadline: Timer | undefined;
  #observed: { key: string; at: number; lease: Lease } | undefined;
  #leader = '';
  #run: Promise<void> | undefined;
  #wake: (() => void) | undefined;

  constructor(opts: LeaderElectorOptions) {
    this.identity = opts.identity ?? defaultIdentity();
    this.#store = opts.store;
    this.#cb = opts.callbacks;
    this.#leaseMs = opts.leaseDurationMs ?? 15_000;
    this.#renewDeadlineMs = opts.renewDeadlineMs ?? 10_000;
    this.#retryMs = opts.retryPeriodMs ?? 2_000;
    this.#standbyMs = opts.standbyRetryMs ?? this.#retryMs;
    this.#release = opts.releaseOnStop ?? true;
    this.#reelect = opts.reelect ?? false;
    this.#clock = opts.clock ?? realClock;
    this.#random = opts.random ?? Math.random;
    this.#log = (opts.logger ?? nullLogger).child({ lease: opts.store.description, identity: this.identity });
    if (!(this.#leaseMs > this.#renewDeadlineMs && this.#renewDeadlineMs > this.#retryMs * 1.2 && this.#retryMs > 0 && this.#standbyMs > 0)) {
      throw new Error(`leader election needs leaseDuration > renewDeadline > 1.2 × retryPeriod > 0 (got ${this.#leaseMs}/${this.#renewDeadlineMs}/${this.#retryMs} ms)`);
    }
  }

  /** True while this process leads. */
  isLeader(): boolean {
    return this.#leading !== undefined && !this.#leading.signal.aborted;
  }

  /** The holder last observed ('' when none). */
  get leader(): string {
    return this.#leader;
  }

  /** Stands for election, leads until the lease is lost or `stop()`; resolves when the term is over (with `reelect`: on `stop()`). */
  run(): Promise<void> {
    this.#run ??= this.#term();
    return this.#run;
  }

  /**
   * Stops: the leading signal aborts at once and `onStoppedLeading` runs; then a leader releases
   * the Lease (unless `releaseOnStop` is false). Resolves when done.
   */
  async stop(): Promise<void> {
    this.#stop.abort();
    this.#wake?.();
    this.#endLeading('stopping');
    await this.#run;
    // Also covers a claim that landed while stopping (the term then never started leading).
    if (this.#release && this.#leader === this.identity) await this.#releaseLease();
  }

  async #term(): Promise<void> {
    do {
      while (!this.#stop.signal.aborted) {
        if ((await this.#attempt()) === 'leading') break;
        await this.#sleep(this.#standbyMs * (1 + 0.2 * this.#random()));
      }
      if (this.#stop.signal.aborted) return;
      this.#startLeading();
      while (this.isLeader()) {
        await this.#sleep(this.#retryMs);
        if (!this.isLeader()) break;
        const r = await this.#attempt();
        if (r === 'leading' && this.isLeader()) this.#armDeadline();
        else if (r === 'held' && this.isLeader()) this.#endLeading(`lease taken by ${this.#leader}`);
      }
      if (this.#reelect && !this.#stop.signal.aborted) this.#log.info('standing for election again', {});
    } while (this.#reelect && !this.#stop.signal.aborted);
  }

  #startLeading(): void {
    const ac = new AbortController();
    this.#leading = ac;
    this.#armDeadline();
    this.#log.info('started leading');
    try {
      const p = this.#cb.onStartedLeading(ac.signal);
      if (p instanceof Promise) p.catch((err: unknown) => this.#log.error('onStartedLeading failed', { err }));
    } catch (err) {
      this.#log.error('onStartedLeading failed', { err });
    }
  }

  /** Aborts the leading signal (at once) and calls onStoppedLeading, once. */
  #endLeading(reason: string): void {
    const ac = this.#leading;
    if (ac === undefined || ac.signal.aborted) return;
    this.#deadline?.cancel();
    ac.abort(new Error(reason));
    this.#wake?.();
    this.#log.info('stopped leading', { reason });
    try {
      this.#cb.onStoppedLeading?.();
    } catch (err) {
      this.#log.error('onStoppedLeading failed', { err });
    }
  }

  #armDeadline(): void {
    this.#deadline?.cancel();
    this.#deadline = this.#clock.after(this.#renewDeadlineMs, () => this.#endLeading(`no renewal within ${this.#renewDeadlineMs} ms`));
  }

  /** One read-then-write: acquire when free or expired, renew when ours. */
  async #attempt(): Promise<Attempt> {
    try {
      const lease = await this.#store.get();
      if (this.#stop.signal.aborted) return 'failed';
      if (lease === undefined) return this.#wrote(await this.#store.create(this.#claim(undefined)));
      this.#observe(lease);
      const holder = lease.spec?.holderIdentity ?? '';
      if (holder !== '' && holder !== this.identity && !this.#expired(lease)) return 'held';
      if (holder !== this.identity && this.isLeader()) return 'held';
      return this.#wrote(await this.#store.update({ ...lease, spec: this.#claim(lease) }));
    } catch (err) {
      this.#log.debug(isConflict(err) ? 'lease changed meanwhile, re-reading' : 'lease attempt failed', { err });
      return 'failed';
    }
  }

  #wrote(lease: Lease): Attempt {
    this.#observe(lease);
    return 'leading';
  }

  /** The spec to write: a renewal keeps acquireTime/transitions; a takeover resets them. */
  #claim(current: Lease | undefined): LeaseSpec {
    const now = microTime(this.#clock.now());
    const spec = current?.spec ?? {};
    const renewing = spec.holderIdentity === this.identity && this.isLeader();
    return {
      holderIdentity: this.identity,
      leaseDurationSeconds: Math.ceil(this.#leaseMs / 1000),
      acquireTime: renewing ? (spec.acquireTime ?? now) : now,
      renewTime: now,
      leaseTransitions: current === undefined ? 0 : (spec.leaseTransitions ?? 0) + (renewing ? 0 : 1),
    };
  }

  /** Remembers when the record last changed (local clock); reports a new holder. */
  #observe(lease: Lease): void {
    const s = lease.spec ?? {};
    const key = JSON.stringify([s.holderIdentity, s.renewTime, s.acquireTime, s.leaseDurationSeconds, s.leaseTransitions]);
    if (this.#observed?.key !== key) this.#observed = { key, at: this.#clock.now(), lease };
    else this.#observed.lease = lease;
    const holder = s.holderIdentity ?? '';
    if (holder !== this.#leader) {
      this.#leader = holder;
      if (holder !== '') this.#newLeader(holder);
    }
  }

  #newLeader(holder: string): void {
    this.#log.info('new leader observed', { leader: holder });
    try {
      this.#cb.onNewLeader?.(holder);
    } catch (err) {
      this.#log.error('onNewLeader failed', { err });
    }
  }

  #expired(lease: Lease): boolean {
    const seconds = lease.spec?.leaseDurationSeconds ?? Math.ceil(this.#leaseMs / 1000);
    return (this.#observed?.at ?? this.#clock.now()) + seconds * 1000 <= this.#clock.now();
  }

  /** Writes "no holder, 1 s" over our record so a standby can take over at once. */
  async #releaseLease(): Promise<void> {
    for (let i = 0; i < 3; i++) {
      try {
        const lease = i === 0 && this.#observed !== undefined ? this.#observed.lease : await this.#store.get();
        if (lease === undefined || lease.spec?.holderIdentity !== this.identity) return;
        const now = microTime(this.#clock.now());
        const spec: LeaseSpec = { ...lease.spec, holderIdentity: '', leaseDurationSeconds: 1, renewTime: now, acquireTime: now };
        await this.#store.update({ ...lease, spec });
        this.#log.info('lease released');
        return;
      } catch (err) {
        if (!isConflict(err)) {
          this.#log.warn('lease release failed', { err });
          return;
        }
      }
    }
  }

  /** Waits `ms`, or less when stopped or leadership ended. */
  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = this.#clock.after(ms, () => done());
      const done = (): void => {
        timer.cancel();
        this.#wake = undefined;
        resolve();
      };
      this.#wake = done;
    });
  }
}
