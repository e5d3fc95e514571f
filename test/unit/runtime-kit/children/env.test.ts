import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildEnv } from '../../../../runtime-kit/children/pod/env.ts';

test('envFrom without keys stays a native envFrom source (prefix, optional kept)', () => {
  assert.deepEqual(buildEnv(undefined, { secretRef: [{ name: 's', prefix: 'P_', optional: false }], configMapRef: [{ name: 'c' }] }), {
    envFrom: [{ prefix: 'P_', secretRef: { name: 's', optional: false } }, { configMapRef: { name: 'c' } }],
  });
});

test('envFrom with keys expands to env entries named prefix+key+suffix, after declared env, secrets first', () => {
  assert.deepEqual(buildEnv([{ name: 'A', value: '1' }], {
    configMapRef: [{ name: 'cfg', keys: ['host', 'port'], suffix: '_CFG', optional: true }],
    secretRef: [{ name: 'db', keys: ['user'], prefix: 'DB_' }],
  }), {
    env: [
      { name: 'A', value: '1' },
      { name: 'DB_user', valueFrom: { secretKeyRef: { name: 'db', key: 'user' } } },
      { name: 'host_CFG', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'host', optional: true } } },
      { name: 'port_CFG', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'port', optional: true } } },
    ],
  });
});

test('a suffix without keys is ignored (validation rejects it); empty keys behave as no keys', () => {
  assert.deepEqual(buildEnv(undefined, { secretRef: [{ name: 's', suffix: '_X', keys: [] }] }), { envFrom: [{ secretRef: { name: 's' } }] });
});

test('valueFrom wins over value; empty value is omitted; nothing declared → nothing written', () => {
  assert.deepEqual(buildEnv([{ name: 'K', value: 'ignored', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }, { name: 'E', value: '' }], undefined), {
    env: [{ name: 'K', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }, { name: 'E' }],
  });
  assert.deepEqual(buildEnv(undefined, undefined), {});
  assert.deepEqual(buildEnv([], {}), {});
});
