import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CHILD_KINDS, CHILD_LIST_KEYS, HookTemplatesSchema, BUILTIN_KINDS, builtinKind } from '../../../compiler/schema/index.ts';

test('child kinds follow Orkestra apply order and cover every resource list of hook templates', () => {
  assert.deepEqual(CHILD_KINDS.map((c) => c.key), [...CHILD_LIST_KEYS]);
  const listed = Object.keys(HookTemplatesSchema.properties).filter((k) => (CHILD_LIST_KEYS as readonly string[]).includes(k));
  assert.deepEqual([...listed].sort(), [...CHILD_LIST_KEYS].sort());
  assert.equal(CHILD_LIST_KEYS[0], 'namespaces');
  assert.equal(CHILD_LIST_KEYS.at(-1), 'pods');
});

test('cluster-scoped children are marked so', () => {
  const clusterScoped = CHILD_KINDS.filter((c) => !c.namespaced).map((c) => c.key);
  assert.deepEqual(clusterScoped, ['namespaces', 'clusterRoles', 'clusterRoleBindings', 'persistentVolumes']);
});

test('built-in kinds enrich core and named groups', () => {
  assert.deepEqual(builtinKind('Pod'), { kind: 'Pod', group: '', version: 'v1', plural: 'pods', apiPath: '/api', namespaced: true });
  assert.equal(builtinKind('Deployment')?.group, 'apps');
  assert.equal(builtinKind('Namespace')?.namespaced, false);
  assert.equal(builtinKind('Platform'), undefined);
  for (const [kind, row] of BUILTIN_KINDS) {
    assert.equal(row.kind, kind);
    assert.equal(row.apiPath, row.group === '' ? '/api' : '/apis');
  }
});
