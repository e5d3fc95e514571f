/**
 * Fault 6 (issue 8): CRs with values the CRD schema allows but the templates cannot use —
 * an empty, upper-case or unicode name part (no valid child name), an empty list indexed by a
 * template, a memory "quantity" that is not one, an empty image — next to good CRs, one full of
 * unicode and one with replicas beyond int32 (which fall back to 1, Orkestra's rule). Shown: each bad CR gets `Degraded=True` with a reason
 * and a message that names the problem, `Ready=False`, and is retried with backoff (not in a hot
 * loop); the good CRs converge, also one created after the bad ones; the operator does not crash.
 * Fixture: test/fixtures/bad-input (a Widget CRD whose schema is deliberately loose).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { createTestNamespace, eventually, testPlane } from '../../helpers/control-plane.ts';
import { getJson, kubectl } from '../../helpers/kubectl.ts';
import { runOrk } from '../../helpers/run-ork.ts';
import { scrape, metricValue } from '../../soak/metrics.ts';
import { logLines } from '../../soak/web-app-operator.ts';
import { startOperator } from '../e2e/operator-process.ts';

interface Condition {
  type: string;
  status: string;
  reason: string;
  message: string;
}
interface Widget {
  metadata: { generation: number };
  status?: { observedGeneration?: number; conditions?: Condition[] };
}

const UNICODE = 'héllo 👋 مرحبا 中文 \u200b\u202e end';
const good = { prefix: 'ok', image: 'nginx:1.27', replicas: 1, memory: '64Mi', greeting: 'hi', items: ['x'] };

/** name → spec overrides, and what the Degraded message must say. */
const BAD: Record<string, { spec: Record<string, unknown>; says: RegExp }> = {
  'empty-prefix': { spec: { prefix: '' }, says: /ConfigMap "-config": not a valid object name/ },
  'unicode-prefix': { spec: { prefix: 'café' }, says: /ConfigMap "café-config": not a valid object name/ },
  'empty-items': { spec: { items: [] }, says: /index out of range/ },
  'bad-memory': { spec: { memory: 'lots' }, says: /invalid quantity "lots"/ },
  'empty-image': { spec: { image: '' }, says: /missing required fields: image/ },
  'upper-case-name': { spec: { prefix: 'Shop' }, says: /ConfigMap "Shop-config": not a valid object name/ },
};

const condition = (w: Widget | undefined, type: string): Condition | undefined => w?.status?.conditions?.find((c) => c.type === type);

test('bad input at run time: Degraded with a clear reason, no crash, other CRs unaffected', { timeout: 180_000 }, async (t) => {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'ork-bad-input-')), 'bad-input');
  const built = await runOrk(['build', 'test/fixtures/bad-input/katalog.yaml', '-o', out]);
  assert.equal(built.code, 0, built.stderr);
  kubectl(['apply', '--server-side', '-f', path.join(out, 'manifests', 'crds.yaml')]);
  kubectl(['wait', '--for=condition=Established', 'crd/widgets.bad.ork.dev', '--timeout=60s']);
  const ns = await createTestNamespace('fault-bad');
  const leaseNs = await createTestNamespace('fault-bad-lease');
  const op = await startOperator(path.join(out, 'dist', 'main.js'), testPlane().kubeconfig, { ORK_NAMESPACE: leaseNs });
  const widget = (name: string) => getJson<Widget>(['widget.bad.ork.dev', name, '-n', ns]);
  const apply = (items: Array<[string, Record<string, unknown>]>): void =>
    void kubectl(['apply', '-n', ns, '-f', '-'], items.map(([name, spec]) => `---\n${stringify({ apiVersion: 'bad.ork.dev/v1', kind: 'Widget', metadata: { name }, spec })}`).join(''));
  try {
    apply([
      ['good', good],
      ['unicode', { ...good, prefix: 'uni', greeting: UNICODE, items: ['ü'] }],
      ['huge-replicas', { ...good, prefix: 'huge', replicas: 3_000_000_000 }],
      ...Object.entries(BAD).map(([name, b]): [string, Record<string, unknown>] => [name, { ...good, prefix: name, ...b.spec }]),
    ]);
    const t0 = Date.now();
    await eventually('every bad CR Degraded=True', 90_000, async () => (Object.keys(BAD).every((n) => condition(widget(n), 'Degraded')?.status === 'True') ? true : undefined), 500);
    const degradedMs = Date.now() - t0;
    const rows: string[] = [];
    for (const [name, b] of Object.entries(BAD)) {
      const w = widget(name)!;
      const degraded = condition(w, 'Degraded')!;
      const ready = condition(w, 'Ready')!;
      rows.push(`${name} | ${degraded.reason} | ${degraded.message}`);
      assert.equal(ready.status, 'False', `${name}: Ready=False`);
      assert.ok(degraded.reason.length > 0 && degraded.reason !== 'AsExpected', `${name}: a reason`);
      assert.match(degraded.message, b.says, `${name}: the message names the problem`);
      assert.equal(w.status?.observedGeneration, w.metadata.generation, `${name}: observedGeneration`);
    }
    // the good ones, next to the bad ones
    for (const name of ['good', 'unicode', 'huge-replicas']) {
      await eventually(`${name} Ready`, 30_000, async () => (condition(widget(name), 'Ready')?.status === 'True' ? true : undefined), 250);
      assert.equal(condition(widget(name), 'Degraded')?.status, 'False');
    }
    const cm = getJson<{ data: Record<string, string> }>(['configmap', 'uni-config', '-n', ns]);
    assert.equal(cm?.data['greeting'], UNICODE, 'unicode passes through unchanged');
    assert.equal(cm?.data['first'], 'ü');
    // replicas beyond int32 fall back to 1, as Orkestra's parseReplicas does (not an error there either)
    assert.equal(getJson<{ spec: { replicas: number } }>(['deployment', 'huge-replicas', '-n', ns])?.spec.replicas, 1);
    const t1 = Date.now();
    apply([['late', { ...good, prefix: 'late' }]]);
    await eventually('a CR created after the bad ones Ready', 30_000, async () => (condition(widget('late'), 'Ready')?.status === 'True' ? true : undefined), 250);
    const lateMs = Date.now() - t1;

    // the bad ones are retried with backoff, not in a hot loop
    const errors = async () => metricValue((await scrape(op.port)) ?? '', 'ork_reconcile_total', { crd: 'widget', result: 'error' });
    const e0 = await errors();
    await new Promise((r) => setTimeout(r, 10_000));
    const errorsIn10s = (await errors()) - e0;
    assert.equal(op.child.exitCode, null, 'the operator is still running');
    const failed = logLines(op, 'reconcile failed').length;
    t.diagnostic(`bad CR → Degraded reason | message:\n${rows.join('\n')}`);
    t.diagnostic(`all ${Object.keys(BAD).length} bad CRs Degraded in ${degradedMs} ms; a CR created after them Ready in ${lateMs} ms; ${failed} failed reconciles logged in total, ${errorsIn10s} in a 10 s window later (backoff)`);
    assert.ok(errorsIn10s <= Object.keys(BAD).length * 4, `no hot loop: ${errorsIn10s} failed reconciles in 10 s for ${Object.keys(BAD).length} bad CRs`);
  } catch (err) {
    const states = [...Object.keys(BAD), 'good', 'unicode', 'huge-replicas'].map((n) => `${n}: ${JSON.stringify(widget(n)?.status?.conditions?.map((c) => [c.type, c.status, c.reason, c.message]))}`);
    t.diagnostic(`conditions:\n${states.join('\n')}\noperator log (last 60 lines):\n${op.lines.filter((l) => !l.includes('"level":"debug"')).slice(-60).join('\n')}`);
    throw err;
  } finally {
    assert.equal(await op.stop(), 0);
    for (const name of kubectl(['get', 'widgets.bad.ork.dev', '-n', ns, '-o', 'name']).split('\n').filter(Boolean)) {
      kubectl(['patch', name, '-n', ns, '--type=merge', '-p', '{"metadata":{"finalizers":null}}']);
    }
    kubectl(['delete', 'namespace', ns, leaseNs, '--wait=false']);
  }
});
