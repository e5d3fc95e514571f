/** The namespace guard (allowedNamespaces / restrictedNamespaces) and the namespace a CR informer watches. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { namespaceGuard, watchedNamespace } from '../../../../runtime-kit/operator/namespace-guard.ts';

test('no lists: every namespace is admitted', () => {
  const admits = namespaceGuard({});
  assert.equal(admits('a', false), true);
  assert.equal(admits(undefined, false), true);
});

test('allowedNamespaces: only those, exact names; deletions and cluster-scoped CRs always pass', () => {
  const admits = namespaceGuard({ allowedNamespaces: ['team-a', 'team-b'] });
  assert.equal(admits('team-a', false), true);
  assert.equal(admits('team-b', false), true);
  assert.equal(admits('team-c', false), false);
  assert.equal(admits('team-a-x', false), false, 'no prefix matching');
  assert.equal(admits('team-c', true), true, 'a CR being deleted is still finalized');
  assert.equal(admits(undefined, false), true, 'cluster-scoped');
});

test('restrictedNamespaces: all but those; deletions pass', () => {
  const admits = namespaceGuard({ restrictedNamespaces: ['kube-system'] });
  assert.equal(admits('default', false), true);
  assert.equal(admits('kube-system', false), false);
  assert.equal(admits('kube-system', true), true);
});

test('an empty allow-list restricts nothing', () => {
  assert.equal(namespaceGuard({ allowedNamespaces: [] })('x', false), true);
});

test('watchedNamespace: the Katalog namespace, else a single allowed namespace, else all', () => {
  assert.equal(watchedNamespace({ namespace: 'n' }), 'n');
  assert.equal(watchedNamespace({ namespace: 'n', allowedNamespaces: ['a'] }), 'n');
  assert.equal(watchedNamespace({ allowedNamespaces: ['a'] }), 'a');
  assert.equal(watchedNamespace({ allowedNamespaces: ['a', 'b'] }), undefined);
  assert.equal(watchedNamespace({}), undefined);
});
