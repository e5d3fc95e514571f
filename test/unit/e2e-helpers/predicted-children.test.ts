/**
 * The pure parts of test/integration/e2e/predicted-children.ts and isolated-example.ts, which
 * turn `ork simulate` output into expectations about a live cluster: if these were wrong, the
 * every-example e2e test could pass (or fail) for the wrong reason.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { changed, driftTarget, isReconciled, predictedChild } from '../../integration/e2e/predicted-children.ts';
import { examplesWithSampleCrs, isolatedExample } from '../../integration/e2e/isolated-example.ts';

test('changed(): same shape, different value; a string keeps its form (cron, image tag) when it has a digit', () => {
  assert.equal(changed(2), 3);
  assert.equal(changed(false), true);
  assert.equal(changed('0 2 * * *'), '0 3 * * *');
  assert.equal(changed('nginx:1.27'), 'nginx:1.28');
  assert.equal(changed('v9'), 'v0');
  assert.equal(changed('production'), 'production-2');
});

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'hello', namespace: 'ns', uid: 'child-uid', resourceVersion: '6', generation: 1, creationTimestamp: 'T',
    labels: { a: 'b' }, annotations: { 'ork.dev/declared-by': 'spec.crds.webapp.operatorBox.onReconcile.deployments.0' },
    ownerReferences: [{ apiVersion: 'x/v1', kind: 'WebApp', name: 'hello', uid: 'sim-uid', controller: true }],
  },
  spec: { selector: { matchLabels: { a: 'b' } }, replicas: 2, template: { spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } } },
  status: { readyReplicas: 2 },
};

test('predictedChild(): drops what only a server sets, and the simulated uid becomes the real one', () => {
  const p = predictedChild(deployment, 'sim-uid', 'real-uid');
  assert.deepEqual(Object.keys(p['metadata']).sort(), ['annotations', 'labels', 'name', 'namespace', 'ownerReferences']);
  assert.deepEqual(p['metadata']['ownerReferences'], [{ apiVersion: 'x/v1', kind: 'WebApp', name: 'hello', controller: true }]);
  assert.equal(p['status'], undefined);
  const secret = { kind: 'Secret', metadata: { name: 's', ownerReferences: [] }, stringData: { token: 'sim-uid' } };
  assert.deepEqual(predictedChild(secret, 'sim-uid', 'real-uid')['data'], { token: Buffer.from('real-uid').toString('base64') });
  assert.equal(predictedChild(secret, 'sim-uid', 'real-uid')['stringData'], undefined);
});

test('driftTarget(): the first declared scalar of data, else spec, never a selector; isReconciled() reads declared-by', () => {
  assert.deepEqual(driftTarget(deployment), { pointer: '/spec/replicas', declared: 2, drifted: 3 });
  assert.deepEqual(driftTarget({ data: { 'a/b': 'x' } }), { pointer: '/data/a~1b', declared: 'x', drifted: 'x-2' });
  assert.equal(driftTarget({ spec: { selector: { a: 'b' } } }), undefined);
  assert.equal(isReconciled(deployment), true);
  assert.equal(isReconciled({ metadata: { annotations: { 'ork.dev/declared-by': 'spec.crds.x.operatorBox.onCreate.secrets.0' } } }), false);
});

test('isolatedExample(): unique groups everywhere, unique Katalog name and namespace, sample CRs in the test namespace', (t) => {
  assert.ok(examplesWithSampleCrs().includes('web-app'));
  assert.ok(!examplesWithSampleCrs().includes('checks-pass'), 'no sample CRs, not listed');
  const iso = isolatedExample('tenant-cleanup', 'my-ns');
  t.after(() => rmSync(path.dirname(iso.dir), { recursive: true, force: true }));
  const to = iso.groups.get('tenants.ork.dev')!;
  assert.match(to, /^e[0-9a-f]{8}\.tenants\.ork\.dev$/);
  const katalog = readFileSync(iso.katalog, 'utf8');
  assert.ok(katalog.includes(`${to}/cleanup`) && !/(?<!\.)tenants\.ork\.dev\/cleanup/.test(katalog), 'finalizers follow the group');
  assert.equal((parse(readFileSync(path.join(iso.dir, 'crd.yaml'), 'utf8')) as { spec: { group: string } }).spec.group, to);
  assert.equal(iso.model['metadata']['name'], iso.name);
  assert.match(iso.name, /^tenants-[0-9a-f]{8}$/);
  assert.equal(iso.model['metadata']['namespace'], iso.operatorNamespace);
  assert.equal(iso.crs.length, 1);
  assert.equal(iso.crs[0]!.object.apiVersion, `${to}/v1`);
  assert.equal(iso.crs[0]!.object.metadata.namespace, 'my-ns');
});
