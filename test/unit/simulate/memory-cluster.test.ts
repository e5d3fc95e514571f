import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryCluster } from '../../../compiler/simulate/memory-cluster.ts';
import { advanceWorld } from '../../../compiler/simulate/advance-world.ts';
import { isNotFound } from '../../../runtime-kit/client/errors.ts';
import type { KindInfo } from '../../../runtime-kit/reconcile/ports.ts';

const APP: KindInfo = { apiVersion: 'demo.ork.dev/v1', kind: 'App', plural: 'apps', namespaced: true };
const DEPLOY: KindInfo = { apiVersion: 'apps/v1', kind: 'Deployment', plural: 'deployments', namespaced: true };
const APP_REF = { group: 'demo.ork.dev', version: 'v1', plural: 'apps', namespace: 'ns', name: 'a' };
const DEPLOY_REF = { group: 'apps', version: 'v1', plural: 'deployments', namespace: 'ns', name: 'd' };

function setup() {
  const c = new MemoryCluster([APP, DEPLOY], () => '2026-11-30T10:00:00Z');
  const app = c.seed({ apiVersion: APP.apiVersion, kind: 'App', metadata: { name: 'a', namespace: 'ns' }, spec: { x: 1 } });
  const deploy = (replicas: number, image = 'nginx') => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'd', namespace: 'ns', ownerReferences: [{ apiVersion: APP.apiVersion, kind: 'App', name: 'a', uid: app.metadata.uid!, controller: true }] },
    spec: { replicas, template: { spec: { containers: [{ name: 'c', image }] } } },
  });
  return { c, app, deploy };
}

test('seeding is not an op; server fields are set; apply creates then updates and bumps generation only on content changes', async () => {
  const { c, deploy } = setup();
  assert.deepEqual(c.takeOps(), []);
  await c.apply(DEPLOY_REF, deploy(2), { fieldManager: 'ork', force: true });
  const first = c.find({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'd', namespace: 'ns' })!;
  assert.equal(first.metadata.generation, 1);
  assert.match(first.metadata.uid ?? '', /^00000000-0000-4000-8000-\d{12}$/);
  await c.apply(DEPLOY_REF, deploy(3), { fieldManager: 'ork', force: true });
  const second = c.find({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'd', namespace: 'ns' })!;
  assert.equal(second.metadata.generation, 2);
  assert.equal(second.metadata.uid, first.metadata.uid);
  assert.deepEqual(c.takeOps().map((o) => `${o.op} ${o.kind}/${o.name} ${o.detail ?? ''}`.trim()), ['created Deployment/d', 'updated Deployment/d spec']);
});

test('merge patch: null deletes, arrays replace; status only through the subresource', async () => {
  const { c } = setup();
  await c.mergePatch({ ...APP_REF, subresource: 'status' }, { status: { phase: 'A', conditions: [{ type: 'Ready' }, { type: 'X' }] } });
  await c.mergePatch({ ...APP_REF, subresource: 'status' }, { status: { phase: null, conditions: [{ type: 'Ready' }] } });
  await c.mergePatch(APP_REF, { metadata: { finalizers: ['f'] }, status: { sneaky: true } });
  const a = c.find({ apiVersion: APP.apiVersion, kind: 'App', name: 'a', namespace: 'ns' })!;
  assert.deepEqual(a['status'], { conditions: [{ type: 'Ready' }] });
  assert.deepEqual(a.metadata.finalizers, ['f']);
  assert.equal(a.metadata.generation, 1, 'status and metadata do not bump the generation');
  assert.deepEqual(c.takeOps().map((o) => o.detail), ['status', 'status', 'finalizers']);
  await c.mergePatch(APP_REF, { metadata: { finalizers: ['f'] } });
  assert.deepEqual(c.takeOps(), [], 'a patch that changes nothing is no op');
});

test('deletion: finalizers hold the object; releasing them removes it and garbage-collects what it owned', async () => {
  const { c, deploy } = setup();
  await c.mergePatch(APP_REF, { metadata: { finalizers: ['f'] } });
  await c.apply(DEPLOY_REF, deploy(1), { fieldManager: 'ork', force: true });
  c.takeOps();
  const ref = { apiVersion: APP.apiVersion, kind: 'App', name: 'a', namespace: 'ns' };
  c.userDelete(ref);
  assert.ok(c.find(ref)?.metadata.deletionTimestamp);
  await c.mergePatch(APP_REF, { metadata: { finalizers: [] } });
  assert.equal(c.find(ref), undefined);
  assert.deepEqual(c.takeOps().map((o) => `${o.op} ${o.kind} ${o.detail}`), ['updated App finalizers', 'deleted App finalizers released', 'deleted Deployment garbage collected']);
  await assert.rejects(c.delete(DEPLOY_REF), (e: unknown) => isNotFound(e));
  await assert.rejects(c.get(DEPLOY_REF), (e: unknown) => isNotFound(e));
});

test('verbs used: API writes by resource, cache reads as list/watch (the informer), Events as create', async () => {
  const { c, deploy, app } = setup();
  await c.create({ group: 'apps', version: 'v1', plural: 'deployments', namespace: 'ns' }, deploy(1));
  await c.ownedBy(app.metadata.uid!, 'ns', [DEPLOY]);
  await c.mergePatch({ ...APP_REF, subresource: 'status' }, { status: { a: 1 } });
  c.emit(app, 'Normal', 'R', 'm');
  assert.deepEqual(c.verbsUsed().map((u) => `${u.apiGroup}|${u.resource}|${u.verb}`), [
    '|events|create',
    'apps|deployments|create',
    'apps|deployments|list',
    'apps|deployments|watch',
    'demo.ork.dev|apps/status|patch',
  ]);
  assert.deepEqual(c.takeEvents(), [{ type: 'Normal', reason: 'R', message: 'm', about: 'App ns/a' }]);
});

test('advanceWorld rolls a Deployment out once per generation', async () => {
  const { c, deploy } = setup();
  await c.apply(DEPLOY_REF, deploy(3), { fieldManager: 'ork', force: true });
  assert.deepEqual(advanceWorld(c), ['Deployment ns/d rolled out: Available, 3/3 ready']);
  assert.deepEqual(advanceWorld(c), []);
  const d = c.find({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'd', namespace: 'ns' })!;
  assert.equal((d['status'] as { readyReplicas: number; observedGeneration: number }).readyReplicas, 3);
  await c.apply(DEPLOY_REF, deploy(3, 'nginx:2'), { fieldManager: 'ork', force: true });
  assert.deepEqual(advanceWorld(c), ['Deployment ns/d rolled out: Available, 3/3 ready'], 'a new generation rolls out again');
});

test('a user delete without finalizers removes the object at once, then garbage-collects its children', async () => {
  const { c, deploy } = setup();
  await c.apply(DEPLOY_REF, deploy(1), { fieldManager: 'ork', force: true });
  c.takeOps();
  c.userDelete({ apiVersion: APP.apiVersion, kind: 'App', name: 'a', namespace: 'ns' });
  assert.deepEqual(c.takeOps().map((o) => `${o.op} ${o.kind} ${o.detail}`), ['deleted App no finalizer', 'deleted Deployment garbage collected']);
  assert.deepEqual(c.list(), []);
});

test('server-side apply keeps what others set: a labels-only apply on a user\'s CR leaves its spec and finalizers; a field the manager stops sending goes', async () => {
  const { c } = setup();
  const ref = { apiVersion: APP.apiVersion, kind: 'App', name: 'a', namespace: 'ns' };
  await c.mergePatch(APP_REF, { metadata: { finalizers: ['f'] } });
  c.takeOps();
  const labels = (l: Record<string, string>) => ({ apiVersion: APP.apiVersion, kind: 'App', metadata: { name: 'a', namespace: 'ns', labels: l } });
  await c.apply(APP_REF, labels({ team: 'blue', tier: 'web' }), { fieldManager: 'ork', force: true });
  await c.apply(APP_REF, labels({ team: 'red' }), { fieldManager: 'ork', force: true });
  const a = c.find(ref)!;
  assert.deepEqual(a['spec'], { x: 1 }, 'the user\'s spec stays');
  assert.deepEqual(a.metadata.finalizers, ['f']);
  assert.deepEqual(a.metadata.labels, { team: 'red' }, 'tier, sent before and not now, is removed');
  assert.equal(a.metadata.generation, 1, 'labels do not bump the generation');
  assert.deepEqual(c.takeOps().map((o) => o.detail), ['labels', 'labels']);
  await c.apply(APP_REF, labels({ owner: 'u' }), { fieldManager: 'kubectl', force: true });
  assert.deepEqual(c.find(ref)!.metadata.labels, { team: 'red', owner: 'u' }, 'another manager\'s apply does not remove ork\'s label');
});
