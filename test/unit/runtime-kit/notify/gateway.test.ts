import { test } from 'node:test';
import assert from 'node:assert/strict';
import dc from 'node:diagnostics_channel';
import http from 'node:http';
import { FakeClock } from '../../../../runtime-kit/clock.ts';
import { createLogger } from '../../../../runtime-kit/log/logger.ts';
import type { NotifyResult } from '../../../../runtime-kit/metrics/operator-metrics.ts';
import { GatewayNotifier, notifyUrl, resolveGatewayEndpoint } from '../../../../runtime-kit/notify/gateway.ts';
import type { Notification } from '../../../../runtime-kit/notify/payload.ts';
import type { PostJson } from '../../../../runtime-kit/notify/transport.ts';
import { httpPostJson } from '../../../../runtime-kit/notify/transport.ts';
import { LineCollector, tick, until } from '../helpers.ts';
import { startFakeGateway } from '../../../helpers/fake-gateway.ts';

/** A local gateway answering each request with the next scripted status, or holding it ('hang'). */
const gateway = startFakeGateway;

const note: Notification = {
  katalogName: 'shop',
  crName: 'web',
  crNamespace: 'prod',
  gvk: 'apps.example.com/v1, Kind=WebApp',
  condKey: 'metrics.errorRatePercent>5',
  teamName: 'sre',
  subject: 'error rate high',
  message: 'web error rate above 5%',
  data: { errorRatePercent: 7 },
};

/** True when the only timer is the retry backoff of `ms` (no request timeout pending). */
function backoffPending(clock: FakeClock, ms: number): boolean {
  return clock.pending() === 1 && clock.nextDue() === clock.now() + ms;
}

function setup(endpoint: string | undefined, extra: { transport?: PostJson; queueSize?: number } = {}) {
  const clock = new FakeClock(Date.UTC(2026, 10, 30, 8, 0, 0, 123));
  const results: NotifyResult[] = [];
  const sink = new LineCollector();
  const notifier = new GatewayNotifier({ endpoint, clock, onResult: (r) => results.push(r), logger: createLogger({ stream: sink, clock }), ...extra });
  return { clock, results, sink, notifier };
}

test('posts the payload to <endpoint>/notify as JSON and counts success', async () => {
  const gw = await gateway([204]);
  try {
    const { notifier, results } = setup(gw.endpoint);
    assert.equal(notifier.notify(note), 'queued');
    await notifier.idle();
    assert.equal(gw.received.length, 1);
    const r = gw.received[0];
    assert.equal(r?.method, 'POST');
    assert.equal(r?.path, '/notify');
    assert.equal(r?.contentType, 'application/json');
    assert.deepEqual(JSON.parse(r?.body ?? ''), {
      katalogName: 'shop',
      crName: 'web',
      crNamespace: 'prod',
      gvk: 'apps.example.com/v1, Kind=WebApp',
      condKey: 'metrics.errorRatePercent>5',
      teamName: 'sre',
      subject: 'error rate high',
      message: 'web error rate above 5%',
      timestamp: '2026-11-30T08:00:00Z',
      data: { errorRatePercent: 7 },
    });
    assert.deepEqual(Object.keys(JSON.parse(r?.body ?? '') as object), ['katalogName', 'crName', 'crNamespace', 'gvk', 'condKey', 'teamName', 'subject', 'message', 'timestamp', 'data']);
    assert.deepEqual(results, ['sent']);
  } finally {
    await gw.close();
  }
});

test('retries a status >= 300 after 250 ms, then 500 ms, and succeeds on a status < 300', async () => {
  const gw = await gateway([500, 302, 299]);
  try {
    const { notifier, results, clock } = setup(gw.endpoint);
    notifier.notify(note);
    await until(() => gw.received.length === 1 && backoffPending(clock, 250));
    clock.advance(249);
    for (let i = 0; i < 50; i++) await tick();
    assert.equal(gw.received.length, 1, 'no retry before the backoff');
    clock.advance(1);
    await until(() => gw.received.length === 2 && backoffPending(clock, 500));
    clock.advance(499);
    for (let i = 0; i < 50; i++) await tick();
    assert.equal(gw.received.length, 2);
    clock.advance(1);
    await notifier.idle();
    assert.equal(gw.received.length, 3);
    assert.deepEqual(results, ['sent']);
  } finally {
    await gw.close();
  }
});

test('gives up after 3 attempts and logs the dispatch failure', async () => {
  const gw = await gateway([500, 503, 400, 200]);
  try {
    const { notifier, results, clock, sink } = setup(gw.endpoint);
    notifier.notify(note);
    await until(() => gw.received.length === 1 && backoffPending(clock, 250));
    clock.advance(250);
    await until(() => gw.received.length === 2 && backoffPending(clock, 500));
    clock.advance(500);
    await notifier.idle();
    assert.equal(gw.received.length, 3, 'exactly three attempts');
    assert.deepEqual(results, ['failed']);
    const err = sink.lines.find((l) => l['level'] === 'error');
    assert.equal(err?.['msg'], 'notification: gateway dispatch failed after 3 attempts: gateway returned status 400');
    assert.equal(err?.['key'], 'prod/web');
  } finally {
    await gw.close();
  }
});

test('retries transport errors (connection refused)', async () => {
  const gw = await gateway([]);
  const endpoint = gw.endpoint;
  await gw.close();
  let settled = 0;
  const clockBox: { clock?: FakeClock } = {};
  const transport: PostJson = (url, body, t) => httpPostJson(clockBox.clock as FakeClock)(url, body, t).finally(() => settled++);
  const { notifier, results, clock, sink } = setup(endpoint, { transport });
  clockBox.clock = clock;
  notifier.notify(note);
  await until(() => settled === 1);
  clock.advance(250);
  await until(() => settled === 2);
  clock.advance(500);
  await notifier.idle();
  assert.equal(settled, 3);
  assert.deepEqual(results, ['failed']);
  assert.match(String(sink.lines.find((l) => l['level'] === 'error')?.['msg']), /failed after 3 attempts: .*ECONNREFUSED/);
});

test('an attempt times out after 5 s on the clock and is retried', async () => {
  const gw = await gateway(['hang', 200]);
  try {
    const { notifier, results, clock } = setup(gw.endpoint);
    notifier.notify(note);
    await until(() => gw.received.length === 1);
    clock.advance(4999);
    for (let i = 0; i < 50; i++) await tick();
    assert.equal(results.length, 0, 'still waiting before 5 s');
    clock.advance(1);
    await until(() => backoffPending(clock, 250));
    clock.advance(250);
    await notifier.idle();
    assert.equal(gw.received.length, 2);
    assert.deepEqual(results, ['sent']);
  } finally {
    await gw.close();
  }
});

test('notify never waits for the network, and a full queue drops new notifications with a count', async () => {
  const gw = await gateway(['hang', 200, 200]);
  try {
    const { notifier, results, sink, clock } = setup(gw.endpoint, { queueSize: 2 });
    assert.equal(notifier.notify(note), 'queued');
    await until(() => gw.received.length === 1);
    assert.equal(notifier.notify(note), 'queued');
    assert.equal(notifier.notify(note), 'queued');
    assert.equal(notifier.notify(note), 'dropped');
    assert.equal(notifier.notify(note), 'dropped');
    assert.deepEqual(results, ['dropped', 'dropped']);
    assert.equal(sink.withMsg(/queue full/).length, 1, 'one warning per episode');
    clock.advance(5000);
    await until(() => backoffPending(clock, 250));
    clock.advance(250);
    await notifier.idle();
    assert.deepEqual(results, ['dropped', 'dropped', 'sent', 'sent', 'sent']);
  } finally {
    await gw.close();
  }
});

test('sends nothing when no endpoint is configured', async () => {
  let calls = 0;
  const transport: PostJson = async () => {
    calls++;
    return 200;
  };
  for (const endpoint of [undefined, '', '   ']) {
    const { notifier, results } = setup(endpoint, { transport });
    assert.equal(notifier.enabled(), false);
    assert.equal(notifier.notify(note), 'disabled');
    await notifier.idle();
    assert.deepEqual(results, []);
  }
  assert.equal(calls, 0);
});

test('throttles a key within the team interval', async () => {
  const gw = await gateway([200, 200]);
  try {
    const { notifier, clock, results } = setup(gw.endpoint);
    const key = { katalogName: 'shop', field: 'metrics.errorRatePercent', operator: 'gt', value: '5', teamName: 'sre' };
    assert.equal(notifier.notify(note, { key, intervalMs: 60_000 }), 'queued');
    assert.equal(notifier.notify(note, { key, intervalMs: 60_000 }), 'throttled');
    assert.equal(notifier.notify(note, { key: { ...key, teamName: 'dev' }, intervalMs: 60_000 }), 'queued', 'another team is another key');
    await notifier.idle();
    clock.advance(60_000);
    assert.equal(notifier.notify(note, { key, intervalMs: 60_000 }), 'queued');
    await notifier.idle();
    assert.equal(gw.received.length, 3);
    assert.deepEqual(results, ['throttled', 'sent', 'sent', 'sent']);
  } finally {
    await gw.close();
  }
});

test('closed notifiers accept nothing new', () => {
  const { notifier } = setup('http://127.0.0.1:9');
  notifier.close();
  assert.equal(notifier.notify(note), 'closed');
});

test('notifyUrl appends /notify to the endpoint and refuses non-http schemes', () => {
  assert.equal(notifyUrl('http://gw:8443')?.href, 'http://gw:8443/notify');
  assert.equal(notifyUrl('https://gw.example.com/base/')?.href, 'https://gw.example.com/base/notify');
  assert.equal(notifyUrl(''), undefined);
  assert.throws(() => notifyUrl('file:///etc/passwd'), /http or https/);
  assert.throws(() => notifyUrl('not a url'), /not a valid URL/);
});

test('the notifier connects to the configured endpoint and nowhere else', async () => {
  const gw = await gateway([500, 200]);
  const sockets: string[] = [];
  const onSocket = (msg: unknown): void => {
    const s = (msg as { socket: { remoteAddress?: string; remotePort?: number; once: (e: string, f: () => void) => void } }).socket;
    s.once('connect', () => sockets.push(`${s.remoteAddress}:${s.remotePort}`));
  };
  dc.subscribe('net.client.socket', onSocket);
  try {
    const { notifier, clock, results } = setup(gw.endpoint);
    notifier.notify(note);
    await until(() => gw.received.length === 1 && backoffPending(clock, 250));
    clock.advance(250);
    await notifier.idle();
    assert.deepEqual(results, ['sent']);
    const port = new URL(gw.endpoint).port;
    assert.equal(sockets.length, 2, 'one connection per attempt');
    assert.ok(sockets.every((s) => s === `127.0.0.1:${port}`), sockets.join(', '));
  } finally {
    dc.unsubscribe('net.client.socket', onSocket);
    await gw.close();
  }
});

test('ORK_GATEWAY_ENDPOINT overrides the Katalog endpoint; neither means disabled', () => {
  assert.equal(resolveGatewayEndpoint('http://gw:8443', { ORK_GATEWAY_ENDPOINT: 'http://other:9' }), 'http://other:9');
  assert.equal(resolveGatewayEndpoint('http://gw:8443', { ORK_GATEWAY_ENDPOINT: ' ' }), 'http://gw:8443');
  assert.equal(resolveGatewayEndpoint(undefined, {}), undefined);
  assert.equal(resolveGatewayEndpoint('', {}), undefined);
});
