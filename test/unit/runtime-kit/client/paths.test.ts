import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resourcePath } from '../../../../runtime-kit/client/paths.ts';

test('core, grouped, namespaced, cluster-scoped and subresource paths', () => {
  assert.equal(resourcePath({ group: '', version: 'v1', plural: 'configmaps', namespace: 'a', name: 'b' }), '/api/v1/namespaces/a/configmaps/b');
  assert.equal(resourcePath({ group: 'rbac.authorization.k8s.io', version: 'v1', plural: 'clusterroles' }), '/apis/rbac.authorization.k8s.io/v1/clusterroles');
  assert.equal(resourcePath({ group: 'x.io', version: 'v1', plural: 'widgets', namespace: 'n', name: 'w', subresource: 'status' }), '/apis/x.io/v1/namespaces/n/widgets/w/status');
  assert.equal(resourcePath({ group: '', version: 'v1', plural: 'pods', namespace: '' }), '/api/v1/pods');
});

test('refuses segments that would change the path', () => {
  assert.throws(() => resourcePath({ group: '', version: 'v1', plural: 'pods', namespace: '../x' }), /invalid namespace/);
  assert.throws(() => resourcePath({ group: '', version: 'v1', plural: 'pods', name: 'a/b' }), /invalid name/);
  assert.throws(() => resourcePath({ group: '', version: 'v1', plural: 'pods', name: '' }), /invalid name/);
});
