/**
 * Egress, proven: a notifying operator connects to the API server and the Gateway and to
 * nothing else. The operator (a variant of examples/notifications built for this test) runs
 * under `strace -f -e trace=connect`; every IPv4/IPv6 `connect()` of its process tree must go
 * to the apiserver's or the Gateway's address. A decoy listener's URL sits in the Katalog as
 * plain data — the team's Slack webhook, the team message and a container env value — and must
 * see no connection at all, while a real notification (whose message carries the decoy URL)
 * reaches the Gateway.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { createTestNamespace, deleteNamespace, eventually, testPlane } from '../../helpers/control-plane.ts';
import { runOrk } from '../../helpers/run-ork.ts';
import { startFakeGateway } from '../../helpers/fake-gateway.ts';
import { installBuilt } from './install-built.ts';
import { startOperator } from './operator-process.ts';

const plane = testPlane();
const kubectl = (args: string[], input?: string): string =>
  execFileSync(plane.kubectl, ['--kubeconfig', plane.kubeconfig, ...args], { encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], ...(input !== undefined ? { input } : {}) });

/** `strace` on PATH, or undefined. */
function findStrace(): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(':')) if (dir && existsSync(path.join(dir, 'strace'))) return path.join(dir, 'strace');
  return undefined;
}

/** One traced `connect()`: its address family and, for IP families, `host:port`. */
interface Connect {
  readonly family: string;
  readonly dest?: string;
  readonly line: string;
}

/** The connect() calls of an `strace -e trace=connect` log. */
function connects(log: string): Connect[] {
  return log.split('\n').filter((l) => l.includes('connect(')).map((line) => {
    const family = /sa_family=(AF_\w+)/.exec(line)?.[1] ?? 'unknown';
    const v4 = /sin_port=htons\((\d+)\), sin_addr=inet_addr\("([^"]+)"\)/.exec(line);
    const v6 = /sin6_port=htons\((\d+)\).*inet_pton\(AF_INET6, "([^"]+)"/.exec(line);
    const dest = v4 ? `${v4[2]}:${v4[1]}` : v6 ? `[${v6[2]}]:${v6[1]}` : undefined;
    return { family, line, ...(dest ? { dest } : {}) };
  });
}

/** The examples/notifications Katalog, renamed, watching one namespace, with the decoy URL as data. */
function variantKatalog(gateway: string, decoy: string, namespace: string): string {
  const k = parse(readFileSync('examples/notifications/katalog.yaml', 'utf8')) as Record<string, any>;
  k['metadata'] = { ...k['metadata'], name: 'queues-egress', namespace: 'queues-egress-system' };
  k['gateway'] = { endpoint: gateway };
  k['notification']['teams']['oncall'] = { slack: ['#oncall'], slackWebhookUrl: `${decoy}/slack`, message: `Queue {{ .metadata.name }}: see ${decoy}/notify` };
  const crd = k['spec']['crds']['queue'];
  crd['namespace'] = namespace;
  crd['operatorBox']['onReconcile']['deployments'][0]['env'].push({ name: 'DECOY_URL', value: `${decoy}/notify` });
  delete crd['operatorBox']['status']['fields'][1]['when'][0]['notify']['message']; // the team message (with the decoy URL) is sent
  return stringify(k);
}

test('egress: the operator connects only to the apiserver and the Gateway; a URL in the Katalog is never contacted', { timeout: 170_000 }, async (t) => {
  const strace = findStrace();
  if (!strace) {
    t.skip('strace is not installed: cannot trace connect() of the operator process');
    return;
  }
  const gw = await startFakeGateway();
  const decoy = await startFakeGateway();
  const ns = await createTestNamespace('e2e-egress');
  const dir = mkdtempSync(path.join(tmpdir(), 'ork-egress-'));
  copyFileSync('examples/notifications/crd.yaml', path.join(dir, 'crd.yaml'));
  writeFileSync(path.join(dir, 'katalog.yaml'), variantKatalog(gw.endpoint, decoy.endpoint, ns));
  const out = path.join(dir, 'out');
  const built = await runOrk(['build', path.join(dir, 'katalog.yaml'), '-o', out]);
  assert.equal(built.code, 0, built.stderr);
  const saConfig = installBuilt(out, 'queues-egress-system', 'queues-egress-operator', dir);
  const apiserver = new URL((parse(readFileSync(plane.kubeconfig, 'utf8')) as { clusters: Array<{ cluster: { server: string } }> }).clusters[0]!.cluster.server);
  const allowed = new Set([`${apiserver.hostname}:${apiserver.port || '443'}`, `127.0.0.1:${gw.port}`]);

  const trace = path.join(dir, 'connect.strace');
  const op = await startOperator(path.join(out, 'dist', 'main.js'), saConfig, { ORK_NAMESPACE: 'queues-egress-system' }, { via: [strace, '-f', '-qq', '--seccomp-bpf', '-e', 'trace=connect', '-o', trace] });
  let code: number | null = null;
  try {
    const t0 = Date.now();
    kubectl(['apply', '-n', ns, '-f', '-'], stringify({ apiVersion: 'messaging.ork.dev/v1', kind: 'Queue', metadata: { name: 'orders' }, spec: { image: 'busybox:1.37', maxBacklog: 250000 } }));
    await eventually('both teams notified', 60_000, async () => (gw.received.length >= 2 ? true : undefined));
    t.diagnostic(`notified ${Date.now() - t0} ms after kubectl apply (under strace)`);
    const oncall = gw.received.map((r) => JSON.parse(r.body) as { teamName: string; message: string }).find((b) => b.teamName === 'oncall');
    assert.equal(oncall?.message, `Queue orders: see ${decoy.endpoint}/notify`, 'the decoy URL travelled as text, to the Gateway');
    const dep = await eventually('the Deployment', 30_000, async () => {
      try {
        return JSON.parse(kubectl(['get', '-n', ns, 'deployment', 'orders-consumer', '-o', 'json'])) as { spec: { template: { spec: { containers: Array<{ env: Array<{ name: string; value: string }> }> } } } };
      } catch {
        return undefined;
      }
    });
    assert.ok(dep.spec.template.spec.containers[0]!.env.some((e) => e.name === 'DECOY_URL' && e.value === `${decoy.endpoint}/notify`));
    kubectl(['patch', '-n', ns, 'queue', 'orders', '--type=merge', '-p', '{"spec":{"maxBacklog":1000}}']);
    await new Promise((r) => setTimeout(r, 2000)); // let the operator reconcile, resync and write status under trace
  } finally {
    code = await op.stop();
    await deleteNamespace(ns);
    await gw.close();
    await decoy.close();
  }
  assert.equal(code, 0, 'SIGTERM ends the operator cleanly under strace');

  const calls = connects(readFileSync(trace, 'utf8'));
  const ip = calls.filter((c) => c.family === 'AF_INET' || c.family === 'AF_INET6');
  const other = calls.filter((c) => !['AF_INET', 'AF_INET6', 'AF_UNIX', 'AF_UNSPEC'].includes(c.family));
  const dests = new Map<string, number>();
  for (const c of ip) dests.set(c.dest ?? c.line, (dests.get(c.dest ?? c.line) ?? 0) + 1);
  t.diagnostic(`connect() calls: ${calls.length} (${ip.length} IP: ${[...dests].map(([d, n]) => `${d}×${n}`).join(', ')}; ${calls.filter((c) => c.family === 'AF_UNIX').length} AF_UNIX)`);
  assert.deepEqual(other, [], 'no other socket families');
  assert.deepEqual(ip.filter((c) => !c.dest || !allowed.has(c.dest)).map((c) => c.line), [], `only ${[...allowed].join(' and ')}`);
  assert.ok(ip.some((c) => c.dest === [...allowed][0]), 'the trace saw the apiserver connections (tracing works)');
  assert.ok(ip.some((c) => c.dest === `127.0.0.1:${gw.port}`), 'the trace saw the Gateway connections');
  assert.equal(decoy.connections(), 0, 'the decoy listener was never contacted');
});
