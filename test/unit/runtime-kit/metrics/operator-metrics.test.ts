import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createMetrics } from '../../../../runtime-kit/metrics/operator-metrics.ts';

test('exposes the ork_* series in Prometheus text', async () => {
  const m = createMetrics({ processMetrics: false });
  m.reconcile('webapp', 'success', 0.02);
  m.queueDepth('webapp', 3);
  m.queueAdd('webapp');
  m.queueRetry('webapp');
  m.queueParked('webapp');
  m.queueDropped('webapp', 'max_attempts');
  m.workersActive('webapp', 2);
  m.resources('webapp', 10);
  m.leader(true);
  m.notification('sent');
  const text = await m.registry.metrics();
  for (const line of [
    'ork_reconcile_total{crd="webapp",result="success"} 1',
    'ork_reconcile_duration_seconds_bucket{le="0.025",crd="webapp",result="success"} 1',
    'ork_workqueue_depth{crd="webapp"} 3',
    'ork_workqueue_adds_total{crd="webapp"} 1',
    'ork_workqueue_retries_total{crd="webapp"} 1',
    'ork_workqueue_parked_total{crd="webapp"} 1',
    'ork_workqueue_dropped_total{crd="webapp",reason="max_attempts"} 1',
    'ork_workers_active{crd="webapp"} 2',
    'ork_resources{crd="webapp"} 10',
    'ork_leader 1',
    'ork_notifications_total{result="sent"} 1',
  ]) {
    assert.ok(text.includes(line), line);
  }
});

test('also exposes Orkestra controller_* names by default, and not when disabled', async () => {
  const on = createMetrics({ processMetrics: false });
  on.reconcile('db', 'error', 1);
  on.queueDepth('db', 1);
  on.workersActive('db', 1);
  on.resources('db', 4);
  const text = await on.registry.metrics();
  for (const line of [
    'controller_reconcile_total{crd="db",result="error"} 1',
    'controller_reconcile_duration_seconds_count{crd="db",result="error"} 1',
    'controller_queue_depth{crd="db"} 1',
    'controller_workers_active{crd="db"} 1',
    'controller_resource_count{crd="db"} 4',
  ]) {
    assert.ok(text.includes(line), line);
  }
  const off = createMetrics({ processMetrics: false, orkestraCompat: false });
  off.reconcile('db', 'error', 1);
  assert.doesNotMatch(await off.registry.metrics(), /controller_/);
});

test('each operator gets its own registry (no global collisions)', async () => {
  const a = createMetrics({ processMetrics: false });
  const b = createMetrics({ processMetrics: false, defaultLabels: { katalog: 'b' } });
  a.leader(true);
  b.leader(false);
  assert.match(await a.registry.metrics(), /^ork_leader 1$/m);
  assert.match(await b.registry.metrics(), /^ork_leader\{katalog="b"\} 0$/m);
});

test('process metrics are included by default, read from the process at scrape time', async () => {
  const m = createMetrics();
  const value = (text: string, name: string): number => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);
  const first = await m.registry.metrics();
  for (const name of ['process_resident_memory_bytes', 'process_start_time_seconds', 'process_cpu_seconds_total', 'nodejs_heap_size_used_bytes', 'nodejs_heap_size_total_bytes', 'nodejs_external_memory_bytes', 'nodejs_eventloop_lag_seconds']) {
    assert.ok(value(first, name) > 0, `${name} is a positive number`);
  }
  assert.ok(Math.abs(value(first, 'process_start_time_seconds') - (Date.now() / 1000 - process.uptime())) < 2, 'start time is this process start');
  assert.ok(Math.abs(value(first, 'process_resident_memory_bytes') - process.memoryUsage.rss()) < 64 * 2 ** 20, 'resident memory is this process RSS');
  const spin = Date.now() + 50;
  while (Date.now() < spin); // burn 50 ms of CPU between two scrapes
  const second = await m.registry.metrics();
  assert.ok(value(second, 'process_cpu_seconds_total') - value(first, 'process_cpu_seconds_total') >= 0.04, 'CPU seconds grow with the CPU spent');
  assert.match(second, new RegExp(`^nodejs_version_info\\{version="${process.version}",major="\\d+",minor="\\d+",patch="\\d+"\\} 1$`, 'm'));
});

test('counts API request attempts by method and code', async () => {
  const m = createMetrics({ processMetrics: false });
  m.apiRequest('PATCH', 200);
  m.apiRequest('PATCH', 200);
  m.apiRequest('GET', 'error');
  const text = await m.registry.metrics();
  assert.ok(text.includes('ork_api_requests_total{method="PATCH",code="200"} 2'));
  assert.ok(text.includes('ork_api_requests_total{method="GET",code="error"} 1'));
});
