import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DesiredChild, KubeObjectLike } from '../../../../runtime-kit/reconcile/desired.ts';
import { buildCustomResource, buildDeployment, buildNamespace, type ObjectMeta } from '../../../../runtime-kit/children/index.ts';
import { context } from './helpers.ts';

test('built objects are what the reconcile harness applies (type-checked) and plain JSON data', () => {
  const objects: KubeObjectLike[] = [
    buildDeployment({ image: 'i' }, context()),
    buildNamespace({}, context()),
    buildCustomResource({ apiVersion: 'x.io/v1', kind: 'K', metadata: {} }, context()),
  ];
  const child: DesiredChild = { object: objects[0] as KubeObjectLike, mode: 'apply', force: true, declaredAt: 'spec.crds.web.operatorBox.onReconcile.deployments[0]' };
  assert.equal(child.object.metadata.name, 'web-deployment');
  for (const o of objects) assert.deepEqual(JSON.parse(JSON.stringify(o)), o);
});

test('ObjectMeta types a CR metadata block as the API server returns it', () => {
  const meta: ObjectMeta = { name: 'web', namespace: 'shop', uid: 'u', resourceVersion: '7', generation: 2, labels: { a: 'b' }, creationTimestamp: '2026-01-01T00:00:00Z' };
  assert.equal(meta.generation, 2);
});
