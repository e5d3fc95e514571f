/**
 * The operator's single plain-HTTP port (node:http, no framework, no TLS): probes, `/metrics`
 * and the `/katalog` API, all answered by `route()` from an `OperatorView`.
 *
 * Hardening: request bodies are never read beyond `maxBodyBytes` (a larger declared or streamed
 * body gets 413 and the connection is closed); header size, header and request timeouts are
 * bounded; responses carry `nosniff` and `no-store`; HEAD returns GET's headers without a body.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../clock.ts';
import { realClock } from '../clock.ts';
import type { Logger } from '../log/logger.ts';
import { nullLogger } from '../log/logger.ts';
import type { Reply } from './routes.ts';
import { json, route } from './routes.ts';
import type { OperatorView } from './view.ts';

/** Default port when neither the option nor `ORK_PORT` is set. */
export const DEFAULT_PORT = 8080;

export interface ServerOptions {
  readonly view: OperatorView;
  /** Port; 0 picks a free one. Default `resolvePort()` (env `ORK_PORT`, else 8080). */
  readonly port?: number;
  /** Listen address. Default all interfaces. */
  readonly host?: string;
  /** Largest request body accepted (and read). Default 1024 bytes. */
  readonly maxBodyBytes?: number;
  readonly logger?: Logger;
  readonly clock?: Clock;
}

/** A listening server. */
export interface RunningServer {
  /** The bound port (useful with port 0). */
  readonly port: number;
  /** Stops accepting, closes idle and open connections, resolves when closed. */
  close(): Promise<void>;
}

/**
 * The port to use: `option` if given, else env `ORK_PORT`, else 8080.
 * Throws on a value that is not an integer in 0–65535.
 */
export function resolvePort(option?: number, env: NodeJS.ProcessEnv = process.env): number {
  const raw = option ?? env['ORK_PORT'] ?? DEFAULT_PORT;
  const port = typeof raw === 'number' ? raw : /^\d{1,5}$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('invalid port: expected an integer from 0 to 65535 (option or ORK_PORT)');
  return port;
}

const PAYLOAD_TOO_LARGE = json(413, { error: 'request body too large' });
const INTERNAL_ERROR = json(500, { error: 'internal error' });

/** Starts the server and resolves once it listens. */
export function startServer(opts: ServerOptions): Promise<RunningServer> {
  const port = opts.port ?? resolvePort();
  const logger = opts.logger ?? nullLogger;
  const clock = opts.clock ?? realClock;
  const maxBody = opts.maxBodyBytes ?? 1024;

  const server = http.createServer({ maxHeaderSize: 8192, requestTimeout: 10_000, headersTimeout: 5_000 }, (req, res) => {
    const answer = (): void => {
      route(opts.view, req.method ?? '', req.url ?? '', clock.now()).then(
        (reply) => send(res, req.method === 'HEAD', reply),
        (err: unknown) => {
          logger.error('http handler failed', { err });
          send(res, req.method === 'HEAD', INTERNAL_ERROR);
        },
      );
    };
    readBounded(req, maxBody, answer, () => {
      res.setHeader('connection', 'close');
      send(res, false, PAYLOAD_TOO_LARGE);
      res.on('finish', () => req.socket.destroy());
    });
  });
  server.keepAliveTimeout = 5_000;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, opts.host, () => {
      server.off('error', reject);
      const bound = (server.address() as AddressInfo).port;
      logger.info('http server listening', { port: bound });
      resolve({ port: bound, close: () => closeServer(server) });
    });
  });
}

/**
 * Calls `ok` once the request body (if any) has been read and discarded, or `tooLarge` as soon
 * as it is known to exceed `max` bytes — from Content-Length, or while streaming (then reading
 * stops).
 */
function readBounded(req: http.IncomingMessage, max: number, ok: () => void, tooLarge: () => void): void {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (!Number.isFinite(declared) || declared > max) return tooLarge();
  let seen = 0;
  let over = false;
  req.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > max && !over) {
      over = true;
      req.pause();
      tooLarge();
    }
  });
  req.on('end', () => {
    if (!over) ok();
  });
  req.on('error', () => {});
}

function send(res: http.ServerResponse, head: boolean, reply: Reply): void {
  if (res.headersSent) return;
  const body = Buffer.from(reply.body, 'utf8');
  res.writeHead(reply.status, {
    'content-type': reply.contentType,
    'content-length': body.length,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    ...reply.headers,
  });
  res.end(head ? undefined : body);
}

function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
