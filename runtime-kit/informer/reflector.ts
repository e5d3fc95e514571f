/**
 * The list/watch loop (client-go's reflector, our own code). It lists (paginated), then watches
 * from the list's resourceVersion with bookmarks and a jittered server-side timeout, and hands
 * every result to a `ReflectorSink`:
 *
 * | what happens                                   | next step                                             |
 * |------------------------------------------------|-------------------------------------------------------|
 * | list succeeds                                  | `sink.replace(items)`, watch from the list's version  |
 * | ADDED / MODIFIED / DELETED                     | `sink.apply(event)`, remember the object's version    |
 * | BOOKMARK                                       | remember its version (nothing else)                   |
 * | stream ends after a healthy session            | watch again at once from the last version             |
 * | 410 Gone (HTTP status or ERROR event)          | relist (at once; with backoff if 410s repeat quickly) |
 * | any other failure, or a session that was short | wait `backoff.next()` (or the server's Retry-After, if longer), then watch again (no relist) |
 * | list fails                                     | wait `backoff.next()`, then list again                |
 *
 * A session is healthy when it stayed open at least `healthyAfterMs` (or 90 % of its server
 * timeout); a healthy session resets the backoff. A client-side watchdog aborts a session that
 * outlives its server timeout by `watchdogSlackMs` (a half-open connection).
 */
import type { Clock, Timer } from '../clock.ts';
import { realClock } from '../clock.ts';
import { ApiError, isGone } from '../client/errors.ts';
import type { WatchEvent } from '../client/watch-stream.ts';
import type { Logger } from '../log/logger.ts';
import { nullLogger } from '../log/logger.ts';
import type { BackoffOptions } from './backoff.ts';
import { Backoff } from './backoff.ts';
import type { ListerWatcher } from './list-watch.ts';
import { listAll } from './list-watch.ts';
import type { KubeObject } from './object.ts';

/** Receives what the reflector learns. */
export interface ReflectorSink<T> {
  /** A fresh full list (initial or relist). */
  replace(items: readonly T[], resourceVersion: string): void;
  /** One ADDED / MODIFIED / DELETED event. */
  apply(event: WatchEvent<T>): void;
}

export interface ReflectorOptions {
  /** List page size. Default 500; 0 = unpaginated. */
  readonly pageSize?: number;
  /** Server-side watch timeout is random in [min, 2·min) seconds. Default 300 (5–10 min). */
  readonly minWatchTimeoutSeconds?: number;
  /** Reconnect backoff. Default 800 ms doubling to a 30 s cap, jittered. */
  readonly backoff?: BackoffOptions;
  /** A watch open this long counts as healthy and resets the backoff. Default 30 000 ms. */
  readonly healthyAfterMs?: number;
  /** Abort a watch this long after its server timeout should have ended it. Default 30 000 ms. */
  readonly watchdogSlackMs?: number;
  readonly clock?: Clock;
  /** Random source in [0, 1) (timeouts, backoff jitter). Default `Math.random`. */
  readonly random?: () => number;
  readonly logger?: Logger;
}

/** Counters for tests, metrics and debugging. */
export interface ReflectorStats {
  /** Full lists completed. */
  lists: number;
  /** List pages fetched. */
  pages: number;
  /** Watch requests opened. */
  watches: number;
  /** Relists caused by 410 Gone. */
  relistsAfterGone: number;
  /** BOOKMARK events seen. */
  bookmarks: number;
  /** Waits taken before reconnecting, in ms (the last 50). */
  readonly backoffs: number[];
}

export class Reflector<T extends KubeObject> {
  readonly #lw: ListerWatcher<T>;
  readonly #sink: ReflectorSink<T>;
  readonly #pageSize: number;
  readonly #minTimeout: number;
  readonly #healthyAfterMs: number;
  readonly #slackMs: number;
  readonly #clock: Clock;
  readonly #random: () => number;
  readonly #log: Logger;
  readonly #backoff: Backoff;
  readonly #stop = new AbortController();
  #resourceVersion = '';
  #lastGoneAt = Number.NEGATIVE_INFINITY;
  readonly stats: ReflectorStats = { lists: 0, pages: 0, watches: 0, relistsAfterGone: 0, bookmarks: 0, backoffs: [] };

  constructor(lw: ListerWatcher<T>, sink: ReflectorSink<T>, opts: ReflectorOptions = {}) {
    this.#lw = lw;
    this.#sink = sink;
    this.#pageSize = opts.pageSize ?? 500;
    this.#minTimeout = opts.minWatchTimeoutSeconds ?? 300;
    this.#healthyAfterMs = opts.healthyAfterMs ?? 30_000;
    this.#slackMs = opts.watchdogSlackMs ?? 30_000;
    this.#clock = opts.clock ?? realClock;
    this.#random = opts.random ?? Math.random;
    this.#log = opts.logger ?? nullLogger;
    this.#backoff = new Backoff({ random: this.#random, ...opts.backoff });
  }

  /** The last resourceVersion seen (list, event or bookmark). */
  get resourceVersion(): string {
    return this.#resourceVersion;
  }

  /** Runs until `stop()`; never rejects. */
  async run(): Promise<void> {
    let needList = true;
    while (!this.#stop.signal.aborted) {
      let wait: number;
      try {
        if (needList) await this.#list();
        needList = false;
        wait = await this.#watch();
      } catch (err) {
        if (this.#stop.signal.aborted) break;
        needList ||= isGone(err);
        wait = isGone(err) ? this.#afterGone() : this.#note(Math.max(this.#backoff.next(), retryAfter(err)));
        this.#log.info(isGone(err) ? 'watch expired (410), relisting' : 'list/watch failed, retrying', { err, waitMs: wait, resourceVersion: this.#resourceVersion });
      }
      if (wait > 0) await this.#sleep(wait);
    }
  }

  /** Ends the loop and aborts the open request. */
  stop(): void {
    this.#stop.abort();
  }

  async #list(): Promise<void> {
    const full = await listAll(this.#lw, this.#pageSize);
    if (this.#stop.signal.aborted) return;
    this.stats.lists++;
    this.stats.pages += full.pages;
    this.#resourceVersion = full.resourceVersion;
    this.#sink.replace(full.items, full.resourceVersion);
  }

  /** One watch session; returns the wait before the next one (0 after a healthy session). */
  async #watch(): Promise<number> {
    const timeoutSeconds = Math.floor(this.#minTimeout * (1 + this.#random()));
    const session = new AbortController();
    const signal = AbortSignal.any([this.#stop.signal, session.signal]);
    const watchdog = this.#clock.after(timeoutSeconds * 1000 + this.#slackMs, () => session.abort());
    const started = this.#clock.now();
    this.stats.watches++;
    try {
      for await (const ev of this.#lw.watch({ resourceVersion: this.#resourceVersion, timeoutSeconds }, signal)) {
        if (signal.aborted) break;
        this.#event(ev);
      }
    } catch (err) {
      if (this.#clock.now() - started >= this.#healthyAfterMs) this.#backoff.reset();
      throw err;
    } finally {
      watchdog.cancel();
    }
    const healthy = this.#clock.now() - started >= Math.min(this.#healthyAfterMs, timeoutSeconds * 900);
    if (!healthy) return this.#note(this.#backoff.next());
    this.#backoff.reset();
    return 0;
  }

  #event(ev: WatchEvent<T>): void {
    const rv = ev.object.metadata?.resourceVersion;
    if (ev.type === 'BOOKMARK') this.stats.bookmarks++;
    else this.#sink.apply(ev);
    if (rv !== undefined && rv !== '') this.#resourceVersion = rv;
  }

  /** 410: relist at once, unless the previous 410 was recent (then back off). */
  #afterGone(): number {
    this.stats.relistsAfterGone++;
    const now = this.#clock.now();
    const recent = now - this.#lastGoneAt < this.#healthyAfterMs;
    this.#lastGoneAt = now;
    return recent ? this.#note(this.#backoff.next()) : 0;
  }

  #note(ms: number): number {
    this.stats.backoffs.push(ms);
    if (this.stats.backoffs.length > 50) this.stats.backoffs.shift();
    return ms;
  }

  #sleep(ms: number): Promise<void> {
    const signal = this.#stop.signal;
    return new Promise((resolve) => {
      let timer: Timer | undefined;
      const done = (): void => {
        timer?.cancel();
        signal.removeEventListener('abort', done);
        resolve();
      };
      if (signal.aborted) return resolve();
      signal.addEventListener('abort', done);
      timer = this.#clock.after(ms, done);
    });
  }
}

/** The server's `Retry-After` (e.g. on 429), in ms; 0 when none. */
function retryAfter(err: unknown): number {
  return err instanceof ApiError && err.retryAfterMs !== undefined ? err.retryAfterMs : 0;
}
