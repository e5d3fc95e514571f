/**
 * Issue 8, the soak auditor: SOAK_OPS (default 200 in CI; `npm run soak` runs 5000) WebApp
 * creates, spec updates and deletes in bursts (test/soak/workload.ts), against two web-app
 * operator replicas, while
 * - after a third of the bursts the leader is SIGKILLed (the standby takes over once the Lease
 *   expires; a fresh replica joins as the new standby), and
 * - after two thirds (once the failover is over) the kube-apiserver is killed and restarted on
 *   the same port (12 s down + its start-up), with the next bursts running into the outage; the
 *   leader loses the Lease past its renew deadline and a replica leads again once it is back.
 * Then the auditor (test/soak/auditor.ts) checks that every live CR converged (children match the
 * spec, Ready, observedGeneration == generation), every deleted CR is gone (finalizer released)
 * and no child is left without a live owner once the garbage collector settled. It reports the
 * counts. Afterwards the shared test plane must be `running` again for the files after this one.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { planeStatus } from '../../../compiler/plane/plane.ts';
import { restartApiserver } from '../../../compiler/plane/restart-apiserver.ts';
import type { KubeClient } from '../../../runtime-kit/client/rest.ts';
import { createTestNamespace, eventually, testPlane } from '../../helpers/control-plane.ts';
import { audit, type AuditReport } from '../../soak/auditor.ts';
import { releaseAndDelete } from '../../soak/cleanup.ts';
import { metricValue, scrape } from '../../soak/metrics.ts';
import { ReplicaSet } from '../../soak/replicas.ts';
import { buildWebApp, installCrd, loggedAt, logLines } from '../../soak/web-app-operator.ts';
import { adminClient, WebApps } from '../../soak/webapps.ts';
import { planWorkload, runBurst } from '../../soak/workload.ts';

const plane = testPlane();
const OPS = Number(process.env['SOAK_OPS'] ?? 200);
const BURST = Number(process.env['SOAK_BURST'] ?? Math.max(25, Math.round(OPS / 20)));
/** Longer than the renew deadline (10 s): the leader must lose the Lease and lead again afterwards. */
const APISERVER_DOWN_MS = 12_000;
const cleanups: Array<() => Promise<void>> = [];
after(async () => {
  for (const c of cleanups) await c();
});

test(`soak: ${OPS} creates/updates/deletes in bursts of ${BURST}, leader SIGKILLed and apiserver restarted mid-run; the auditor finds every CR converged, nothing orphaned, no delete lost`, { timeout: 600_000 + OPS * 600 }, async (t) => {
  const client: KubeClient = await adminClient(plane.kubeconfig);
  const build = await buildWebApp();
  installCrd(plane, build);
  const ns = await createTestNamespace('faults-soak');
  const system = await createTestNamespace('faults-soak-sys');
  const set = new ReplicaSet(plane, build, client, system, 'soak');
  cleanups.push(async () => {
    await set.stopAll();
    await releaseAndDelete(client, ns, system);
  });
  const first = await set.add();
  await eventually('the first replica leads', 30_000, async () => ((await set.leader()) === first ? true : undefined));
  await set.add();

  const plan = planWorkload(OPS, BURST);
  const apps = new WebApps(client, ns);
  const killAfter = Math.floor(plan.bursts.length / 3);
  const restartAfter = Math.floor((2 * plan.bursts.length) / 3);
  const figures: string[] = [];
  let restart: Promise<void> | undefined;
  let takeover: Promise<void> | undefined;
  const planeLog: string[] = [];
  const t0 = Date.now();
  for (let i = 0; i < plan.bursts.length; i++) {
    await runBurst(apps, plan.bursts[i] ?? []);
    if (i === killAfter) {
      const victim = await set.leader();
      assert.ok(victim !== undefined, 'a replica leads before the kill');
      const tKill = Date.now();
      await set.kill(victim);
      await set.add(); // the replacement joins as the next standby
      // The bursts go on during the failover; the takeover is timed in the background.
      const successor = async (): Promise<[string, number] | undefined> => {
        for (const [name, op] of set.replicas) {
          const at = logLines(op, 'leading').map((l) => Date.parse(l.time)).find((ms) => ms >= tKill);
          if (name !== victim && at !== undefined) return [name, at];
        }
        return undefined;
      };
      takeover = eventually('a surviving replica leads', 60_000, successor, 200).then(
        ([name, at]) => void figures.push(`leader ${victim} SIGKILLed after burst ${i + 1}: ${name} leading ${at - tKill} ms later`),
        (err: unknown) => void figures.push(`leader ${victim} SIGKILLed after burst ${i + 1}: no replica took over: ${String(err)}`),
      );
    }
    if (i === restartAfter) {
      await takeover; // one fault at a time: the failover is over before the apiserver goes down
      restart = restartApiserver(plane.dir, { downMs: APISERVER_DOWN_MS, log: (l) => planeLog.push(l) }).then((r) => void figures.push(`apiserver killed and restarted after burst ${i + 1}: ${r.outageMs} ms until /readyz 200 again (the next bursts ran into it)`));
      await eventually('the apiserver is down', 60_000, async () => (planeLog.some((l) => /kube-apiserver .*killed/.test(l)) ? true : undefined), 50);
    }
  }
  await restart;
  const opsMs = Date.now() - t0;
  await takeover;

  // Convergence: the auditor runs until it finds nothing (orphans need the garbage collector, which
  // learns a new CRD type on its 30 s discovery re-sync), then its report is the test's verdict.
  let last: AuditReport | undefined;
  const tc = Date.now();
  await eventually('the auditor finds nothing', 300_000 + OPS * 100, async () => {
    last = await audit(client, ns, plan.expected);
    return last.problemCount === 0 ? last : undefined;
  }, 2_000).catch(() => undefined);
  const report = last ?? (await audit(client, ns, plan.expected));
  const convergeMs = Date.now() - tc;
  const leader = await set.leader();
  const metrics = leader ? ((await scrape(set.replicas.get(leader)!.port)) ?? '') : '';

  t.diagnostic(`plan: ${OPS} ops = ${plan.counts.create} creates, ${plan.counts.update} updates, ${plan.counts.delete} deletes in ${plan.bursts.length} bursts of ≤ ${BURST} (50 calls in flight); sent in ${opsMs} ms with ${apps.retries} client retries`);
  for (const f of figures) t.diagnostic(f);
  for (const l of planeLog) t.diagnostic(`plane: ${l}`);
  t.diagnostic(`auditor after ${convergeMs} ms: ${report.converged}/${report.live} live CRs converged, ${report.gone}/${report.deleted} deleted CRs gone, ${report.deployments} Deployments, ${report.services} Services, ${report.orphans} orphans, ${report.problemCount} problems`);
  t.diagnostic(`leader at the end: ${leader}; its reconciles: success ${metricValue(metrics, 'ork_reconcile_total', { crd: 'webapp', result: 'success' })}, error ${metricValue(metrics, 'ork_reconcile_total', { crd: 'webapp', result: 'error' })}; API requests ${metricValue(metrics, 'ork_api_requests_total')}`);
  for (const [name, op] of set.replicas) {
    const count = (msg: string): number => logLines(op, msg).length;
    t.diagnostic(`${name}: led ${count('leading')}×, lost the Lease ${count('lost leadership: stopping workers')}×, ${count('reconcile failed')} failed reconciles logged, ${op.child.signalCode === 'SIGKILL' ? 'SIGKILLed' : 'running'}`);
  }
  const lost = [...set.replicas.values()].reduce((n, op) => n + logLines(op, 'lost leadership: stopping workers').length, 0);
  assert.ok(lost >= 1, 'the outage outlasted the renew deadline: the leader stepped down (and a replica led again, or nothing would have converged)');
  assert.deepEqual(report.problems, [], `${report.problemCount} problems`);
  assert.equal(report.converged, report.live);
  assert.equal(report.gone, report.deleted);
  assert.equal(report.orphans, 0);

  t.diagnostic(`replica logs: ${set.saveLogs()}`);
  const codes = await set.stopAll();
  t.diagnostic(`replica exit codes after SIGTERM: ${[...codes].map(([n, c]) => `${n}=${c}`).join(', ')}`);
  for (const [name, code] of codes) assert.equal(code, 0, `${name} exit code`);
  const status = await planeStatus(plane.dir);
  assert.equal(status.state, 'running', 'the shared test plane is healthy again for the next test files');
});
