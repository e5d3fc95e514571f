import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../../../runtime-kit/clock.ts';
import { staticConnection } from '../../../../runtime-kit/client/connection.ts';
import {
  AlreadyExistsError,
  ApiError,
  BadRequestError,
  ConflictError,
  ForbiddenError,
  GoneError,
  InvalidError,
  NotFoundError,
  RequestTimeoutError,
  ServerError,
  TooManyRequestsError,
  TransportError,
  UnauthorizedError,
} from '../../../../runtime-kit/client/errors.ts';
import type { KubeClientOptions } from '../../../../runtime-kit/client/rest.ts';
import { KubeClient, encodeQuery } from '../../../../runtime-kit/client/rest.ts';
import { until } from '../helpers.ts';
import type { Step } from './fake-api.ts';
import { InstantClock, fakeApi } from './fake-api.ts';

const deploy = { group: 'apps', version: 'v1', plural: 'deployments', namespace: 'shop', name: 'web' };
const status = (code: number, reason: string, message = reason) => ({ status: code, body: { kind: 'Status', apiVersion: 'v1', status: 'Failure', code, reason, message } });

async function withApi(script: Step[], opts: Partial<KubeClientOptions>, fn: (c: KubeClient, api: Awaited<ReturnType<typeof fakeApi>>, clock: InstantClock) => Promise<void>) {
  const api = await fakeApi(script);
  const clock = new InstantClock();
  try {
    await fn(new KubeClient({ connection: staticConnection(api.url, { authorization: 'Bearer t0k' }), clock, random: () => 0.5, fieldManager: 'ork-shop', ...opts }), api, clock);
  } finally {
    await api.close();
  }
}

test('GET builds the resource path and sends accept, user-agent and auth headers', async () => {
  await withApi([{ status: 200, body: { metadata: { name: 'web' } } }], {}, async (c, api) => {
    const obj = await c.get<{ metadata: { name: string } }>(deploy);
    assert.equal(obj.metadata.name, 'web');
    assert.equal(api.seen[0]?.url, '/apis/apps/v1/namespaces/shop/deployments/web');
    assert.equal(api.seen[0]?.headers['accept'], 'application/json');
    assert.equal(api.seen[0]?.headers['user-agent'], 'ork');
    assert.equal(api.seen[0]?.headers['authorization'], 'Bearer t0k');
  });
});

test('list passes selectors and paging as query parameters', async () => {
  await withApi([{ status: 200, body: { items: [] } }], {}, async (c, api) => {
    await c.list({ group: '', version: 'v1', plural: 'pods' }, { labelSelector: 'app=web,tier in (a,b)', limit: 500 });
    assert.equal(api.seen[0]?.url, '/api/v1/pods?labelSelector=app%3Dweb%2Ctier%20in%20(a%2Cb)&limit=500');
  });
});

test('server-side apply PATCHes apply-patch+yaml with the field manager and force', async () => {
  await withApi([{ status: 200, body: {} }, { status: 200, body: {} }], {}, async (c, api) => {
    await c.apply(deploy, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } }, { force: true });
    await c.apply(deploy, { metadata: { name: 'web' } }, { force: false, fieldManager: 'other' });
    assert.equal(api.seen[0]?.method, 'PATCH');
    assert.equal(api.seen[0]?.headers['content-type'], 'application/apply-patch+yaml');
    assert.equal(api.seen[0]?.url, '/apis/apps/v1/namespaces/shop/deployments/web?fieldManager=ork-shop&force=true');
    assert.deepEqual(JSON.parse(api.seen[0]?.body ?? ''), { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } });
    assert.equal(api.seen[1]?.url, '/apis/apps/v1/namespaces/shop/deployments/web?fieldManager=other');
  });
});

test('create, replace, merge patch and delete use the right verbs and content types', async () => {
  await withApi([], {}, async (c, api) => {
    const coll = { ...deploy, name: undefined };
    await c.create(coll, { metadata: { name: 'web' } });
    await c.replace(deploy, { metadata: { name: 'web', resourceVersion: '5' } });
    await c.mergePatch({ ...deploy, subresource: 'status' }, { status: { ready: true } });
    await c.delete(deploy, { propagationPolicy: 'Foreground' });
    assert.deepEqual(api.seen.map((s) => [s.method, s.url, s.headers['content-type']]), [
      ['POST', '/apis/apps/v1/namespaces/shop/deployments?fieldManager=ork-shop', 'application/json'],
      ['PUT', '/apis/apps/v1/namespaces/shop/deployments/web?fieldManager=ork-shop', 'application/json'],
      ['PATCH', '/apis/apps/v1/namespaces/shop/deployments/web/status?fieldManager=ork-shop', 'application/merge-patch+json'],
      ['DELETE', '/apis/apps/v1/namespaces/shop/deployments/web', 'application/json'],
    ]);
    assert.deepEqual(JSON.parse(api.seen[3]?.body ?? ''), { apiVersion: 'v1', kind: 'DeleteOptions', propagationPolicy: 'Foreground' });
  });
});

test('maps answers to typed errors with the Status reason and message', async () => {
  const cases: Array<[Step, new (...a: never[]) => ApiError, string]> = [
    [status(400, 'BadRequest'), BadRequestError, 'BadRequest'],
    [status(401, 'Unauthorized'), UnauthorizedError, 'Unauthorized'],
    [status(403, 'Forbidden', 'deployments.apps "web" is forbidden'), ForbiddenError, 'Forbidden'],
    [status(404, 'NotFound', 'deployments.apps "web" not found'), NotFoundError, 'NotFound'],
    [status(409, 'AlreadyExists'), AlreadyExistsError, 'AlreadyExists'],
    [status(410, 'Expired', 'too old resource version'), GoneError, 'Expired'],
    [status(422, 'Invalid'), InvalidError, 'Invalid'],
  ];
  await withApi(cases.map((c) => c[0]), { retry: { attempts: 1 } }, async (c) => {
    for (const [step, cls, reason] of cases) {
      const err = await c.get(deploy).then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.ok(err instanceof cls, `${(step as { status: number }).status} → ${cls.name}`);
      assert.equal((err as ApiError).reason, reason);
      assert.equal((err as ApiError).status, (step as { status: number }).status);
    }
  });
});

test('a non-Status 5xx body still becomes a ServerError', async () => {
  await withApi([{ status: 502, body: 'bad gateway' }], { retry: { attempts: 1 } }, async (c) => {
    await assert.rejects(c.get(deploy), (e: unknown) => e instanceof ServerError && e.status === 502);
  });
});

test('retries 5xx with capped jittered backoff and returns the eventual success', async () => {
  await withApi([status(503, 'ServiceUnavailable'), status(500, 'InternalError'), { status: 200, body: { ok: 1 } }], {}, async (c, api, clock) => {
    assert.deepEqual(await c.get(deploy), { ok: 1 });
    assert.equal(api.seen.length, 3);
    assert.deepEqual(clock.waits, [50, 100], 'random 0.5 × 100 ms, then × 200 ms');
  });
});

test('backoff ceilings double up to the cap', async () => {
  const five = Array.from({ length: 5 }, () => status(500, 'InternalError'));
  await withApi(five, { random: () => 0.999, retry: { attempts: 5, baseMs: 100, capMs: 300 } }, async (c, api, clock) => {
    await assert.rejects(c.get(deploy), ServerError);
    assert.equal(api.seen.length, 5, 'gives up after the configured attempts');
    assert.deepEqual(clock.waits, [99, 199, 299, 299]);
  });
});

test('429 waits for Retry-After (capped) before retrying', async () => {
  await withApi([{ ...status(429, 'TooManyRequests'), headers: { 'retry-after': '2' } }, { status: 200, body: {} }], {}, async (c, api, clock) => {
    await c.get(deploy);
    assert.equal(api.seen.length, 2);
    assert.deepEqual(clock.waits, [2000]);
  });
  await withApi([{ ...status(429, 'TooManyRequests'), headers: { 'retry-after': '3600' } }], { retry: { attempts: 1 } }, async (c) => {
    await assert.rejects(c.get(deploy), TooManyRequestsError);
  });
});

test('409 Conflict is retried for a merge patch but not for server-side apply or AlreadyExists', async () => {
  await withApi([status(409, 'Conflict'), { status: 200, body: {} }], {}, async (c, api) => {
    await c.mergePatch(deploy, { metadata: { labels: { a: 'b' } } });
    assert.equal(api.seen.length, 2);
  });
  await withApi([status(409, 'Conflict', 'Apply failed with 1 conflict')], {}, async (c, api) => {
    await assert.rejects(c.apply(deploy, {}, { force: false }), ConflictError);
    assert.equal(api.seen.length, 1);
  });
  await withApi([status(409, 'AlreadyExists')], {}, async (c, api) => {
    await assert.rejects(c.create({ ...deploy, name: undefined }, {}), AlreadyExistsError);
    assert.equal(api.seen.length, 1);
  });
});

test('4xx other than 409/429 are not retried', async () => {
  await withApi([status(404, 'NotFound'), { status: 200, body: {} }], {}, async (c, api) => {
    await assert.rejects(c.get(deploy), NotFoundError);
    assert.equal(api.seen.length, 1);
  });
});

test('connection refused is retried, then surfaces as a TransportError', async () => {
  const api = await fakeApi([]);
  await api.close();
  const clock = new InstantClock();
  const c = new KubeClient({ connection: staticConnection(api.url), clock, random: () => 0, retry: { attempts: 3 } });
  await assert.rejects(c.get(deploy), (e: unknown) => e instanceof TransportError && e.code === 'ECONNREFUSED');
  assert.equal(clock.waits.length, 2);
});

test('a request with no answer times out on the clock', async () => {
  const api = await fakeApi(['hang']);
  try {
    const clock = new FakeClock();
    const c = new KubeClient({ connection: staticConnection(api.url), clock, timeoutMs: 30_000, retry: { attempts: 1 } });
    const p = c.get(deploy).then(
      () => undefined,
      (e: unknown) => e,
    );
    await until(() => api.seen.length === 1);
    clock.advance(30_000);
    assert.ok((await p) instanceof RequestTimeoutError);
  } finally {
    await api.close();
  }
});

test('the client-side token bucket paces requests beyond the burst', async () => {
  await withApi([], { qps: 2, burst: 2 }, async (c, api, clock) => {
    await Promise.all([c.get(deploy), c.get(deploy), c.get(deploy), c.get(deploy)]);
    assert.equal(api.seen.length, 4);
    assert.deepEqual(clock.waits, [500, 1000], 'two free, then 1/qps apart');
  });
});

test('each resource has its own token bucket (as controller-runtime): another resource does not wait', async () => {
  await withApi([], { qps: 2, burst: 2 }, async (c, api, clock) => {
    const cm = { group: '', version: 'v1', plural: 'configmaps', namespace: 'shop', name: 'web' };
    await Promise.all([c.get(deploy), c.get(deploy), c.get(cm), c.get(cm), c.mergePatch({ ...deploy, subresource: 'status' }, {})]);
    assert.equal(api.seen.length, 5);
    assert.deepEqual(clock.waits, [500], 'only the third deployments request (the status write) waits');
  });
});

test('a base URL path prefix is kept', async () => {
  const api = await fakeApi([]);
  try {
    const c = new KubeClient({ connection: staticConnection(api.url + '/proxy/k8s/'), clock: new InstantClock() });
    await c.get({ group: '', version: 'v1', plural: 'namespaces', name: 'default' });
    assert.equal(api.seen[0]?.url, '/proxy/k8s/api/v1/namespaces/default');
  } finally {
    await api.close();
  }
});

test('stream returns the open response, or a typed error for a non-2xx status', async () => {
  await withApi([{ status: 200, body: { type: 'ADDED' } }, status(410, 'Expired')], {}, async (c, api) => {
    const res = await c.stream('/api/v1/pods', { watch: 1, resourceVersion: '10', allowWatchBookmarks: true });
    let text = '';
    for await (const chunk of res) text += String(chunk);
    assert.deepEqual(JSON.parse(text), { type: 'ADDED' });
    assert.equal(api.seen[0]?.url, '/api/v1/pods?allowWatchBookmarks=true&resourceVersion=10&watch=1');
    await assert.rejects(c.stream('/api/v1/pods', { watch: 1 }), GoneError);
  });
});

test('encodeQuery sorts keys and drops undefined values', () => {
  assert.equal(encodeQuery({ b: 1, a: 'x y', c: undefined }), '?a=x%20y&b=1');
  assert.equal(encodeQuery({}), '');
  assert.equal(encodeQuery(undefined), '');
});

test('onAttempt sees every attempt with its status, so writes can be counted', async () => {
  const attempts: Array<[string, number | 'error']> = [];
  await withApi([status(503, 'ServiceUnavailable'), { status: 200, body: {} }, { status: 201, body: {} }], { onAttempt: (m, c) => attempts.push([m, c]) }, async (c) => {
    await c.get(deploy);
    await c.create({ ...deploy, name: undefined }, {});
  });
  assert.deepEqual(attempts, [['GET', 503], ['GET', 200], ['POST', 201]]);
});
