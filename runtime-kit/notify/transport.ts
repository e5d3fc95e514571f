/**
 * One JSON POST over node:http/https with a timeout on the injected clock. Resolves with the
 * HTTP status (the response body is discarded, reading at most 64 KiB); rejects on transport
 * errors and on timeout.
 */
import http from 'node:http';
import https from 'node:https';
import type { Clock } from '../clock.ts';

/** Posts `body` to `url`; resolves with the status code. */
export type PostJson = (url: URL, body: string, timeoutMs: number) => Promise<number>;

const MAX_RESPONSE_BYTES = 64 * 1024;

/** The default transport on `clock`. */
export function httpPostJson(clock: Clock): PostJson {
  return (url, body, timeoutMs) =>
    new Promise<number>((resolve, reject) => {
      const mod = url.protocol === 'https:' ? https : http;
      const req = mod.request(url, {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      });
      const timer = clock.after(timeoutMs, () => req.destroy(new Error(`timeout after ${timeoutMs}ms`)));
      req.on('error', (err) => {
        timer.cancel();
        reject(err);
      });
      req.on('response', (res) => {
        timer.cancel();
        let read = 0;
        res.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_RESPONSE_BYTES) res.destroy();
        });
        res.on('error', () => {});
        resolve(res.statusCode ?? 0);
      });
      req.end(body);
    });
}
