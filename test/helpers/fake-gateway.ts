/**
 * A fake Orkestra Gateway for tests: a real HTTP server on 127.0.0.1 that records every request
 * (and every TCP connection) and answers each with the next scripted status, or holds it open
 * ('hang'); after the script it answers `fallback` (settable, default 200). `close()` also ends
 * held requests. A listener nobody should reach (an egress decoy) is the same server with
 * `connections` expected to stay 0.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the Gateway received. */
export interface GatewayRequest {
  readonly method: string;
  readonly path: string;
  readonly contentType: string;
  readonly body: string;
  /** Date.now() when the request body had arrived. */
  readonly at: number;
}

/** A running fake Gateway. */
export interface FakeGateway {
  /** `http://127.0.0.1:<port>`. */
  readonly endpoint: string;
  readonly port: number;
  readonly received: GatewayRequest[];
  /** TCP connections accepted so far. */
  readonly connections: () => number;
  /** Status answered once the script is used up. */
  fallback: number;
  close(): Promise<void>;
}

/** Starts a fake Gateway answering with `script` (then `fallback`). */
export async function startFakeGateway(script: Array<number | 'hang'> = []): Promise<FakeGateway> {
  const received: GatewayRequest[] = [];
  const hung: http.ServerResponse[] = [];
  let connections = 0;
  const gw = { fallback: 200 } as { fallback: number };
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (c: string) => (body += c));
    req.on('end', () => {
      received.push({ method: req.method ?? '', path: req.url ?? '', contentType: req.headers['content-type'] ?? '', body, at: Date.now() });
      const step = script.shift() ?? gw.fallback;
      if (step === 'hang') hung.push(res);
      else res.writeHead(step).end('ok');
    });
  });
  server.on('connection', () => connections++);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return Object.assign(gw, {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    received,
    connections: () => connections,
    close: () =>
      new Promise<void>((r) => {
        hung.forEach((h) => h.destroy());
        server.closeAllConnections();
        server.close(() => r());
      }),
  });
}
