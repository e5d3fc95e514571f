import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ChildSpecError, buildCustomResource } from '../../../../runtime-kit/children/index.ts';
import { OWNER, STAMP, context, json, meta } from './helpers.ts';

test('minimal custom object: <cr>-custom in the CR namespace, stamped, owned', () => {
  assert.deepEqual(json(buildCustomResource({ apiVersion: 'cert-manager.io/v1', kind: 'Certificate', metadata: {} }, context())), {
    apiVersion: 'cert-manager.io/v1', kind: 'Certificate', metadata: meta('web-custom'),
  });
});

test('full custom object: spec and extra top-level fields copied; status, hasStatus and control keys dropped', () => {
  const out = buildCustomResource({
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'ServiceMonitor',
    metadata: { name: 'sm', namespace: 'shop', labels: { release: 'prom' }, annotations: { a: '1' } },
    spec: { endpoints: [{ port: 'http', interval: '30s' }], selector: { matchLabels: { app: 'web' } } },
    data: { key: 'value' },
    status: { ready: true },
    hasStatus: true,
    reconcile: true,
    when: [{ field: 'spec.x', equals: 'y' }],
    anyOf: [{ field: 'spec.x', equals: 'z' }],
    sleep: '1s',
    forceConflict: true,
  }, context());
  assert.deepEqual(json(out), {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'ServiceMonitor',
    metadata: meta('sm', { labels: { ...STAMP, release: 'prom' }, annotations: { a: '1' } }),
    data: { key: 'value' },
    spec: { endpoints: [{ port: 'http', interval: '30s' }], selector: { matchLabels: { app: 'web' } } },
  });
});

test('a cluster-scoped custom kind has no namespace and is owned only by a cluster-scoped CR', () => {
  const input = { apiVersion: 'x.io/v1', kind: 'Thing', metadata: { name: 't', namespaced: false } };
  assert.deepEqual(json(buildCustomResource(input, context())), { apiVersion: 'x.io/v1', kind: 'Thing', metadata: { name: 't', labels: STAMP } });
  assert.equal(buildCustomResource(input, context({ owner: { ...OWNER, namespace: '' } })).metadata.ownerReferences?.length, 1);
  assert.equal(buildCustomResource({ ...input, metadata: { name: 't', namespace: 'other' } }, context()).metadata.ownerReferences, undefined);
});

test('custom requires apiVersion and kind', () => {
  assert.throws(() => buildCustomResource({ apiVersion: '', kind: 'K', metadata: {} }, context()), ChildSpecError);
});
