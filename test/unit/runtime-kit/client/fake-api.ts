/** A scripted fake API server and an instant clock for client tests. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock, Timer } from '../../../../runtime-kit/clock.ts';

export interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One scripted answer: status, JSON body, headers; or 'hang' to never answer. */
export type Step = { status: number; body?: unknown; headers?: Record<string, string> } | 'hang';

export async function fakeApi(script: Step[]) {
  const seen: Seen[] = [];
  const hung: http.ServerResponse[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (c: string) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const step = script.shift() ?? { status: 200, body: {} };
      if (step === 'hang') {
        hung.push(res);
        return;
      }
      const text = step.body === undefined ? '' : typeof step.body === 'string' ? step.body : JSON.stringify(step.body);
      res.writeHead(step.status, { 'content-type': typeof step.body === 'string' ? 'text/plain' : 'application/json', ...step.headers });
      res.end(text);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>((r) => {
        hung.forEach((h) => h.destroy());
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/**
 * A clock for I/O tests: waits shorter than `neverMs` are recorded and fire on the next
 * macrotask (time jumps forward), longer ones (request timeouts) never fire.
 */
export class InstantClock implements Clock {
  readonly waits: number[] = [];
  #now = 0;
  readonly #neverMs: number;
  constructor(neverMs = 30_000) {
    this.#neverMs = neverMs;
  }
  now(): number {
    return this.#now;
  }
  after(ms: number, fn: () => void): Timer {
    if (ms >= this.#neverMs) return { cancel() {} };
    this.waits.push(ms);
    let cancelled = false;
    setImmediate(() => {
      if (cancelled) return;
      this.#now += ms;
      fn();
    });
    return { cancel: () => void (cancelled = true) };
  }
}
