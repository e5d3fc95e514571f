import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildConfigMap, buildNamespace, effectiveOwnerKey, ownerReferences, resolveNamespace, stampLabels,
} from '../../../../runtime-kit/children/index.ts';
import { OWNER, OWNER_REF, context, json } from './helpers.ts';

test('stampLabels adds managed and owner labels over user labels, sorted', () => {
  assert.deepEqual(Object.entries(stampLabels({ tier: 'web', 'orkestra-owner': 'spoof', a: 'x' }, OWNER)), [
    ['a', 'x'], ['orkestra-owner', 'web'], ['orkestra.orkspace.io/managed', 'true'], ['tier', 'web'],
  ]);
});

test('a serve alias (else target) changes the owner key and adds orkestra-serve-target', () => {
  const served = { ...OWNER, annotations: { 'orkestra.orkspace.io/serve-target': 'public', 'orkestra.orkspace.io/serve-alias': 'v2' } };
  assert.equal(effectiveOwnerKey(served), 'web.v2');
  assert.deepEqual(stampLabels(undefined, served), {
    'orkestra-owner': 'web.v2', 'orkestra-serve-target': 'v2', 'orkestra.orkspace.io/managed': 'true',
  });
  const targetOnly = { ...OWNER, annotations: { 'orkestra.orkspace.io/serve-target': 'public' } };
  assert.equal(effectiveOwnerKey(targetOnly), 'web.public');
});

test('resolveNamespace: declared, else the CR namespace, else default', () => {
  assert.equal(resolveNamespace('other', OWNER), 'other');
  assert.equal(resolveNamespace('', OWNER), 'shop');
  assert.equal(resolveNamespace(undefined, { ...OWNER, namespace: '' }), 'default');
});

test('owner references only where Kubernetes allows them', () => {
  assert.deepEqual(ownerReferences(OWNER, 'shop'), OWNER_REF);
  assert.equal(ownerReferences(OWNER, 'other'), undefined, 'cross-namespace');
  assert.equal(ownerReferences(OWNER, undefined), undefined, 'namespaced owner, cluster-scoped child');
  const clusterOwner = { ...OWNER, namespace: undefined };
  assert.equal(ownerReferences(clusterOwner, 'anywhere')?.length, 1);
  assert.equal(ownerReferences(clusterOwner, undefined)?.length, 1);
});

test('a child in another namespace has no ownerReferences; a cluster-scoped child of a cluster-scoped CR has one', () => {
  const cm = json(buildConfigMap({ namespace: 'elsewhere' }, context()));
  assert.deepEqual(cm, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web-config', namespace: 'elsewhere', labels: { 'orkestra-owner': 'web', 'orkestra.orkspace.io/managed': 'true' } } });
  const ns = buildNamespace({}, context({ owner: { ...OWNER, namespace: '' } }));
  assert.equal(ns.metadata.namespace, undefined);
  assert.equal(ns.metadata.ownerReferences?.length, 1);
});
