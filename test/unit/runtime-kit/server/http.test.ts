import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { FakeClock } from '../../../../runtime-kit/clock.ts';
import type { RunningServer } from '../../../../runtime-kit/server/http.ts';
import { resolvePort, startServer } from '../../../../runtime-kit/server/http.ts';
import type { FakeCrd } from './fake-view.ts';
import { fakeCrd, fakeView } from './fake-view.ts';

const clock = new FakeClock(Date.UTC(2026, 0, 1, 12, 0, 0));
const web = fakeCrd(clock, 'webapp', { namespace: 'shop' });
const db = fakeCrd(clock, 'database', { kind: 'Database', dependsOn: ['webapp'] });
const view = fakeView([web, db]);
let server: RunningServer;

interface Res {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<Res> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, method, path, headers }, (res) => {
      let data = '';
      res.setEncoding('utf8').on('data', (c: string) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
const getJson = async (path: string): Promise<{ status: number; json: Record<string, unknown> }> => {
  const r = await request('GET', path);
  return { status: r.status, json: JSON.parse(r.body) as Record<string, unknown> };
};

before(async () => {
  server = await startServer({ view, port: 0, host: '127.0.0.1', clock });
  web.healthRecord.markStarted();
  db.healthRecord.markStarted();
  clock.advance(65_000);
  web.healthRecord.recordSuccess();
  web.objects = [
    { metadata: { name: 'b', namespace: 'shop', creationTimestamp: '2026-01-01T11:59:00Z' }, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] } },
    { metadata: { name: 'a', namespace: 'shop', creationTimestamp: '2026-01-01T10:00:00Z' }, status: {} },
  ];
  web.busy = 1;
  web.depth = 4;
});
after(() => server.close());

test('probes answer 200 when live, ready and started', async () => {
  for (const p of ['/health', '/healthz', '/ready', '/readyz', '/startup']) {
    const r = await getJson(p);
    assert.equal(r.status, 200, p);
    assert.deepEqual(r.json, { status: 'ok' });
  }
});

test('readiness and startup answer 503, liveness 500, when not so', async () => {
  view.probeState = { live: false, ready: false, started: false };
  try {
    assert.equal((await request('GET', '/ready')).status, 503);
    assert.equal((await request('GET', '/readyz')).status, 503);
    assert.equal((await request('GET', '/startup')).status, 503);
    assert.equal((await request('GET', '/health')).status, 500);
    assert.equal((await request('GET', '/healthz')).status, 500);
  } finally {
    view.probeState = { live: true, ready: true, started: true };
  }
});

test('/metrics serves the Prometheus text with its content type', async () => {
  const r = await request('GET', '/metrics');
  assert.equal(r.status, 200);
  assert.match(r.headers['content-type'] ?? '', /^text\/plain; version=0\.0\.4/);
  assert.equal(r.body, 'ork_leader 1\n');
});

test('/katalog summarises every CRD', async () => {
  const r = await getJson('/katalog');
  assert.equal(r.status, 200);
  assert.equal(r.json['name'], 'shop');
  assert.equal(r.json['version'], '1.2.0');
  assert.equal(r.json['healthy'], true);
  assert.equal(r.json['isKonductor'], true);
  assert.equal(r.json['total'], 2);
  assert.deepEqual(r.json['statusCounts'], { healthy: 1, degraded: 0, started: 2, pending: 1 });
  assert.deepEqual(r.json['namespaces'], { shop: ['webapp'], '*': ['database'] });
  const crds = r.json['crds'] as Array<Record<string, unknown>>;
  assert.deepEqual(crds[0], {
    name: 'webapp',
    gvk: 'apps.example.com/v1, Kind=WebApp',
    workers: 3,
    resync: '30s',
    state: 'healthy',
    healthy: true,
    uptime: '1m5s',
    endpoints: { health: '/katalog/webapp/health', info: '/katalog/webapp' },
  });
});

test('/katalog/{crd} reports workers and queue figures', async () => {
  const r = await getJson('/katalog/webapp');
  assert.equal(r.status, 200);
  assert.equal(r.json['workersActive'], 3);
  assert.equal(r.json['workersProcessing'], 1);
  assert.equal(r.json['workersIdle'], 2);
  assert.deepEqual(r.json['workerDetails'], { '0': 'processing', '1': 'idle', '2': 'idle' });
  assert.equal(r.json['queueDepth'], 4);
  assert.deepEqual(r.json['queue'], { depth: 4, maxDepth: 0, failureThreshold: 2 });
  const m = r.json['metrics'] as Record<string, unknown>;
  assert.equal(m['successRate'], 1);
  assert.equal(m['resourceCount'], 2);
});

test('/katalog/{crd}/health answers 503 once degraded, and /katalog turns 503 too', async () => {
  assert.equal((await getJson('/katalog/database/health')).status, 200);
  db.healthRecord.recordFailure(new Error('apply failed'));
  db.healthRecord.recordFailure(new Error('apply failed again'));
  try {
    const h = await getJson('/katalog/database/health');
    assert.equal(h.status, 503);
    assert.equal(h.json['state'], 'degraded');
    assert.equal(h.json['consecutiveFails'], 2);
    assert.equal(h.json['lastError'], 'apply failed again');
    assert.equal(h.json['hasUnhealthyDependencies'], false);
    const k = await getJson('/katalog');
    assert.equal(k.status, 503);
    assert.equal(k.json['healthy'], false);
    assert.equal(k.json['totalDegraded'], 1);
    assert.match(String(k.json['degradedReason']), /^database: /);
  } finally {
    db.healthRecord.recordSuccess();
  }
});

test('/katalog/{crd}/health reports an unhealthy dependency', async () => {
  web.healthRecord.markStopped();
  try {
    const h = await getJson('/katalog/database/health');
    assert.equal(h.json['hasUnhealthyDependencies'], true);
    assert.deepEqual(h.json['unhealthyDependencies'], ['webapp']);
    assert.equal((await getJson('/katalog/webapp/health')).status, 503, 'not started is 503');
  } finally {
    web.healthRecord.markStarted();
    web.healthRecord.recordSuccess();
  }
});

test('/katalog/{crd}/cr lists cached CRs sorted, with phase, ready and age', async () => {
  const r = await getJson('/katalog/webapp/cr');
  assert.equal(r.status, 200);
  assert.equal(r.json['total'], 2);
  assert.deepEqual(r.json['items'], [
    { name: 'a', namespace: 'shop', phase: '', ready: false, age: '2h1m5s' },
    { name: 'b', namespace: 'shop', phase: 'Running', ready: true, age: '2m5s' },
  ]);
});

test('/katalog/{crd}/cr/{ns}/{name} returns the CR with children; 404 when absent', async () => {
  const r = await getJson('/katalog/webapp/cr/shop/b');
  assert.equal(r.status, 200);
  assert.equal(r.json['name'], 'b');
  assert.deepEqual(r.json['children'], { Deployment: [{ name: 'web', namespace: 'shop' }] });
  assert.equal((r.json['object'] as { metadata: { name: string } }).metadata.name, 'b');
  assert.equal((await request('GET', '/katalog/webapp/cr/shop/zzz')).status, 404);
});

test('/katalog/{crd}/cr/{name} finds a cluster-scoped CR', async () => {
  web.objects.push({ metadata: { name: 'global' } });
  try {
    const r = await getJson('/katalog/webapp/cr/global');
    assert.equal(r.status, 200);
    assert.equal(r.json['namespace'], '');
  } finally {
    web.objects.pop();
  }
});

test('unknown paths and unknown CRDs are 404 without echoing the input', async () => {
  for (const p of ['/', '/nope', '/katalog/unknowncrd', '/katalog/webapp/extra', '/katalog/webapp/cr/a/b/c', '/katalog/WebApp', '/katalog/%3Cscript%3E', '/metrics/x']) {
    const r = await request('GET', p);
    assert.equal(r.status, 404, p);
    assert.equal(r.body, '{"error":"not found"}\n', p);
  }
  const evil = await request('GET', '/katalog/<script>alert(1)</script>');
  assert.equal(evil.status, 404);
  assert.doesNotMatch(evil.body, /script/);
});

test('non-GET methods on known paths are 405 with Allow', async () => {
  for (const m of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
    const r = await request(m, '/katalog');
    assert.equal(r.status, 405, m);
    assert.equal(r.headers['allow'], 'GET, HEAD');
  }
  assert.equal((await request('POST', '/no-such-path')).status, 404);
});

test('HEAD answers with GET headers and no body', async () => {
  const r = await request('HEAD', '/katalog');
  assert.equal(r.status, 200);
  assert.equal(r.body, '');
  assert.ok(Number(r.headers['content-length']) > 10);
  assert.equal(r.headers['x-content-type-options'], 'nosniff');
});

test('a declared body over the bound is refused with 413 and the connection closed', async () => {
  const r = await request('POST', '/katalog', 'x'.repeat(5000));
  assert.equal(r.status, 413);
  assert.equal(r.headers['connection'], 'close');
});

test('a small body is discarded and the request answered', async () => {
  const r = await request('GET', '/health', 'tiny', { 'content-length': '4' });
  assert.equal(r.status, 200);
});

test('a streamed (chunked) body is not read past the bound', async () => {
  const status = await new Promise<number>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, method: 'POST', path: '/katalog', headers: { 'transfer-encoding': 'chunked' } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.write('y'.repeat(800));
    req.write('y'.repeat(800));
    // never ended by the client: the server must answer on its own once over the bound
  });
  assert.equal(status, 413);
});

test('raw request with an absurd path is 404', async () => {
  const body = await new Promise<string>((resolve, reject) => {
    const sock = net.connect(server.port, '127.0.0.1', () => sock.end(`GET /${'a'.repeat(2000)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`));
    let data = '';
    sock.setEncoding('utf8').on('data', (c: string) => (data += c));
    sock.on('end', () => resolve(data));
    sock.on('error', reject);
  });
  assert.match(body, /^HTTP\/1\.1 404/);
});

test('resolvePort: option, then ORK_PORT, then 8080; rejects junk', () => {
  assert.equal(resolvePort(9090, { ORK_PORT: '7000' }), 9090);
  assert.equal(resolvePort(undefined, { ORK_PORT: '7000' }), 7000);
  assert.equal(resolvePort(undefined, {}), 8080);
  assert.throws(() => resolvePort(undefined, { ORK_PORT: 'abc' }), /invalid port/);
  assert.throws(() => resolvePort(70000), /invalid port/);
});
