/**
 * The operator's notification path (runtime-kit/operator/notify-wiring.ts) against a real local
 * HTTP Gateway: off without an endpoint, a bad endpoint named with its setting, one POST per
 * transition with the §4.8 body, the team interval throttling a flapping condition, nothing
 * for CRs being deleted, and reconciles that never wait for the Gateway.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { realClock } from '../../../../runtime-kit/clock.ts';
import { createLogger } from '../../../../runtime-kit/log/logger.ts';
import { createMetrics } from '../../../../runtime-kit/metrics/operator-metrics.ts';
import type { FiredNotification, NotifyingDesired } from '../../../../runtime-kit/notify/fired.ts';
import type { KubeObjectLike, ReconcileFn } from '../../../../runtime-kit/reconcile/desired.ts';
import { createNotifyWiring, type NotifyWiringOptions } from '../../../../runtime-kit/operator/notify-wiring.ts';
import { startFakeGateway } from '../../../helpers/fake-gateway.ts';
import { LineCollector, until } from '../helpers.ts';

const cr = (name: string, extra: Partial<KubeObjectLike['metadata']> = {}): KubeObjectLike => ({ apiVersion: 'messaging.ork.dev/v1', kind: 'Queue', metadata: { name, namespace: 'prod', ...extra } });
const fired = (intervalMs = 0): FiredNotification => ({ condKey: 'spec.maxBacklog|gt|100000', field: 'spec.maxBacklog', operator: 'gt', value: '100000', actual: '250000', team: 'oncall', intervalMs, message: 'backlog limit above 100000' });

/** A reconcile function whose notifications the test sets before each call. */
function scripted(): { fn: ReconcileFn; next: FiredNotification[] } {
  const s = { next: [] as FiredNotification[], fn: ((): NotifyingDesired => ({ children: [], gatedOff: [], statusFields: {}, requeueAfterMs: 0, deletionStages: [], notifications: s.next })) as ReconcileFn };
  return s;
}

function options(extra: Partial<NotifyWiringOptions> = {}): NotifyWiringOptions & { logs: LineCollector; metrics: ReturnType<typeof createMetrics> } {
  const logs = new LineCollector();
  const metrics = createMetrics({ processMetrics: false, orkestraCompat: false });
  return { katalogName: 'queues', katalogEndpoint: undefined, env: {}, metrics, log: createLogger({ stream: logs, level: 'debug' }), clock: realClock, backoffMs: 10, logs, ...extra };
}

async function counter(metrics: ReturnType<typeof createMetrics>, result: string): Promise<number> {
  const text = await metrics.registry.metrics();
  const m = new RegExp(`^ork_notifications_total\\{result="${result}"\\} (\\d+)`, 'm').exec(text);
  return m ? Number(m[1]) : 0;
}

test('no endpoint anywhere: no wiring at all (nothing can be sent)', () => {
  assert.equal(createNotifyWiring(options()), undefined);
  assert.equal(createNotifyWiring(options({ env: { ORK_GATEWAY_ENDPOINT: '  ' } })), undefined, 'a blank override is unset');
});

test('a bad endpoint is an error naming the setting it came from', () => {
  assert.throws(() => createNotifyWiring(options({ env: { ORK_GATEWAY_ENDPOINT: 'ftp://gw:21' } })), /^Error: ORK_GATEWAY_ENDPOINT "ftp:\/\/gw:21": gateway endpoint must be http or https; set it to http\(s\):\/\/<gateway-host>:<port>$/);
  assert.throws(() => createNotifyWiring(options({ katalogEndpoint: 'not a url' })), /^Error: gateway.endpoint "not a url": gateway endpoint is not a valid URL/);
});

test('one POST per transition with the §4.8 body; ORK_GATEWAY_ENDPOINT overrides gateway.endpoint', async () => {
  const gw = await startFakeGateway();
  const o = options({ katalogEndpoint: 'http://127.0.0.1:1', env: { ORK_GATEWAY_ENDPOINT: gw.endpoint } });
  const wiring = createNotifyWiring(o)!;
  try {
    const r = scripted();
    const reconcile = wiring.wrap(r.fn);
    r.next = [fired()];
    for (let i = 0; i < 5; i++) reconcile(cr('orders'), { children: {}, ork: {} }); // still holding: one transition
    await wiring.notifier.idle();
    assert.equal(gw.received.length, 1);
    const req = gw.received[0]!;
    assert.equal(req.method, 'POST');
    assert.equal(req.path, '/notify');
    assert.equal(req.contentType, 'application/json');
    const body = JSON.parse(req.body) as Record<string, unknown>;
    assert.deepEqual(Object.keys(body), ['katalogName', 'crName', 'crNamespace', 'gvk', 'condKey', 'teamName', 'subject', 'message', 'timestamp', 'data']);
    assert.deepEqual({ ...body, timestamp: 'T' }, {
      katalogName: 'queues', crName: 'orders', crNamespace: 'prod', gvk: 'messaging.ork.dev/v1, Kind=Queue', condKey: 'spec.maxBacklog|gt|100000',
      teamName: 'oncall', subject: 'spec.maxBacklog condition triggered', message: 'backlog limit above 100000', timestamp: 'T',
      data: { field: 'spec.maxBacklog', operator: 'gt', value: '100000', actual: '250000' },
    });
    assert.match(String(body['timestamp']), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    r.next = [];
    reconcile(cr('orders'), { children: {}, ork: {} }); // stops holding
    r.next = [fired()];
    reconcile(cr('orders'), { children: {}, ork: {} }); // holds again: a new transition
    reconcile(cr('other'), { children: {}, ork: {} }); // another CR: its own transition
    await wiring.notifier.idle();
    assert.deepEqual(gw.received.map((q) => (JSON.parse(q.body) as { crName: string }).crName), ['orders', 'orders', 'other']);
    assert.equal(await counter(o.metrics, 'sent'), 3);
  } finally {
    await wiring.close(1000);
    await gw.close();
  }
});

test('the team interval throttles a flapping condition of one CR; deleting CRs send nothing', async () => {
  const gw = await startFakeGateway();
  const o = options({ katalogEndpoint: gw.endpoint });
  const wiring = createNotifyWiring(o)!;
  try {
    const r = scripted();
    const reconcile = wiring.wrap(r.fn);
    for (let i = 0; i < 3; i++) {
      r.next = [fired(60_000)];
      reconcile(cr('orders'), { children: {}, ork: {} });
      r.next = [];
      reconcile(cr('orders'), { children: {}, ork: {} });
    }
    r.next = [fired(60_000)];
    reconcile(cr('gone', { deletionTimestamp: '2026-01-01T00:00:00Z' }), { children: {}, ork: {} });
    await wiring.notifier.idle();
    assert.equal(gw.received.length, 1, 'three transitions within the interval: one POST');
    assert.equal(await counter(o.metrics, 'throttled'), 2);
  } finally {
    await wiring.close(1000);
    await gw.close();
  }
});

test('a reconcile never waits for the Gateway: a hanging Gateway, then retries given up, counted and logged', async () => {
  const gw = await startFakeGateway(['hang']);
  gw.fallback = 500;
  const o = options({ katalogEndpoint: gw.endpoint, timeoutMs: 300 });
  const wiring = createNotifyWiring(o)!;
  try {
    const r = scripted();
    const reconcile = wiring.wrap(r.fn);
    r.next = [fired()];
    const t0 = performance.now();
    for (let i = 0; i < 20; i++) reconcile(cr(`q${i}`), { children: {}, ork: {} });
    const ms = performance.now() - t0;
    assert.ok(ms < 200, `20 reconciles took ${ms.toFixed(1)} ms while the Gateway hangs`);
    await until(() => gw.received.length >= 3, 200_000);
    await wiring.notifier.idle();
    assert.equal(gw.received.length, 60, '20 notifications × 3 attempts (timeout, then 500s)');
    assert.equal(await counter(o.metrics, 'failed'), 20);
    assert.equal(o.logs.withMsg(/gateway dispatch failed after 3 attempts/).length, 20);
  } finally {
    await wiring.close(1000);
    await gw.close();
  }
});

test('a full queue drops new notifications (counted), the reconcile still returns', async () => {
  const gw = await startFakeGateway(['hang']);
  const o = options({ katalogEndpoint: gw.endpoint, queueSize: 2, timeoutMs: 2000 });
  const wiring = createNotifyWiring(o)!;
  try {
    const r = scripted();
    const reconcile = wiring.wrap(r.fn);
    r.next = [fired()];
    for (let i = 0; i < 6; i++) reconcile(cr(`q${i}`), { children: {}, ork: {} });
    assert.equal(await counter(o.metrics, 'dropped'), 3, 'one in flight, two queued, three dropped');
    assert.equal(o.logs.withMsg(/notification queue full/).length, 1, 'logged once per episode');
  } finally {
    await wiring.close(0);
    await gw.close();
  }
});
