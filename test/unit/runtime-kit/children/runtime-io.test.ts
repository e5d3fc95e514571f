import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RUNTIME_IO_KEYS, buildConfigMap, buildIngress, buildSecret, runtimeIoKeys } from '../../../../runtime-kit/children/index.ts';
import { CHILD_LIST_KEYS } from '../../../../compiler/schema/child-kinds.ts';
import { RESOURCE_ENTRY_SCHEMAS } from '../../../../compiler/schema/resources/index.ts';
import { context } from './helpers.ts';

test('runtimeIoKeys lists the runtime keys a declaration uses (set, non-empty, not false)', () => {
  assert.deepEqual(runtimeIoKeys('secrets', { data: { a: 'b' } }), []);
  assert.deepEqual(runtimeIoKeys('secrets', { fromSecret: 'master', once: false, toNamespaces: [], tls: { commonName: 'x' } }), ['fromSecret', 'tls']);
  assert.deepEqual(runtimeIoKeys('secrets', { once: true, rotateAfter: '90d', toNamespaces: ['a'] }), ['once', 'rotateAfter', 'toNamespaces']);
  assert.deepEqual(runtimeIoKeys('configMaps', { fromConfigMap: 'base', fromNamespace: 'platform' }), ['fromConfigMap']);
  assert.deepEqual(runtimeIoKeys('ingresses', { tls: { create: true } }), ['tls.create']);
  assert.deepEqual(runtimeIoKeys('ingresses', { tls: { create: false, secretName: 'x' } }), []);
  assert.deepEqual(runtimeIoKeys('custom', { status: { phase: 'x' }, hasStatus: true }), ['status', 'hasStatus']);
  assert.deepEqual(runtimeIoKeys('deployments', { autoscale: { max: 3 } }), ['autoscale']);
  assert.deepEqual(runtimeIoKeys('services', { port: '80' }), []);
  assert.deepEqual(runtimeIoKeys('__proto__', {}), []);
  assert.deepEqual(runtimeIoKeys('secrets', JSON.parse('{"__proto__": {"fromSecret": "x"}}')), []);
});

test('every runtime key is a real key of the list schema', () => {
  const schemas = RESOURCE_ENTRY_SCHEMAS as Record<string, { properties?: Record<string, { properties?: Record<string, unknown> }> }>;
  for (const [list, keys] of Object.entries(RUNTIME_IO_KEYS)) {
    assert.ok((CHILD_LIST_KEYS as readonly string[]).includes(list), list);
    for (const key of Object.keys(keys)) {
      const [head, tail] = key.split('.') as [string, string | undefined];
      const prop = schemas[list]?.properties?.[head];
      assert.ok(prop !== undefined, `${list}.${key}`);
      if (tail !== undefined) assert.ok(prop.properties?.[tail] !== undefined, `${list}.${key}`);
    }
  }
});

test('builders build the declared part and ignore runtime keys', () => {
  const cm = buildConfigMap({ fromConfigMap: 'base', toNamespaces: ['a'], data: { k: 'v' } }, context());
  assert.deepEqual(cm.data, { k: 'v' });
  assert.equal('toNamespaces' in cm, false);
  const s = buildSecret({ once: true, rotateAfter: '1d', data: { p: 'x' } }, context());
  assert.deepEqual(s.stringData, { p: 'x' });
  assert.equal(buildIngress({ serviceName: 's', tls: { create: true } }, context()).spec.tls?.[0]?.secretName, 'web-tls');
});
