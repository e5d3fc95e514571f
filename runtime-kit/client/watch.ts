/**
 * Watch framing: turns a `?watch=1` response (one JSON event per line) into typed events. An
 * `ERROR` event carrying a Status becomes the matching typed error (410 Expired → `GoneError`,
 * the informer's cue to relist). Lines longer than `maxLineBytes` abort the watch.
 */
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { apiError } from './errors.ts';
import type { Query } from './rest.ts';

/** One watch event. `BOOKMARK` objects carry only `metadata.resourceVersion`. */
export interface WatchEvent<T> {
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK';
  readonly object: T;
}

/** Anything that can open a streaming GET (the `KubeClient`). */
export interface StreamOpener {
  stream(path: string, query: Query, signal?: AbortSignal): Promise<Readable>;
}

/** Longest accepted event line. Default 16 MiB. */
export const MAX_WATCH_LINE_BYTES = 16 * 1024 * 1024;

/** Splits a byte stream into lines (without the newline). */
export async function* lines(stream: Readable, maxLineBytes = MAX_WATCH_LINE_BYTES): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let buf = '';
  for await (const chunk of stream) {
    buf += typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer);
    let nl = buf.indexOf('\n');
    while (nl >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      if (line.trim() !== '') yield line;
      nl = buf.indexOf('\n');
    }
    if (buf.length > maxLineBytes) {
      stream.destroy();
      throw new Error(`watch event larger than ${maxLineBytes} bytes`);
    }
  }
  buf += decoder.end();
  if (buf.trim() !== '') yield buf;
}

/** Decodes watch lines into events; throws the typed error of an `ERROR` event. */
export async function* decodeWatch<T>(stream: Readable, maxLineBytes?: number): AsyncGenerator<WatchEvent<T>> {
  for await (const line of lines(stream, maxLineBytes)) {
    const ev = JSON.parse(line) as { type?: string; object?: unknown };
    if (ev.type === 'ERROR') {
      const s = ev.object as { code?: number } | undefined;
      stream.destroy();
      throw apiError(typeof s?.code === 'number' ? s.code : 500, s);
    }
    if (ev.type === 'ADDED' || ev.type === 'MODIFIED' || ev.type === 'DELETED' || ev.type === 'BOOKMARK') {
      yield { type: ev.type, object: ev.object as T };
    }
  }
}

/**
 * Opens a watch on a collection path from `resourceVersion` (bookmarks on) and yields its events
 * until the server ends the stream or `signal` aborts.
 */
export async function* watch<T>(
  client: StreamOpener,
  path: string,
  opts: { resourceVersion?: string; labelSelector?: string; fieldSelector?: string; timeoutSeconds?: number; signal?: AbortSignal } = {},
): AsyncGenerator<WatchEvent<T>> {
  const { signal, ...rest } = opts;
  const res = await client.stream(path, { watch: 1, allowWatchBookmarks: true, ...rest }, signal);
  yield* decodeWatch<T>(res);
}
