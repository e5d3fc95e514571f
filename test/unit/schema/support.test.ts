import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keySupport, isDeclaredKey, KEY_SUPPORT } from '../../../compiler/schema/index.ts';

const box = ['spec', 'crds', 'web', 'operatorBox'];

test('refused features are reported with a reason', () => {
  assert.equal(keySupport([...box, 'rollback'])?.status, 'refused');
  assert.equal(keySupport([...box, 'reconciler', 'hooks'])?.status, 'refused');
  assert.equal(keySupport([...box, 'onReconcile', 'external'])?.status, 'refused');
  assert.equal(keySupport([...box, 'onDelete', 'groups', 0, 'external'])?.status, 'refused');
  assert.equal(keySupport([...box, 'preReconcile', 'reconcileGate', 'external'])?.status, 'refused');
  assert.equal(keySupport([...box, 'onCreate', 'deployments', 0, 'autoscale'])?.status, 'refused');
  assert.equal(keySupport(['providers'])?.status, 'refused');
  assert.equal(keySupport([...box, 'cross', 0, 'source'])?.status, 'refused');
});

test('renamed keys name their replacement', () => {
  assert.deepEqual(keySupport([...box, 'onCreate', 'services', 2, 'anyOf']), { pattern: '**.anyOf', status: 'renamed', note: 'or' });
  assert.equal(keySupport([...box, 'cross', 0, 'labels'])?.note, 'labelSelector');
  assert.equal(keySupport([...box, 'cross', 0, 'source', 'type'])?.note, 'protocol');
});

test('Gateway-side blocks are ignored, compiled keys have no row', () => {
  assert.equal(keySupport(['spec', 'crds', 'web', 'serve'])?.status, 'ignored');
  assert.equal(keySupport(['gateway', 'api'])?.status, 'ignored');
  assert.equal(keySupport(['gateway', 'endpoint']), undefined);
  assert.equal(keySupport([...box, 'onCreate', 'deployments']), undefined);
  assert.equal(keySupport([...box, 'status', 'fields']), undefined);
});

test('user data that looks like a key is not a key', () => {
  assert.equal(isDeclaredKey([...box, 'onCreate', 'deployments', 0, 'labels', 'external']), false);
  assert.equal(keySupport([...box, 'onCreate', 'deployments', 0, 'labels', 'external']), undefined);
  assert.equal(keySupport([...box, 'onCreate', 'custom', 0, 'spec', 'git']), undefined);
  assert.equal(keySupport([...box, 'reconciler', 'constructor', 'args', 'anyOf']), undefined);
  assert.equal(isDeclaredKey([...box, 'onCreate', 'custom', 0, 'kind']), true);
  assert.equal(isDeclaredKey(['spec', 'crds', 'web']), false);
});

test('every pattern of the table names keys the schema declares', () => {
  for (const row of KEY_SUPPORT) {
    const path = row.pattern.replace(/^\*\*\./, 'spec.crds.x.operatorBox.onCreate.').split('.')
      .map((seg) => (seg === '*' ? 'x' : seg))
      .map((seg, i, all) => (seg === 'x' && /^(deployments|replicaSets|statefulSets|cross|groups)$/.test(all[i - 1] ?? '') ? '0' : seg));
    if (row.pattern.startsWith('**.source')) continue; // appears under conditions and cross, covered above
    if (row.pattern.endsWith('.autoscale') && row.pattern.includes('.*.')) continue; // list keys covered above
    assert.ok(isDeclaredKey(path), `${row.pattern} → ${path.join('.')} is not declared`);
  }
});
