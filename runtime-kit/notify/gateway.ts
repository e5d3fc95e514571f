/**
 * The Gateway notifier: the runtime's only outbound HTTP besides the API server.
 *
 * - `POST <endpoint>/notify` with the §4.8 JSON body; success is a status below 300.
 * - Up to `attempts` tries (default 3), retrying on a transport error, a timeout (default 5 s
 *   each) or a status ≥ 300, waiting `backoffMs` then twice that (default 250 ms, 500 ms).
 * - Never blocks the caller: `notify()` only enqueues into a bounded in-memory queue (default
 *   100); one background loop sends in order. When the queue is full the new notification is
 *   dropped, counted (`ork_notifications_total{result="dropped"}`) and logged.
 * - Without an endpoint the notifier is disabled and sends nothing.
 * - An optional per-key throttle (`NotifyThrottle`) drops repeats within the team interval.
 */
import type { Clock } from '../clock.ts';
import { realClock, sleep } from '../clock.ts';
import type { Logger } from '../log/logger.ts';
import { nullLogger } from '../log/logger.ts';
import type { NotifyResult } from '../metrics/operator-metrics.ts';
import type { Notification, NotifyPayload } from './payload.ts';
import { buildPayload } from './payload.ts';
import type { ThrottleKey } from './throttle.ts';
import { NotifyThrottle } from './throttle.ts';
import type { PostJson } from './transport.ts';
import { httpPostJson } from './transport.ts';

export interface GatewayNotifierOptions {
  /** Gateway base URL (see `resolveGatewayEndpoint`); empty or unset = disabled. */
  readonly endpoint?: string;
  /** Per-attempt timeout. Default 5000 ms. */
  readonly timeoutMs?: number;
  /** Tries per notification. Default 3. */
  readonly attempts?: number;
  /** Wait before the 2nd try; doubles for each further try. Default 250 ms. */
  readonly backoffMs?: number;
  /** Notifications waiting to be sent before new ones are dropped. Default 100. */
  readonly queueSize?: number;
  readonly clock?: Clock;
  readonly logger?: Logger;
  /** Records one outcome per notification (e.g. `metrics.notification`). */
  readonly onResult?: (result: NotifyResult) => void;
  /** Replaces the node:http transport (tests). */
  readonly transport?: PostJson;
}

/** What `notify` did. */
export type NotifyOutcome = 'queued' | 'disabled' | 'throttled' | 'dropped' | 'closed';

/**
 * The Gateway endpoint to use: env `ORK_GATEWAY_ENDPOINT` when set (a deploy-time override),
 * else the Katalog's `gateway.endpoint`; undefined when neither is set (notifier disabled).
 */
export function resolveGatewayEndpoint(katalogEndpoint: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const fromEnv = env['ORK_GATEWAY_ENDPOINT']?.trim() ?? '';
  if (fromEnv !== '') return fromEnv;
  const fromKatalog = katalogEndpoint?.trim() ?? '';
  return fromKatalog === '' ? undefined : fromKatalog;
}

/** Parses and checks the endpoint; returns the `/notify` URL, or undefined when disabled. */
export function notifyUrl(endpoint: string | undefined): URL | undefined {
  const base = endpoint?.trim() ?? '';
  if (base === '') return undefined;
  let url: URL;
  try {
    url = new URL(base.replace(/\/+$/, '') + '/notify');
  } catch {
    throw new Error('gateway endpoint is not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('gateway endpoint must be http or https');
  return url;
}

export class GatewayNotifier {
  readonly #url: URL | undefined;
  readonly #post: PostJson;
  readonly #clock: Clock;
  readonly #log: Logger;
  readonly #onResult: (r: NotifyResult) => void;
  readonly #timeoutMs: number;
  readonly #attempts: number;
  readonly #backoffMs: number;
  readonly #queueSize: number;
  readonly #throttle: NotifyThrottle;
  readonly #pending: NotifyPayload[] = [];
  readonly #idleWaiters: Array<() => void> = [];
  #sending = false;
  #closed = false;
  #dropEpisode = 0;

  /** Throws when `endpoint` is set but not an http(s) URL. */
  constructor(opts: GatewayNotifierOptions = {}) {
    this.#url = notifyUrl(opts.endpoint);
    this.#clock = opts.clock ?? realClock;
    this.#post = opts.transport ?? httpPostJson(this.#clock);
    this.#log = opts.logger ?? nullLogger;
    this.#onResult = opts.onResult ?? (() => {});
    this.#timeoutMs = opts.timeoutMs ?? 5000;
    this.#attempts = Math.max(1, opts.attempts ?? 3);
    this.#backoffMs = opts.backoffMs ?? 250;
    this.#queueSize = Math.max(1, opts.queueSize ?? 100);
    this.#throttle = new NotifyThrottle({ clock: this.#clock });
  }

  /** True when an endpoint is configured. */
  enabled(): boolean {
    return this.#url !== undefined;
  }

  /** The `/notify` URL posted to, when enabled. */
  url(): string | undefined {
    return this.#url?.href;
  }

  /**
   * Queues `n` for delivery and returns at once. With `throttle`, a key that fired within
   * `intervalMs` is skipped ('throttled').
   */
  notify(n: Notification, throttle?: { readonly key: ThrottleKey; readonly intervalMs: number }): NotifyOutcome {
    if (this.#url === undefined) return 'disabled';
    if (this.#closed) return 'closed';
    if (throttle !== undefined && !this.#throttle.allow(throttle.key, throttle.intervalMs)) {
      this.#onResult('throttled');
      return 'throttled';
    }
    if (this.#pending.length >= this.#queueSize) {
      this.#dropped(n);
      return 'dropped';
    }
    this.#endDropEpisode();
    this.#pending.push(buildPayload(n, this.#clock.now()));
    if (!this.#sending) void this.#drain();
    return 'queued';
  }

  /** Waiting notifications (not counting the one being sent). */
  pending(): number {
    return this.#pending.length;
  }

  /** Resolves when nothing is waiting or being sent. */
  idle(): Promise<void> {
    if (!this.#sending && this.#pending.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  /** Stops accepting notifications; already queued ones are still sent (await `idle()`). */
  close(): void {
    this.#closed = true;
  }

  async #drain(): Promise<void> {
    this.#sending = true;
    for (let p = this.#pending.shift(); p !== undefined; p = this.#pending.shift()) {
      try {
        await this.#deliver(p);
      } catch (err) {
        // Only a throwing onResult/logger gets here; keep the loop alive for the next one.
        this.#log.error('notification: unexpected error', { err });
      }
    }
    this.#sending = false;
    this.#idleWaiters.splice(0).forEach((wake) => wake());
  }

  async #deliver(p: NotifyPayload): Promise<void> {
    const url = this.#url as URL;
    const body = JSON.stringify(p);
    let lastError = '';
    for (let attempt = 1; attempt <= this.#attempts; attempt++) {
      if (attempt > 1) await sleep(this.#clock, this.#backoffMs * 2 ** (attempt - 2));
      try {
        const status = await this.#post(url, body, this.#timeoutMs);
        if (status < 300) {
          this.#onResult('sent');
          this.#log.debug('notification sent', { team: p.teamName, condKey: p.condKey, attempt });
          return;
        }
        lastError = `gateway returned status ${status}`;
      } catch (err) {
        lastError = err instanceof Error ? err.message : String(err);
      }
    }
    this.#onResult('failed');
    this.#log.error(`notification: gateway dispatch failed after ${this.#attempts} attempts: ${lastError}`, {
      katalog: p.katalogName,
      key: `${p.crNamespace}/${p.crName}`,
      team: p.teamName,
      condKey: p.condKey,
    });
  }

  #dropped(n: Notification): void {
    this.#onResult('dropped');
    if (this.#dropEpisode++ === 0) {
      this.#log.warn('notification queue full: dropping new notifications until it drains', {
        queueSize: this.#queueSize,
        key: `${n.crNamespace}/${n.crName}`,
        team: n.teamName,
      });
    }
  }

  #endDropEpisode(): void {
    if (this.#dropEpisode === 0) return;
    this.#log.info('notification queue accepting again', { dropped: this.#dropEpisode });
    this.#dropEpisode = 0;
  }
}
