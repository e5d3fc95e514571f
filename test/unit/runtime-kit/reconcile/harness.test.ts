import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type HarnessOptions } from '../../../../runtime-kit/reconcile/harness.ts';
import type { Desired, KubeObjectLike, ReconcileFn } from '../../../../runtime-kit/reconcile/desired.ts';
import type { KindInfo } from '../../../../runtime-kit/reconcile/ports.ts';
import { FakeClock } from '../../../../runtime-kit/clock.ts';
import { nullLogger } from '../../../../runtime-kit/log/logger.ts';
import { RecordedCluster } from './recorded-cluster.ts';
import { InvalidError, ServerError } from '../../../../runtime-kit/client/errors.ts';

const WEBAPP: KindInfo = { apiVersion: 'demo.ork.dev/v1', kind: 'WebApp', plural: 'webapps', namespaced: true };
const CM: KindInfo = { apiVersion: 'v1', kind: 'ConfigMap', plural: 'configmaps', namespaced: true };
const KINDS = [WEBAPP, CM];

/** A reconciler like a generated one: one ConfigMap from the spec, gated on spec.enabled; a status field. */
const reconcile: ReconcileFn = (cr) => {
  const spec = (cr['spec'] ?? {}) as { greeting?: string; enabled?: boolean; broken?: boolean };
  if (spec.broken) throw new Error('template "{{ .spec.x.y }}": map has no entry for key "x"');
  const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `${cr.metadata.name}-cfg`, namespace: cr.metadata.namespace! }, data: { greeting: spec.greeting ?? 'hello' } };
  const on = spec.enabled !== false;
  const desired: Desired = {
    children: on ? [{ object: cm, mode: 'apply', force: true, declaredAt: 'spec.crds.webapp.operatorBox.onReconcile.configMaps[0]' }] : [],
    gatedOff: on ? [] : [{ apiVersion: 'v1', kind: 'ConfigMap', name: cm.metadata.name, namespace: cm.metadata.namespace }],
    statusFields: { greeting: spec.greeting ?? 'hello' },
    requeueAfterMs: 0,
    deletionStages: [[{ apiVersion: 'v1', kind: 'ConfigMap', name: cm.metadata.name, namespace: cm.metadata.namespace }]],
  };
  return desired;
};

function setup(spec: Record<string, unknown> = { greeting: 'hi' }) {
  const clock = new FakeClock(Date.parse('2026-11-30T08:00:00Z'));
  const cluster = new RecordedCluster(KINDS, clock);
  cluster.seed({ apiVersion: WEBAPP.apiVersion, kind: 'WebApp', metadata: { name: 'hello', namespace: 'default' }, spec });
  const opts: HarnessOptions = { crdKind: WEBAPP, kinds: KINDS, reconcile, api: cluster, live: cluster, events: cluster, finalizers: ['orkestra.orkspace.io/cleanup'], fieldManager: 'ork', clock, log: nullLogger };
  return { cluster, clock, run: createHarness(opts) };
}
const cr = (c: RecordedCluster): Record<string, any> => c.named('WebApp', 'hello')!;
const HELLO = { apiVersion: WEBAPP.apiVersion, kind: 'WebApp', name: 'hello', namespace: 'default' };
/** The Events recorded since the last call, as `<type> <reason> <Kind> <ns>/<name>`. */
const events = (c: RecordedCluster): string[] => c.takeEvents().map((e) => `${e.type} ${e.reason} ${e.about}`);

test('first reconcile: finalizer, child with ownership, status with Ready and observedGeneration', async () => {
  const { cluster, run } = setup();
  assert.deepEqual(await run('default', 'hello'), { kind: 'done' });
  assert.deepEqual(cluster.writes, ['patch WebApp/hello', 'apply ConfigMap/hello-cfg', 'patch WebApp/hello/status']);
  const child = cluster.named('ConfigMap', 'hello-cfg')!;
  assert.equal(child['metadata']['ownerReferences'][0]['uid'], cr(cluster)['metadata']['uid']);
  assert.equal(child['metadata']['labels']['orkestra-owner'], 'hello');
  assert.deepEqual(cr(cluster)['metadata']['finalizers'], ['orkestra.orkspace.io/cleanup']);
  const status = cr(cluster)['status'];
  assert.equal(status['observedGeneration'], 1);
  assert.equal(status['greeting'], 'hi');
  assert.deepEqual(status['conditions'].map((c: any) => [c.type, c.status, c.reason]), [['Ready', 'True', 'ReconcileSucceeded'], ['Degraded', 'False', 'AsExpected']]);
});

test('a second reconcile with nothing changed writes nothing', async () => {
  const { cluster, run } = setup();
  await run('default', 'hello');
  cluster.writes.length = 0;
  await run('default', 'hello');
  assert.deepEqual(cluster.writes, []);
});

test('an outside change to a declared field is applied back; lastTransitionTime is kept', async () => {
  const { cluster, clock, run } = setup();
  await run('default', 'hello');
  const t0 = cr(cluster)['status']['conditions'][0]['lastTransitionTime'];
  cluster.seed({ ...cluster.named('ConfigMap', 'hello-cfg')!, data: { greeting: 'tampered' } } as never);
  cluster.writes.length = 0;
  clock.advance(60_000);
  await run('default', 'hello');
  assert.deepEqual(cluster.writes, ['apply ConfigMap/hello-cfg']);
  assert.equal(cluster.named('ConfigMap', 'hello-cfg')!['data']['greeting'], 'hi');
  assert.equal(cr(cluster)['status']['conditions'][0]['lastTransitionTime'], t0);
});

test('a gate turning false deletes the owned child', async () => {
  const { cluster, run } = setup();
  await run('default', 'hello');
  cluster.seed({ ...cr(cluster), spec: { greeting: 'hi', enabled: false } } as never);
  await run('default', 'hello');
  assert.equal(cluster.named('ConfigMap', 'hello-cfg'), undefined);
  assert.equal(cr(cluster)['status']['observedGeneration'], 2, 'the spec change bumped the generation and the status caught up');
});

test('a template error marks the CR Degraded and returns an error for backoff', async () => {
  const { cluster, run } = setup({ broken: true });
  const r = await run('default', 'hello');
  assert.equal(r.kind, 'error');
  const conds = cr(cluster)['status']['conditions'];
  assert.deepEqual(conds.map((c: any) => [c.type, c.status]), [['Ready', 'False'], ['Degraded', 'True']]);
  assert.match(conds[0].message, /map has no entry/);
  assert.ok(events(cluster).includes('Warning TemplateError WebApp default/hello'));
});

test('a child the API server rejects as invalid (422) marks the CR Degraded with reason InvalidChild and the server\'s message', async () => {
  const { cluster, run } = setup();
  cluster.apply = async () => {
    throw new InvalidError(422, { reason: 'Invalid', message: 'ConfigMap "-cfg" is invalid: metadata.name: Invalid value: "-cfg"' });
  };
  const r = await run('default', 'hello');
  assert.equal(r.kind, 'error');
  const conds = cr(cluster)['status']['conditions'];
  assert.deepEqual(conds.map((c: any) => [c.type, c.status, c.reason]), [['Ready', 'False', 'InvalidChild'], ['Degraded', 'True', 'InvalidChild']]);
  assert.match(conds[1].message, /metadata\.name: Invalid value/);
  assert.ok(events(cluster).includes('Warning InvalidChild WebApp default/hello'));
});

test('a child name the values make impossible (empty part, unicode) is InvalidChild before anything is sent', async () => {
  for (const name of ['', 'café']) {
    const { cluster } = setup({ greeting: 'hi' });
    const bad: ReconcileFn = (o, input) => {
      const d = reconcile(o, input);
      return { ...d, children: d.children.map((c) => ({ ...c, object: { ...c.object, metadata: { ...c.object.metadata, name: `${name}-cfg` } } })) };
    };
    const run = createHarness({ crdKind: WEBAPP, kinds: KINDS, reconcile: bad, api: cluster, live: cluster, events: cluster, finalizers: [], fieldManager: 'ork', clock: new FakeClock(0), log: nullLogger });
    const r = await run('default', 'hello');
    assert.equal(r.kind, 'error');
    const degraded = cr(cluster)['status']['conditions'][1];
    assert.deepEqual([degraded.type, degraded.status, degraded.reason], ['Degraded', 'True', 'InvalidChild']);
    assert.match(degraded.message, new RegExp(`ConfigMap "${name}-cfg": not a valid object name`));
    assert.ok(!cluster.writes.some((w) => w.startsWith('apply ConfigMap')), 'nothing sent');
  }
});

test('a transient API failure is Ready=False but not Degraded', async () => {
  const { cluster, run } = setup();
  cluster.apply = async () => {
    throw new ServerError(503, { message: 'etcd leader changed' });
  };
  await run('default', 'hello');
  const conds = cr(cluster)['status']['conditions'];
  assert.deepEqual(conds.map((c: any) => [c.type, c.status, c.reason]), [['Ready', 'False', 'ReconcileError'], ['Degraded', 'False', 'AsExpected']]);
});

test('deletion runs the stages by requeueing, then releases the finalizer', async () => {
  const { cluster, run } = setup();
  await run('default', 'hello');
  cluster.userDelete(HELLO);
  assert.ok(cr(cluster)['metadata']['deletionTimestamp'], 'the finalizer holds the CR');
  const first = await run('default', 'hello');
  assert.equal(first.kind, 'requeue');
  assert.equal(cluster.named('ConfigMap', 'hello-cfg'), undefined, 'stage 1 deleted');
  assert.ok(cr(cluster), 'CR still held by its finalizer');
  const second = await run('default', 'hello');
  assert.deepEqual(second, { kind: 'done' });
  assert.equal(cluster.named('WebApp', 'hello'), undefined, 'finalizer released, CR gone');
});

test('a CR that no longer exists is done', async () => {
  const { run } = setup();
  assert.deepEqual(await run('default', 'nope'), { kind: 'done' });
});
