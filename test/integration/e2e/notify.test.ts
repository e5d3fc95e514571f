/**
 * Notifications end to end: `ork build` of examples/notifications, the operator run as a
 * process with its generated ServiceAccount's token, and a fake Gateway (a real HTTP server in
 * this test) set through ORK_GATEWAY_ENDPOINT. A Queue whose backlog limit fires the condition
 * → the Gateway receives one `/notify` per team with the §4.8 body, and nothing more while the
 * condition keeps holding; the Gateway answering 500 → 3 attempts per notification, then given
 * up, the CR still Ready; the Gateway down → reconciles proceed (Ready, children, status).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { createTestNamespace, deleteNamespace, eventually, testPlane } from '../../helpers/control-plane.ts';
import { runOrk } from '../../helpers/run-ork.ts';
import { startFakeGateway, type GatewayRequest } from '../../helpers/fake-gateway.ts';
import { installBuilt } from './install-built.ts';
import { startOperator } from './operator-process.ts';

const plane = testPlane();
const kubectl = (args: string[], input?: string): string =>
  execFileSync(plane.kubectl, ['--kubeconfig', plane.kubeconfig, ...args], { encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], ...(input !== undefined ? { input } : {}) });

type Queue = { metadata: { generation?: number }; status?: { observedGeneration?: number; backlogAlert?: unknown; conditions?: Array<{ type: string; status: string }> } };

/** The Queue once Ready=True for its current generation. */
async function readyQueue(ns: string, name: string, timeoutMs = 30_000): Promise<Queue> {
  return eventually(`Queue ${ns}/${name} Ready`, timeoutMs, async () => {
    const q = JSON.parse(kubectl(['get', '-n', ns, 'queue', name, '-o', 'json'])) as Queue;
    const ready = q.status?.conditions?.find((c) => c.type === 'Ready');
    return ready?.status === 'True' && q.status?.observedGeneration === q.metadata.generation ? q : undefined;
  });
}

const queue = (name: string, spec: Record<string, unknown>): string => stringify({ apiVersion: 'messaging.ork.dev/v1', kind: 'Queue', metadata: { name }, spec: { image: 'busybox:1.37', ...spec } });
const bodies = (received: readonly GatewayRequest[], crName: string) => received.map((r) => JSON.parse(r.body) as Record<string, unknown>).filter((b) => b['crName'] === crName);
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('notifications: one /notify per transition and team; 500s retried 3 times then given up; Gateway down never blocks reconciles', { timeout: 170_000 }, async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ork-notify-'));
  const out = path.join(dir, 'notifications');
  const built = await runOrk(['build', 'examples/notifications/katalog.yaml', '-o', out]);
  assert.equal(built.code, 0, built.stderr);
  const saConfig = installBuilt(out, 'queues-system', 'queues-operator', dir);
  const gw = await startFakeGateway();
  const ns = await createTestNamespace('e2e-notify');
  const op = await startOperator(path.join(out, 'dist', 'main.js'), saConfig, { ORK_NAMESPACE: 'queues-system', ORK_GATEWAY_ENDPOINT: gw.endpoint });
  let gatewayClosed = false;
  try {
    assert.ok(op.lines.some((l) => l.includes('notifications go to the gateway') && l.includes(`${gw.endpoint}/notify`)), 'the start log names the Gateway URL');

    // A quiet Queue: reconciled, nothing sent.
    kubectl(['apply', '-n', ns, '-f', '-'], queue('calm', { maxBacklog: 1000 }));
    await readyQueue(ns, 'calm');

    // The backlog condition fires: one POST per team, the §4.8 body.
    const t0 = Date.now();
    kubectl(['apply', '-n', ns, '-f', '-'], queue('orders', { maxBacklog: 250000 }));
    await eventually('two /notify for orders', 30_000, async () => (bodies(gw.received, 'orders').length >= 2 ? true : undefined));
    t.diagnostic(`first /notify ${Math.min(...gw.received.map((r) => r.at)) - t0} ms after kubectl apply`);
    const q = await readyQueue(ns, 'orders');
    assert.equal(q.status?.backlogAlert, true);
    for (const r of gw.received) {
      assert.equal(r.method, 'POST');
      assert.equal(r.path, '/notify');
      assert.equal(r.contentType, 'application/json');
    }
    const sent = bodies(gw.received, 'orders').sort((a, b) => String(a['teamName']).localeCompare(String(b['teamName'])));
    for (const [b, team] of [[sent[0], 'oncall'], [sent[1], 'platform']] as const) {
      assert.deepEqual(Object.keys(b!), ['katalogName', 'crName', 'crNamespace', 'gvk', 'condKey', 'teamName', 'subject', 'message', 'timestamp', 'data']);
      assert.deepEqual({ ...b, timestamp: 'T' }, {
        katalogName: 'queues', crName: 'orders', crNamespace: ns, gvk: 'messaging.ork.dev/v1, Kind=Queue', condKey: 'spec.maxBacklog|gt|100000',
        teamName: team, subject: 'spec.maxBacklog condition triggered', message: 'backlog limit above 100000', timestamp: 'T',
        data: { field: 'spec.maxBacklog', operator: 'gt', value: '100000', actual: '250000' },
      });
      assert.match(String(b!['timestamp']), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    }
    assert.deepEqual(bodies(gw.received, 'calm'), [], 'the quiet Queue sent nothing');

    // Still holding after a spec change (a new reconcile): no new POST.
    kubectl(['patch', '-n', ns, 'queue', 'orders', '--type=merge', '-p', '{"spec":{"consumers":3}}']);
    await eventually('orders reconciled at generation 2', 30_000, async () => ((await readyQueue(ns, 'orders')).status?.observedGeneration === 2 ? true : undefined));
    await settle(1500);
    assert.equal(bodies(gw.received, 'orders').length, 2, 'a condition that keeps holding is not sent again');

    // The Gateway answers 500: 3 attempts per notification, then given up; the CR is Ready anyway.
    gw.fallback = 500;
    kubectl(['apply', '-n', ns, '-f', '-'], queue('billing', { maxBacklog: 400000 }));
    await eventually('6 attempts for billing', 30_000, async () => (bodies(gw.received, 'billing').length >= 6 ? true : undefined));
    await readyQueue(ns, 'billing');
    await eventually('two give-ups logged', 10_000, async () => (op.lines.filter((l) => l.includes('gateway dispatch failed after 3 attempts') && l.includes(`${ns}/billing`)).length === 2 ? true : undefined));
    await settle(1500);
    const billing = gw.received.filter((r) => r.body.includes('"crName":"billing"'));
    assert.equal(billing.length, 6, 'bounded: 2 teams × 3 attempts, no more');
    for (const team of ['oncall', 'platform']) {
      const at = billing.filter((r) => r.body.includes(`"teamName":"${team}"`)).map((r) => r.at);
      assert.equal(at.length, 3);
      t.diagnostic(`${team}: retries after ${at[1]! - at[0]!} ms and ${at[2]! - at[1]!} ms (backoff 250 ms, 500 ms)`);
      assert.ok(at[1]! - at[0]! >= 200 && at[2]! - at[1]! >= 400, 'retries wait the backoff');
    }

    // The Gateway is down: reconciles proceed as if nothing happened.
    await gw.close();
    gatewayClosed = true;
    const t1 = Date.now();
    kubectl(['apply', '-n', ns, '-f', '-'], queue('late', { maxBacklog: 500000 }));
    const late = await readyQueue(ns, 'late');
    t.diagnostic(`Queue late Ready ${Date.now() - t1} ms after kubectl apply with the Gateway down`);
    assert.equal(late.status?.backlogAlert, true);
    assert.ok(JSON.parse(kubectl(['get', '-n', ns, 'deployment', 'late-consumer', '-o', 'json'])), 'its Deployment exists');
    await eventually('late given up with connection refused', 15_000, async () =>
      op.lines.filter((l) => l.includes('gateway dispatch failed after 3 attempts') && l.includes(`${ns}/late`) && l.includes('ECONNREFUSED')).length === 2 ? true : undefined);

    const metrics = await (await fetch(`http://127.0.0.1:${op.port}/metrics`)).text();
    const count = (result: string): number => Number(new RegExp(`^ork_notifications_total\\{[^}]*result="${result}"[^}]*\\} (\\d+)`, 'm').exec(metrics)?.[1] ?? 0);
    assert.deepEqual({ sent: count('sent'), failed: count('failed'), dropped: count('dropped') }, { sent: 2, failed: 4, dropped: 0 });
  } finally {
    const code = await op.stop();
    if (!gatewayClosed) await gw.close();
    await deleteNamespace(ns);
    assert.equal(code, 0, 'SIGTERM ends the operator cleanly');
  }
});
