/**
 * Request routing for the operator's HTTP port, free of node:http so it tests as a function.
 *
 * Order: unknown path → 404; known path, method other than GET/HEAD → 405 (`Allow: GET, HEAD`);
 * then the route (which may still 404 for an unknown CRD or CR). Bodies are fixed texts or data
 * from the view: request input (path, query, headers) is never echoed.
 */
import type { CrdView, OperatorView } from './view.ts';
import type { JsonReply } from './katalog-json.ts';
import { crDetail, crList, crdHealth, crdInfo, katalogSummary } from './katalog-json.ts';

/** A finished response. */
export interface Reply {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
  readonly headers?: Readonly<Record<string, string>>;
}

const JSON_TYPE = 'application/json; charset=utf-8';
/** Longest path considered; longer ones are 404. */
export const MAX_PATH_LENGTH = 1024;
/** Kubernetes object-name shape (DNS subdomain); route segments must match it. */
const NAME = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;

type Handler = (view: OperatorView, now: number) => Promise<Reply> | Reply;

/** Builds a JSON reply. */
export function json(status: number, body: unknown): Reply {
  return { status, contentType: JSON_TYPE, body: JSON.stringify(body) + '\n' };
}

const fromJson = (r: JsonReply): Reply => json(r.status, r.body);
export const NOT_FOUND: Reply = json(404, { error: 'not found' });
const METHOD_NOT_ALLOWED: Reply = { ...json(405, { error: 'method not allowed' }), headers: { allow: 'GET, HEAD' } };

const probe = (ok: boolean, failStatus: number): Reply => (ok ? json(200, { status: 'ok' }) : json(failStatus, { status: 'unavailable' }));

const STATIC: Readonly<Record<string, Handler>> = {
  '/health': (v) => probe(v.probes().live, 500),
  '/healthz': (v) => probe(v.probes().live, 500),
  '/ready': (v) => probe(v.probes().ready, 503),
  '/readyz': (v) => probe(v.probes().ready, 503),
  '/startup': (v) => probe(v.probes().started, 503),
  '/metrics': async (v) => {
    const m = await v.metrics();
    return { status: 200, contentType: m.contentType, body: m.body };
  },
  '/katalog': (v, now) => fromJson(katalogSummary(v, now)),
};

type CrdHandler = (v: OperatorView, c: CrdView, now: number) => Reply;

/** A per-CRD route and the `endpoints` switch (besides `enabled`) that can hide it. */
interface CrdRoute {
  readonly flag?: 'info' | 'health';
  readonly handler: CrdHandler;
}

/** Matches `/katalog/{crd}[/health|/cr[/{ns}]/{name}]]`; undefined when the shape is unknown. */
function crdRoute(segments: readonly string[]): CrdRoute | undefined {
  if (segments[0] !== 'katalog' || segments.length < 2 || !segments.slice(1).every((s) => NAME.test(s))) return undefined;
  const [, , sub, a, b] = segments;
  switch (segments.length) {
    case 2:
      return { flag: 'info', handler: (v, c) => fromJson(crdInfo(v, c)) };
    case 3:
      if (sub === 'health') return { flag: 'health', handler: (v, c, now) => fromJson(crdHealth(v, c, now)) };
      return sub === 'cr' ? { handler: (_v, c, now) => fromJson(crList(c, now)) } : undefined;
    case 4:
      return sub === 'cr' ? { handler: (_v, c, now) => orNotFound(crDetail(c, '', a ?? '', now)) } : undefined;
    case 5:
      return sub === 'cr' ? { handler: (_v, c, now) => orNotFound(crDetail(c, a ?? '', b ?? '', now)) } : undefined;
    default:
      return undefined;
  }
}

/** False when the CRD's `endpoints` switches hide the route. */
function exposed(c: CrdView, r: CrdRoute): boolean {
  if (c.endpoints?.enabled === false) return false;
  return r.flag === undefined || c.endpoints?.[r.flag] !== false;
}

const orNotFound = (r: JsonReply | undefined): Reply => (r === undefined ? NOT_FOUND : fromJson(r));

/** Splits a request target into path segments; undefined when unusable. */
function pathSegments(target: string): string[] | undefined {
  if (target.length > MAX_PATH_LENGTH) return undefined;
  let path: string;
  try {
    path = new URL(target, 'http://localhost').pathname;
  } catch {
    return undefined;
  }
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return path.split('/').slice(1);
}

/** Answers one request: `method` as sent, `target` the raw request-target, `now` epoch ms. */
export async function route(view: OperatorView, method: string, target: string, now: number): Promise<Reply> {
  const segments = pathSegments(target);
  if (segments === undefined) return NOT_FOUND;
  const key = '/' + segments.join('/');
  const fixed = Object.hasOwn(STATIC, key) ? STATIC[key] : undefined;
  const perCrd = fixed === undefined ? crdRoute(segments) : undefined;
  if (fixed === undefined && perCrd === undefined) return NOT_FOUND;
  if (method !== 'GET' && method !== 'HEAD') return METHOD_NOT_ALLOWED;
  if (fixed !== undefined) return fixed(view, now);
  const crd = view.crds().find((c) => c.name === segments[1]);
  return crd === undefined || perCrd === undefined || !exposed(crd, perCrd) ? NOT_FOUND : perCrd.handler(view, crd, now);
}
