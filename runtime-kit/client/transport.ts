/**
 * One HTTP exchange with the API server over node:http/https: prepares auth/TLS from the
 * connection, applies the timeout on the injected clock, and returns status, headers and the
 * parsed body. Errors: `TransportError` (no answer) and `RequestTimeoutError`.
 */
import http from 'node:http';
import https from 'node:https';
import type { Clock } from '../clock.ts';
import type { Connection } from './connection.ts';
import { RequestTimeoutError, TransportError } from './errors.ts';

/** A request as sent on the wire. */
export interface WireRequest {
  readonly method: string;
  /** Path (and query) below the connection's base URL. */
  readonly pathAndQuery: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** An answer: status, lower-case headers, body parsed as JSON when possible (else the text). */
export interface WireResponse {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: unknown;
}

/** Joins the base URL's path prefix with `pathAndQuery`. */
export function targetUrl(server: URL, pathAndQuery: string): URL {
  const prefix = server.pathname.replace(/\/+$/, '');
  return new URL(prefix + pathAndQuery, server.origin);
}

/** Opens the request; the caller reads or discards the response. */
export async function open(conn: Connection, req: WireRequest, signal?: AbortSignal): Promise<{ req: http.ClientRequest; res: Promise<http.IncomingMessage> }> {
  const url = targetUrl(conn.server, req.pathAndQuery);
  const headers: Record<string, string | number> = { ...req.headers };
  if (req.body !== undefined) headers['content-length'] = Buffer.byteLength(req.body);
  const opts: https.RequestOptions = { method: req.method, headers, signal };
  await conn.prepare(opts);
  const mod = url.protocol === 'https:' ? https : http;
  const r = mod.request(url, opts);
  const res = new Promise<http.IncomingMessage>((resolve, reject) => {
    r.on('response', resolve);
    r.on('error', (err: NodeJS.ErrnoException) => reject(err instanceof RequestTimeoutError ? err : new TransportError(err.message, err.code ?? 'EUNKNOWN')));
  });
  r.end(req.body);
  return { req: r, res };
}

/** Sends `req` and reads the whole answer within `timeoutMs` on `clock`. */
export async function exchange(conn: Connection, req: WireRequest, timeoutMs: number, clock: Clock): Promise<WireResponse> {
  const { req: r, res } = await open(conn, req);
  const timer = clock.after(timeoutMs, () => r.destroy(new RequestTimeoutError(`no answer from the API server within ${timeoutMs}ms`)));
  try {
    const msg = await res;
    const text = await readAll(msg);
    return { status: msg.statusCode ?? 0, headers: msg.headers, body: parseBody(text, msg.headers['content-type']) };
  } finally {
    timer.cancel();
  }
}

function readAll(msg: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    msg.on('data', (c: Buffer) => chunks.push(c));
    msg.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    msg.on('error', (err: NodeJS.ErrnoException) => reject(err instanceof RequestTimeoutError ? err : new TransportError(err.message, err.code ?? 'EUNKNOWN')));
    msg.on('aborted', () => reject(new TransportError('response aborted', 'ECONNRESET')));
  });
}

function parseBody(text: string, contentType: string | undefined): unknown {
  if (text === '') return undefined;
  if (contentType !== undefined && !contentType.includes('json')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
