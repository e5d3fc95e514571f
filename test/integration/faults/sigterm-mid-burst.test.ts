/**
 * Issues 7 and 8: a leader stopped in the middle of a burst loses nothing.
 * Two web-app operator replicas (A leads, B stands by; own identities and ports, one Lease) and
 * a burst of SIGTERM_CRS (default 200) WebApp creates.
 * - SIGTERM A once a quarter of the CRs are Ready: A stops taking work, finishes its in-flight
 *   reconciles (its log says how many and that the drain completed), releases the Lease and
 *   exits 0 within a 30 s grace period; B takes over (figure: release → B leading); every CR
 *   converges and the auditor finds nothing missing.
 * - SIGKILL A instead: nothing is released; B takes over once the Lease expired (15 s; figure),
 *   and again every CR converges.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import type { Lease } from '../../../runtime-kit/leader/lease.ts';
import { eventually } from '../../helpers/control-plane.ts';
import type { OperatorProcess } from '../e2e/operator-process.ts';
import { audit, type Expected } from '../../soak/auditor.ts';
import { webAppFaultSuite } from '../../soak/fault-suite.ts';
import { ReadyTracker } from '../../soak/ready-tracker.ts';
import { latencySummary } from '../../soak/stats.ts';
import { buildWebApp, loggedAt, logLines } from '../../soak/web-app-operator.ts';
import { forEachBounded, WebApps } from '../../soak/webapps.ts';

const suite = webAppFaultSuite();
const N = Number(process.env['SIGTERM_CRS'] ?? 200);
/** Kubernetes' default terminationGracePeriodSeconds. */
const GRACE_MS = 30_000;

interface Scenario {
  readonly ns: string;
  readonly system: string;
  readonly a: OperatorProcess;
  readonly b: OperatorProcess;
  readonly tracker: ReadyTracker;
  readonly expected: Map<string, Expected>;
  readonly sentAt: Map<string, number>;
  /** Resolves when every create was sent. */
  readonly creates: Promise<void>;
}

/** A leads, B stands by, the burst is under way; all torn down when `t` ends. */
async function leaderStandbyBurst(t: TestContext, prefix: string): Promise<Scenario> {
  const { client } = suite;
  const { ns, system, replica } = await suite.scenario(t, `faults-${prefix}`);
  const build = await buildWebApp();
  const a = await replica(`${prefix}-a`, build);
  await eventually('A leads', 30_000, async () => (logLines(a, 'leading').length > 0 ? true : undefined));
  const b = await replica(`${prefix}-b`, build);
  await eventually('B sees A as leader', 30_000, async () => (logLines(b, 'new leader observed').some((l) => String(l['leader']).startsWith(`${prefix}-a_`)) ? true : undefined));
  const tracker = new ReadyTracker(client, ns);
  await tracker.start();
  const apps = new WebApps(client, ns);
  const expected = new Map<string, Expected>();
  const sentAt = new Map<string, number>();
  const names = Array.from({ length: N }, (_, i) => `${prefix}-${String(i).padStart(4, '0')}`);
  const creates = forEachBounded(names, 50, async (name, i) => {
    const spec = { image: `nginx:1.${i % 30}`, replicas: 1 + (i % 3) };
    expected.set(name, { deleted: false, spec });
    sentAt.set(name, Date.now());
    await apps.create(name, spec);
  });
  return { ns, system, a, b, tracker, expected, sentAt, creates };
}

/** Waits for every CR Ready, audits, and prints the figures; returns the Lease. */
async function convergesAfterwards(t: TestContext, s: Scenario, t0: number): Promise<Lease> {
  await s.creates;
  await eventually(`all ${N} CRs Ready`, 600_000, async () => (s.tracker.readyAt.size >= N ? true : undefined), 500);
  const allMs = Date.now() - t0;
  await s.tracker.stop();
  const report = await audit(suite.client, s.ns, s.expected);
  assert.deepEqual(report.problems, [], `${report.problemCount} problems`);
  assert.equal(report.converged, N);
  const latencies = [...s.sentAt].map(([name, sent]) => (s.tracker.readyAt.get(name) ?? Number.NaN) - sent);
  t.diagnostic(`all ${N} Ready ${allMs} ms after the burst began; create→Ready ${latencySummary(latencies)}; auditor: ${report.converged}/${report.live} converged, ${report.orphans} orphans`);
  return suite.client.get<Lease>({ group: 'coordination.k8s.io', version: 'v1', plural: 'leases', namespace: s.system, name: 'web-app-leader' });
}

const exitOf = (op: OperatorProcess): Promise<{ code: number | null; signal: string | null; at: number }> =>
  new Promise((resolve) => {
    if (op.child.exitCode !== null || op.child.signalCode !== null) return resolve({ code: op.child.exitCode, signal: op.child.signalCode, at: Date.now() });
    op.child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() }));
  });

test(`SIGTERM mid-burst (${N} CRs): in-flight reconciles finish, the Lease is released, A exits 0, B takes over, nothing lost`, { timeout: 720_000 }, async (t) => {
  const s = await leaderStandbyBurst(t, 'term');
  const t0 = Date.now();
  await eventually('a quarter of the CRs Ready', 300_000, async () => (s.tracker.readyAt.size >= N / 4 ? true : undefined), 100);
  const readyAtSignal = s.tracker.readyAt.size;
  const tSig = Date.now();
  const exited = exitOf(s.a);
  s.a.child.kill('SIGTERM');
  const { code, at } = await exited;
  const exitMs = at - tSig;
  assert.equal(code, 0, `A's exit code; log tail:\n${s.a.lines.slice(-15).join('\n')}`);
  assert.ok(exitMs < GRACE_MS, `A exited within the ${GRACE_MS} ms grace period (took ${exitMs} ms)`);
  const stopping = logLines(s.a, 'crd workers stopping')[0];
  const stopped = logLines(s.a, 'crd workers stopped')[0];
  assert.ok(stopping !== undefined && stopped !== undefined, 'A logged its drain');
  assert.equal(stopped['drained'], true, 'every in-flight reconcile finished before the drain timeout');
  const released = loggedAt(s.a, 'lease released');
  assert.ok(released !== undefined, 'A released the Lease');
  const sigLogged = loggedAt(s.a, 'shutting down') ?? tSig;
  const afterSignal = logLines(s.a).filter((l) => Date.parse(l.time) >= sigLogged && /^child (applied|created|drift corrected)$/.test(l.msg)).length;

  const bLeads = await eventually('B leads', 30_000, async () => loggedAt(s.b, 'leading'));
  const takeoverMs = bLeads - released;
  t.diagnostic(`SIGTERM at ${readyAtSignal}/${N} Ready: A had ${String(stopping['inFlight'])} reconciles in flight and ${String(stopping['waiting'])} keys waiting; drained=${String(stopped['drained'])} in ${String(stopped['tookMs'])} ms (${afterSignal} child writes after the signal); exit 0 after ${exitMs} ms`);
  t.diagnostic(`takeover: B leading ${takeoverMs} ms after A's "lease released" (${bLeads - tSig} ms after SIGTERM); issue 8 target ≤ 2000 ms: ${takeoverMs <= 2_000 ? 'met' : 'MISSED'}`);
  // The standby reads the Lease every 1 s + ≤ 20 % jitter; the bound leaves room for a loaded machine.
  assert.ok(takeoverMs <= 3_000, `B took over ${takeoverMs} ms after the release`);

  const lease = await convergesAfterwards(t, s, t0);
  assert.match(lease.spec?.holderIdentity ?? '', /^term-b_/, 'B holds the Lease');
  assert.equal(await s.b.stop(), 0);
});

test(`SIGKILL mid-burst (${N} CRs): B takes over after the Lease expires, nothing lost`, { timeout: 720_000 }, async (t) => {
  const s = await leaderStandbyBurst(t, 'kill');
  const t0 = Date.now();
  await eventually('a quarter of the CRs Ready', 300_000, async () => (s.tracker.readyAt.size >= N / 4 ? true : undefined), 100);
  const readyAtSignal = s.tracker.readyAt.size;
  const exited = exitOf(s.a);
  const tKill = Date.now();
  s.a.child.kill('SIGKILL');
  const { signal } = await exited;
  assert.equal(signal, 'SIGKILL');
  assert.equal(loggedAt(s.a, 'lease released'), undefined, 'a killed process releases nothing');
  const bLeads = await eventually('B leads', 60_000, async () => loggedAt(s.b, 'leading'));
  const takeoverMs = bLeads - tKill;
  t.diagnostic(`SIGKILL at ${readyAtSignal}/${N} Ready: B leading ${takeoverMs} ms later (lease duration 15 s, standby poll 1 s + jitter)`);
  assert.ok(takeoverMs >= 10_000, `B waited for the Lease to expire (${takeoverMs} ms)`);
  assert.ok(takeoverMs <= 25_000, `B took over within the lease duration + a few polls (${takeoverMs} ms)`);
  const lease = await convergesAfterwards(t, s, t0);
  assert.match(lease.spec?.holderIdentity ?? '', /^kill-b_/, 'B holds the Lease');
  assert.equal(await s.b.stop(), 0);
});
