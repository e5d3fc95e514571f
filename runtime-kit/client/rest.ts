/**
 * The Kubernetes REST client: typed errors, retries with capped jittered backoff, client-side
 * token buckets (QPS/burst) per resource as controller-runtime has them, server-side apply with a
 * field manager. One instance per operator (plus the Lease and Event clients).
 */
import type { Clock } from '../clock.ts';
import { realClock, sleep } from '../clock.ts';
import type { Logger } from '../log/logger.ts';
import { nullLogger } from '../log/logger.ts';
import { ResourceLimits } from './resource-limits.ts';
import type { Connection } from './connection.ts';
import { apiError } from './errors.ts';
import type { ResourceRef } from './paths.ts';
import { resourcePath } from './paths.ts';
import type { RetryPolicy } from './retry.ts';
import { DEFAULT_RETRY, isRetryable, parseRetryAfter, retryDelay } from './retry.ts';
import type { WireResponse } from './transport.ts';
import { exchange, open } from './transport.ts';
import type http from 'node:http';

export interface KubeClientOptions {
  readonly connection: Connection;
  /** Field manager for server-side apply. Default `ork`. */
  readonly fieldManager?: string;
  /**
   * Client-side request rate of EACH resource (`group/resource`; a subresource counts with its
   * resource): one token bucket per resource, as controller-runtime's per-GVK REST clients.
   * Default 20 qps (controller-runtime's default). 0 = unlimited.
   */
  readonly qps?: number;
  /** Client-side burst of each resource's bucket. Default 30. */
  readonly burst?: number;
  /** Default: 5 attempts, 100 ms base, 10 s cap. */
  readonly retry?: Partial<RetryPolicy>;
  /** Per-attempt timeout. Default 30 000 ms. */
  readonly timeoutMs?: number;
  /** Default `ork`. */
  readonly userAgent?: string;
  readonly clock?: Clock;
  /** Jitter source in [0, 1). Default `Math.random`. */
  readonly random?: () => number;
  readonly logger?: Logger;
  /**
   * Called after every attempt with the method and the status, or `'error'` when no answer came
   * (e.g. `metrics.apiRequest`, so tests and benches can count writes). Must not throw.
   */
  readonly onAttempt?: (method: string, code: number | 'error') => void;
}

export type Query = Readonly<Record<string, string | number | boolean | undefined>>;

/** One API call. `body` is JSON-encoded; `contentType` defaults to `application/json`. */
export interface ApiRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly path: string;
  readonly query?: Query;
  readonly body?: unknown;
  readonly contentType?: string;
}

/** List options (`metav1.ListOptions` subset). */
export interface ListOptions {
  readonly labelSelector?: string;
  readonly fieldSelector?: string;
  readonly limit?: number;
  readonly continue?: string;
  readonly resourceVersion?: string;
}

export interface ApplyOptions {
  /** Take ownership of conflicting fields (Katalog `forceConflict`; Orkestra's default is true). */
  readonly force: boolean;
  /** Overrides the client's field manager. */
  readonly fieldManager?: string;
}

export interface DeleteOptions {
  readonly propagationPolicy?: 'Foreground' | 'Background' | 'Orphan';
  readonly preconditions?: { readonly uid?: string; readonly resourceVersion?: string };
}

const APPLY = 'application/apply-patch+yaml';
const MERGE = 'application/merge-patch+json';

/** Encodes a query string (keys sorted, undefined dropped); '' when empty. */
export function encodeQuery(q: Query | undefined): string {
  if (q === undefined) return '';
  const parts = Object.keys(q)
    .sort()
    .filter((k) => q[k] !== undefined)
    .map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(String(q[k]))}`);
  return parts.length === 0 ? '' : '?' + parts.join('&');
}

export class KubeClient {
  readonly #conn: Connection;
  readonly #fieldManager: string;
  readonly #limits: ResourceLimits;
  readonly #retry: RetryPolicy;
  readonly #timeoutMs: number;
  readonly #userAgent: string;
  readonly #clock: Clock;
  readonly #random: () => number;
  readonly #log: Logger;
  readonly #onAttempt: (method: string, code: number | 'error') => void;

  constructor(opts: KubeClientOptions) {
    this.#conn = opts.connection;
    this.#fieldManager = opts.fieldManager ?? 'ork';
    this.#clock = opts.clock ?? realClock;
    this.#limits = new ResourceLimits(opts.qps ?? 20, opts.burst ?? 30, this.#clock);
    this.#retry = { ...DEFAULT_RETRY, ...opts.retry };
    this.#timeoutMs = opts.timeoutMs ?? 30_000;
    this.#userAgent = opts.userAgent ?? 'ork';
    this.#random = opts.random ?? Math.random;
    this.#log = opts.logger ?? nullLogger;
    this.#onAttempt = opts.onAttempt ?? (() => {});
  }

  /** Sends one API call with rate limiting and retries; resolves with the parsed body. */
  async request<T>(req: ApiRequest): Promise<T> {
    const isApply = req.contentType === APPLY;
    const wire = {
      method: req.method,
      pathAndQuery: req.path + encodeQuery(req.query),
      headers: this.#headers(req),
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
    };
    for (let attempt = 1; ; attempt++) {
      await this.#throttle(req.path);
      try {
        const res = await exchange(this.#conn, wire, this.#timeoutMs, this.#clock).catch((err: unknown) => {
          this.#onAttempt(req.method, 'error');
          throw err;
        });
        this.#onAttempt(req.method, res.status);
        return this.#result<T>(res);
      } catch (err) {
        if (attempt >= this.#retry.attempts || !isRetryable(err, { method: req.method, isApply })) throw err;
        const delay = retryDelay(attempt, err, this.#retry, this.#random);
        this.#log.debug('api request retry', { method: req.method, path: req.path, attempt, delayMs: delay, err });
        await sleep(this.#clock, delay);
      }
    }
  }

  /**
   * Opens a streaming GET (e.g. `?watch=1`): rate limited (one token of its resource's bucket), not retried, no timeout (abort with
   * `signal`). Resolves with the response once its status is 2xx; rejects with a typed error.
   */
  async stream(path: string, query: Query, signal?: AbortSignal): Promise<http.IncomingMessage> {
    await this.#throttle(path);
    const { res } = await open(this.#conn, { method: 'GET', pathAndQuery: path + encodeQuery(query), headers: this.#headers({ method: 'GET', path }) }, signal);
    const msg = await res.catch((err: unknown) => {
      this.#onAttempt('GET', 'error');
      throw err;
    });
    const status = msg.statusCode ?? 0;
    this.#onAttempt('GET', status);
    if (status >= 200 && status < 300) return msg;
    const text = await new Promise<string>((resolve) => {
      let s = '';
      msg.setEncoding('utf8').on('data', (c: string) => (s += c));
      msg.on('end', () => resolve(s));
      msg.on('error', () => resolve(s));
    });
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {}
    throw apiError(status, body, parseRetryAfter(msg.headers['retry-after']));
  }

  get<T>(ref: ResourceRef): Promise<T> {
    return this.request<T>({ method: 'GET', path: resourcePath(ref) });
  }

  list<T>(ref: ResourceRef, opts: ListOptions = {}): Promise<T> {
    return this.request<T>({ method: 'GET', path: resourcePath(ref), query: { ...opts } });
  }

  create<T>(ref: ResourceRef, obj: unknown): Promise<T> {
    return this.request<T>({ method: 'POST', path: resourcePath(ref), body: obj, query: { fieldManager: this.#fieldManager } });
  }

  replace<T>(ref: ResourceRef, obj: unknown): Promise<T> {
    return this.request<T>({ method: 'PUT', path: resourcePath(ref), body: obj, query: { fieldManager: this.#fieldManager } });
  }

  /** JSON merge patch (RFC 7386). */
  mergePatch<T>(ref: ResourceRef, patch: unknown): Promise<T> {
    return this.request<T>({ method: 'PATCH', path: resourcePath(ref), body: patch, contentType: MERGE, query: { fieldManager: this.#fieldManager } });
  }

  /** Server-side apply of `obj` (a full intent object) with the field manager. */
  apply<T>(ref: ResourceRef, obj: unknown, opts: ApplyOptions): Promise<T> {
    const query = { fieldManager: opts.fieldManager ?? this.#fieldManager, force: opts.force ? true : undefined };
    return this.request<T>({ method: 'PATCH', path: resourcePath(ref), body: obj, contentType: APPLY, query });
  }

  delete<T = unknown>(ref: ResourceRef, opts: DeleteOptions = {}): Promise<T> {
    const body = opts.propagationPolicy === undefined && opts.preconditions === undefined ? undefined : { apiVersion: 'v1', kind: 'DeleteOptions', ...opts };
    return this.request<T>({ method: 'DELETE', path: resourcePath(ref), body });
  }

  #headers(req: Pick<ApiRequest, 'method' | 'path' | 'body' | 'contentType'>): Record<string, string> {
    const h: Record<string, string> = { accept: 'application/json', 'user-agent': this.#userAgent };
    if (req.body !== undefined) h['content-type'] = req.contentType ?? 'application/json';
    return h;
  }

  /** Waits for a token of the bucket of `path`'s resource. */
  async #throttle(path: string): Promise<void> {
    const wait = this.#limits.reserve(path);
    if (wait > 0) await sleep(this.#clock, wait);
  }

  #result<T>(res: WireResponse): T {
    if (res.status >= 200 && res.status < 300) return res.body as T;
    const ra = res.headers['retry-after'];
    throw apiError(res.status, res.body, parseRetryAfter(Array.isArray(ra) ? ra[0] : ra));
  }
}
