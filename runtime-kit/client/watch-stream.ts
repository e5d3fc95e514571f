/**
 * A streaming watch (`GET ...?watch=1`) decoded into events. Built on `KubeClient.stream` (rate
 * limited, not retried). The API server sends one JSON object per line; an `ERROR` event carries a
 * `Status` and is turned into the matching typed error (a 410 `Expired` event becomes `GoneError`,
 * exactly like an HTTP 410 answer), so callers handle both forms of "too old" in one place.
 */
import type http from 'node:http';
import { StringDecoder } from 'node:string_decoder';
import { apiError, TransportError } from './errors.ts';
import type { ResourceRef } from './paths.ts';
import { resourcePath } from './paths.ts';
import type { KubeClient } from './rest.ts';

/** Event types a watch delivers to callers (`ERROR` is thrown instead). */
export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK';

/** One decoded watch event. For `BOOKMARK` only `object.metadata.resourceVersion` is meaningful. */
export interface WatchEvent<T = unknown> {
  readonly type: WatchEventType;
  readonly object: T;
}

/** Watch parameters (`metav1.ListOptions` with `watch=1`). */
export interface WatchQuery {
  /** Start after this version; '' means "from now" (the server sends synthetic ADDED events first). */
  readonly resourceVersion: string;
  readonly labelSelector?: string;
  readonly fieldSelector?: string;
  /** Server-side timeout: the server ends the stream cleanly after this many seconds. */
  readonly timeoutSeconds?: number;
  /** Ask for BOOKMARK events (default true). */
  readonly allowWatchBookmarks?: boolean;
}

const TYPES: ReadonlySet<string> = new Set(['ADDED', 'MODIFIED', 'DELETED', 'BOOKMARK']);

/**
 * Opens a watch on `ref` (its `name` is ignored; namespace optional) and yields its events until the
 * server ends the stream (normal return), `signal` aborts it (normal return), or it fails: HTTP
 * errors and `ERROR` events throw typed `ApiError`s; a broken connection throws `TransportError`.
 */
export async function* watchEvents<T = unknown>(client: KubeClient, ref: ResourceRef, q: WatchQuery, signal?: AbortSignal): AsyncGenerator<WatchEvent<T>, void, undefined> {
  const query = {
    watch: 1,
    resourceVersion: q.resourceVersion === '' ? undefined : q.resourceVersion,
    allowWatchBookmarks: q.allowWatchBookmarks ?? true,
    labelSelector: q.labelSelector,
    fieldSelector: q.fieldSelector,
    timeoutSeconds: q.timeoutSeconds,
  };
  const msg = await client.stream(resourcePath({ ...ref, name: undefined, subresource: undefined }), query, signal);
  try {
    for await (const line of lines(msg, signal)) {
      const ev = decodeEvent<T>(line);
      if (ev !== undefined) yield ev;
    }
  } finally {
    msg.destroy();
  }
}

/** Longest accepted event line (a larger one breaks the watch). Default 16 MiB. */
export const MAX_WATCH_LINE_BYTES = 16 * 1024 * 1024;

/**
 * Splits the response into non-empty lines (UTF-8 decoded across chunk boundaries); ends quietly
 * when `signal` aborted the request; a line over `MAX_WATCH_LINE_BYTES` throws `TransportError`.
 */
async function* lines(msg: http.IncomingMessage, signal: AbortSignal | undefined): AsyncGenerator<string, void, undefined> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for await (const chunk of msg as AsyncIterable<Buffer | string>) {
      rest += typeof chunk === 'string' ? chunk : decoder.write(chunk);
      let nl = rest.indexOf('\n');
      while (nl >= 0) {
        const line = rest.slice(0, nl).trim();
        rest = rest.slice(nl + 1);
        if (line !== '') yield line;
        nl = rest.indexOf('\n');
      }
      if (rest.length > MAX_WATCH_LINE_BYTES) throw Object.assign(new Error(`event line longer than ${MAX_WATCH_LINE_BYTES} bytes`), { code: 'EBADWATCH' });
    }
    rest += decoder.end();
  } catch (err) {
    if (signal?.aborted === true) return;
    const e = err as NodeJS.ErrnoException;
    throw new TransportError(`watch stream broken: ${e.message}`, e.code ?? 'ECONNRESET');
  }
  if (signal?.aborted === true) return;
  if (rest.trim() !== '') yield rest.trim();
}

/** Decodes one line; throws the typed error for `ERROR`; undefined for unknown types. */
export function decodeEvent<T>(line: string): WatchEvent<T> | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    throw new TransportError(`watch stream sent a line that is not JSON: ${line.slice(0, 200)}`, 'EBADWATCH');
  }
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { type, object } = raw as { type?: unknown; object?: unknown };
  if (type === 'ERROR') {
    const status = (object ?? {}) as { code?: unknown };
    throw apiError(typeof status.code === 'number' ? status.code : 500, object);
  }
  if (typeof type !== 'string' || !TYPES.has(type) || typeof object !== 'object' || object === null) return undefined;
  return { type: type as WatchEventType, object: object as T };
}
