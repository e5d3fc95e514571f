/**
 * Issue 7: a burst of CR creates is absorbed without drops. BURST_CRS WebApps (300 in CI, where a
 * file must stay well under 3 minutes; `npm run soak` runs 1000) are created at once (50 client
 * calls in flight) against one web-app operator; every CR must get
 * its Deployment and Service and Ready for its generation, and the auditor must find nothing
 * missing. Reported: time to all Ready, create→Ready p50/p99, the work queue's maximum depth
 * (sampled from /metrics), reconcile counts and API requests.
 * Second test: with `queue.maxDepth` set, a burst larger than the limit is refused visibly
 * (ork_workqueue_parked_total and a warn line), nothing is counted dropped, and the refused CRs
 * still all converge, without waiting for a resync (the operator parks refused keys and admits them
 * as the queue drains) — a refusal is never a silent drop.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { eventually } from '../../helpers/control-plane.ts';
import { audit, type Expected } from '../../soak/auditor.ts';
import { webAppFaultSuite } from '../../soak/fault-suite.ts';
import { GaugeMax, metricValue, scrape } from '../../soak/metrics.ts';
import { ReadyTracker } from '../../soak/ready-tracker.ts';
import { latencySummary } from '../../soak/stats.ts';
import { buildWebApp, logLines } from '../../soak/web-app-operator.ts';
import { forEachBounded, WebApps, type WebAppSpec } from '../../soak/webapps.ts';

const suite = webAppFaultSuite();
// The operator's client allows 20 requests/s (controller-runtime's default) and a new CR costs
// about 4 of them (finalizer, Deployment, Service, status), so 1000 CRs take ≥ 200 s on any machine.
const N = Number(process.env['BURST_CRS'] ?? 300);
const CONCURRENCY = 50;

const specOf = (i: number): WebAppSpec => ({ image: `nginx:1.${i % 30}`, replicas: 1 + (i % 3), port: 8080 });

/** Creates `n` CRs at once; returns name → time the create was sent. */
async function burst(apps: WebApps, prefix: string, n: number, expected: Map<string, Expected>): Promise<Map<string, number>> {
  const sentAt = new Map<string, number>();
  const names = Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(4, '0')}`);
  await forEachBounded(names, CONCURRENCY, async (name, i) => {
    sentAt.set(name, Date.now());
    expected.set(name, { deleted: false, spec: specOf(i) });
    await apps.create(name, specOf(i));
  });
  return sentAt;
}

/** A leading web-app operator (built with `build`) watching a fresh namespace, with Ready and queue-depth probes; torn down when `t` ends. */
async function leadingOperator(t: TestContext, prefix: string, build: Parameters<typeof buildWebApp>[0] = {}) {
  const { client } = suite;
  const { ns, replica } = await suite.scenario(t, prefix);
  const op = await replica(prefix, await buildWebApp(build));
  await eventually('the operator leads', 30_000, async () => (logLines(op, 'leading').length > 0 ? true : undefined));
  const tracker = new ReadyTracker(client, ns);
  await tracker.start();
  const depth = new GaugeMax(() => [op.port], 'ork_workqueue_depth', { crd: 'webapp' });
  return { client, ns, op, tracker, depth, apps: new WebApps(client, ns), expected: new Map<string, Expected>() };
}

test(`a burst of ${N} CR creates is absorbed: every CR reconciled, none dropped`, { timeout: 900_000 }, async (t) => {
  const { client, ns, op, tracker, depth, apps, expected } = await leadingOperator(t, 'faults-burst');

  const t0 = Date.now();
  const sentAt = await burst(apps, 'b', N, expected);
  const createdMs = Date.now() - t0;
  await eventually(`all ${N} CRs Ready`, 840_000, async () => (tracker.readyAt.size >= N ? true : undefined), 500);
  const allReadyMs = Date.now() - t0;
  depth.stop();
  await tracker.stop();

  const report = await audit(client, ns, expected);
  assert.deepEqual(report.problems, [], `${report.problemCount} problems`);
  assert.equal(report.converged, N);
  assert.equal(report.deployments, N);
  assert.equal(report.services, N);
  const metrics = (await scrape(op.port)) ?? '';
  const dropped = metricValue(metrics, 'ork_workqueue_dropped_total', { crd: 'webapp' });
  const parked = metricValue(metrics, 'ork_workqueue_parked_total', { crd: 'webapp' });
  assert.equal(dropped, 0, 'no key dropped');
  assert.equal(parked, 0, 'no key refused (maxDepth 0 = unlimited)');
  assert.equal(op.child.exitCode, null, 'the operator is still running');

  const latencies = [...sentAt].map(([name, sent]) => (tracker.readyAt.get(name) ?? Number.NaN) - sent);
  t.diagnostic(`${N} creates sent in ${createdMs} ms (${CONCURRENCY} in flight, ${apps.retries} client retries); all Ready after ${allReadyMs} ms`);
  t.diagnostic(`create→Ready ${latencySummary(latencies)}`);
  t.diagnostic(`work queue depth max ${depth.max} (${depth.samples} samples of /metrics every 250 ms); dropped ${dropped}`);
  t.diagnostic(
    `reconciles: success ${metricValue(metrics, 'ork_reconcile_total', { crd: 'webapp', result: 'success' })}, error ${metricValue(metrics, 'ork_reconcile_total', { crd: 'webapp', result: 'error' })}, requeue ${metricValue(metrics, 'ork_reconcile_total', { crd: 'webapp', result: 'requeue' })}; queue adds ${metricValue(metrics, 'ork_workqueue_adds_total', { crd: 'webapp' })}; API requests ${metricValue(metrics, 'ork_api_requests_total')} (${(metricValue(metrics, 'ork_api_requests_total') / (allReadyMs / 1000)).toFixed(1)}/s)`,
  );
  t.diagnostic(`auditor: ${report.converged}/${report.live} converged, ${report.deployments} Deployments, ${report.services} Services, ${report.orphans} orphans`);
  assert.equal(await op.stop(), 0, 'exit code after SIGTERM');
});

test('maxDepth: a burst over the limit is refused visibly (metric + warn line), and every refused CR still converges', { timeout: 600_000 }, async (t) => {
  const MAX_DEPTH = 20;
  const n = Number(process.env['BURST_MAXDEPTH_CRS'] ?? 120);
  const { client, ns, op, tracker, depth, apps, expected } = await leadingOperator(t, 'faults-depth', { maxDepth: MAX_DEPTH });
  const t0 = Date.now();
  await burst(apps, 'd', n, expected);
  await eventually(`all ${n} CRs Ready`, 300_000, async () => (tracker.readyAt.size >= n ? true : undefined), 500);
  const allReadyMs = Date.now() - t0;
  depth.stop();
  await tracker.stop();

  const metrics = (await scrape(op.port)) ?? '';
  const parked = metricValue(metrics, 'ork_workqueue_parked_total', { crd: 'webapp' });
  const dropped = metricValue(metrics, 'ork_workqueue_dropped_total', { crd: 'webapp' });
  const full = logLines(op, 'work queue full (maxDepth): refused keys wait in line and are admitted as it drains');
  const again = logLines(op, 'work queue accepting keys again');
  t.diagnostic(`${n} CRs, maxDepth ${MAX_DEPTH}, resync 30s: all Ready after ${allReadyMs} ms; refused and parked ${parked} adds in ${full.length} episodes (warn lines), dropped ${dropped}, depth max ${depth.max}`);
  assert.ok(parked > 0, 'the burst hit maxDepth and the refusals were counted');
  assert.equal(dropped, 0, 'a refused key is parked, not dropped');
  assert.ok(full.length > 0 && full.every((l) => l.level === 'warn' && l['maxDepth'] === MAX_DEPTH), 'each refusal episode logged a warn line naming maxDepth');
  assert.ok(again.length > 0 && again.some((l) => Number(l['refused']) > 0), 'the end of an episode is logged with the number refused');
  assert.ok(full.length <= 10, `one burst is a few episodes, not a log flood (${full.length} warn lines)`);
  assert.ok(depth.max <= MAX_DEPTH + 3, `depth stayed at the limit (forced re-adds aside): ${depth.max}`);
  const report = await audit(client, ns, expected);
  assert.deepEqual(report.problems, [], `${report.problemCount} problems`);
  assert.equal(report.converged, n);
  assert.equal(await op.stop(), 0);
});
