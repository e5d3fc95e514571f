import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../../../runtime-kit/clock.ts';
import { createLogger } from '../../../../runtime-kit/log/logger.ts';
import { Counter, Gauge } from '../../../../runtime-kit/metrics/exposition.ts';
import { createMetrics } from '../../../../runtime-kit/metrics/operator-metrics.ts';
import { createWorkQueue } from '../../../../runtime-kit/queue/create.ts';
import { queueInstruments, workerInstruments } from '../../../../runtime-kit/queue/instrument.ts';
import { startWorkers } from '../../../../runtime-kit/queue/worker-pool.ts';
import { LineCollector, until } from '../helpers.ts';

async function value(metrics: ReturnType<typeof createMetrics>, name: string, labels: Record<string, string>): Promise<number | undefined> {
  const m = metrics.registry.get(name);
  assert.ok(m instanceof Counter || m instanceof Gauge, `${name} is a registered counter or gauge`);
  return m.value(labels);
}

test('maxDepth refusals are counted in ork_workqueue_parked_total (not as drops) and logged once per episode', async () => {
  const clock = new FakeClock();
  const sink = new LineCollector();
  const metrics = createMetrics({ processMetrics: false });
  const logger = createLogger({ stream: sink, level: 'info', clock });
  const q = createWorkQueue<string>({ clock, maxDepth: 2, observer: queueInstruments('webapp', metrics, logger) });
  q.add('ns/a');
  q.add('ns/b');
  for (const k of ['ns/c', 'ns/d', 'ns/e']) assert.equal(q.add(k), 'refused');
  assert.equal(await value(metrics, 'ork_workqueue_parked_total', { crd: 'webapp' }), 3);
  assert.equal(await value(metrics, 'ork_workqueue_dropped_total', { crd: 'webapp' }), undefined, 'a refusal is not a drop');
  assert.equal(await value(metrics, 'ork_workqueue_depth', { crd: 'webapp' }), 2);
  assert.equal(await value(metrics, 'ork_workqueue_adds_total', { crd: 'webapp' }), 2);
  const warns = sink.lines.filter((l) => l['level'] === 'warn');
  assert.equal(warns.length, 1);
  assert.match(String(warns[0]?.['msg']), /work queue full/);
  assert.equal(warns[0]?.['crd'], 'webapp');
  assert.equal(warns[0]?.['key'], 'ns/c');
  assert.equal(warns[0]?.['maxDepth'], 2);
  await q.get();
  const recovered = sink.withMsg(/accepting keys again/);
  assert.equal(recovered.length, 1);
  assert.equal(recovered[0]?.['refused'], 3);
});

test('giving up after maxAttempts is counted with reason max_attempts and logged', () => {
  const clock = new FakeClock();
  const sink = new LineCollector();
  const metrics = createMetrics({ processMetrics: false });
  const q = createWorkQueue<string>({ clock, retryBackoff: { maxAttempts: 1 }, observer: queueInstruments('db', metrics, createLogger({ stream: sink, clock })) });
  q.addRateLimited('ns/x');
  q.addRateLimited('ns/x');
  return value(metrics, 'ork_workqueue_dropped_total', { crd: 'db', reason: 'max_attempts' }).then((v) => {
    assert.equal(v, 1);
    assert.equal(sink.withMsg(/giving up/).length, 1);
  });
});

test('worker results feed ork_reconcile_total by result and log failures with key and reconcile id', async () => {
  const clock = new FakeClock();
  const sink = new LineCollector();
  const metrics = createMetrics({ processMetrics: false });
  const logger = createLogger({ stream: sink, clock });
  const q = createWorkQueue<string>({ clock, observer: queueInstruments('web', metrics, logger) });
  let n = 0;
  const pool = startWorkers({
    queue: q,
    clock,
    workers: 1,
    handler: async () => {
      if (++n === 1) throw new Error('apply failed');
    },
    ...workerInstruments('web', metrics, logger),
  });
  q.add('ns/a');
  await until(() => n === 1);
  clock.advance(5);
  await until(() => n === 2);
  await pool.stop();
  assert.equal(await value(metrics, 'ork_reconcile_total', { crd: 'web', result: 'error' }), 1);
  assert.equal(await value(metrics, 'ork_reconcile_total', { crd: 'web', result: 'success' }), 1);
  assert.equal(await value(metrics, 'controller_reconcile_total', { crd: 'web', result: 'success' }), 1);
  assert.equal(await value(metrics, 'ork_workqueue_retries_total', { crd: 'web' }), 1);
  const err = sink.withMsg(/reconcile failed/)[0];
  assert.equal(err?.['key'], 'ns/a');
  assert.equal(err?.['err'], 'apply failed');
  assert.match(String(err?.['reconcileId']), /^r-1$/);
});
