/**
 * The API server's own request counters (`apiserver_request_total` by verb and resource), read
 * from its `/metrics` with the plane's admin credentials: the independent count of what an
 * operator wrote, whatever its client reports about itself.
 */
import https from 'node:https';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ControlPlane } from '../../compiler/plane/plane.ts';

/** Counts by `VERB resource` (e.g. `PATCH deployments`, `APPLY services`). */
export type RequestCounts = ReadonlyMap<string, number>;

/** Verbs that change state. */
export const WRITE_VERBS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'APPLY', 'DELETE', 'DELETECOLLECTION', 'CREATE', 'UPDATE']);

/** GET `<apiserver>/metrics` and sums `apiserver_request_total` over codes, scopes and components. */
export async function requestCounts(plane: ControlPlane): Promise<RequestCounts> {
  return parseRequestCounts(await getText(plane, '/metrics'));
}

/** Parses Prometheus text: `apiserver_request_total{…verb="X",…resource="Y"…} N` summed by verb+resource (subresource appended as `/sub`). */
export function parseRequestCounts(text: string): RequestCounts {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line.startsWith('apiserver_request_total{')) continue;
    const close = line.lastIndexOf('}');
    const labels = labelsOf(line.slice('apiserver_request_total{'.length, close));
    const value = Number(line.slice(close + 1).trim().split(' ')[0]);
    const res = labels.get('resource') ?? '';
    const sub = labels.get('subresource');
    const key = `${labels.get('verb') ?? '?'} ${res}${sub ? `/${sub}` : ''}`;
    out.set(key, (out.get(key) ?? 0) + value);
  }
  return out;
}

/** Write requests between two readings, by `VERB resource`, leaving out the resources in `ignore` (e.g. leases). */
export function writesBetween(before: RequestCounts, after: RequestCounts, ignore: ReadonlySet<string> = new Set()): Map<string, number> {
  const out = new Map<string, number>();
  for (const [key, n] of after) {
    const [verb, resource] = key.split(' ') as [string, string];
    if (!WRITE_VERBS.has(verb) || ignore.has(resource.split('/')[0]!)) continue;
    const d = n - (before.get(key) ?? 0);
    if (d > 0) out.set(key, d);
  }
  return out;
}

function labelsOf(text: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const [, k, v] of text.matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) m.set(k!, v!);
  return m;
}

function getText(plane: ControlPlane, urlPath: string): Promise<string> {
  const ca = readFileSync(path.join(plane.dir, 'pki', 'ca.crt'));
  return new Promise((resolve, reject) => {
    const req = https.get(new URL(urlPath, plane.apiUrl), { ca, headers: { authorization: `Bearer ${plane.token}` } }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c));
      res.on('end', () => (res.statusCode === 200 ? resolve(body) : reject(new Error(`apiserver ${urlPath}: HTTP ${res.statusCode}: ${body.slice(0, 200)}`))));
    });
    req.on('error', reject);
    req.setTimeout(30_000, () => req.destroy(new Error(`apiserver ${urlPath}: timeout`)));
  });
}
