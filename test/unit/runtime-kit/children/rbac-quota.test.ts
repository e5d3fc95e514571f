import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ChildSpecError, buildClusterRole, buildClusterRoleBinding, buildLimitRange, buildResourceQuota, buildRole, buildRoleBinding,
} from '../../../../runtime-kit/children/index.ts';
import { OWNER, STAMP, context, json, meta } from './helpers.ts';

test('minimal Role: <cr>-role, rules []', () => {
  assert.deepEqual(json(buildRole({}, context())), { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: meta('web-role'), rules: [] });
});

test('full Role: the core group "" is kept, empty lists omitted, verbs always written', () => {
  assert.deepEqual(json(buildRole({
    name: 'reader',
    rules: [{ apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list'], resourceNames: [] }, { apiGroups: [], resources: ['x'] }],
  }, context())), {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: meta('reader'),
    rules: [{ apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list'] }, { resources: ['x'], verbs: [] }],
  });
});

test('RoleBinding: <cr>-rolebinding, roleRef kind Role by default, subjects as declared', () => {
  assert.deepEqual(json(buildRoleBinding({ roleRef: { name: 'reader' } }, context())), {
    apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: meta('web-rolebinding'),
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'reader' },
  });
  assert.deepEqual(json(buildRoleBinding({
    name: 'rb', roleRef: { name: 'view', kind: 'ClusterRole' },
    subjects: [{ kind: 'ServiceAccount', name: 'web-sa', namespace: 'shop' }, { kind: 'Group', name: 'devs', namespace: '' }],
  }, context())), {
    apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: meta('rb'),
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
    subjects: [{ kind: 'ServiceAccount', name: 'web-sa', namespace: 'shop' }, { kind: 'Group', name: 'devs' }],
  });
});

test('ClusterRole and ClusterRoleBinding: cluster-scoped; owner reference only for a cluster-scoped CR', () => {
  assert.deepEqual(json(buildClusterRole({ rules: [{ apiGroups: ['apps'], resources: ['deployments'], verbs: ['get'] }] }, context())), {
    apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'web-cluster-role', labels: STAMP },
    rules: [{ apiGroups: ['apps'], resources: ['deployments'], verbs: ['get'] }],
  });
  const crb = buildClusterRoleBinding({ roleRef: { name: 'web-cluster-role' }, subjects: [{ kind: 'ServiceAccount', name: 'sa', namespace: 'shop' }] },
    context({ owner: { ...OWNER, namespace: undefined } }));
  assert.deepEqual(json(crb), {
    apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding',
    metadata: { name: 'web-crb', labels: STAMP, ownerReferences: [{ apiVersion: 'demo.orkspace.io/v1', kind: 'WebApp', name: 'web', uid: 'uid-1', controller: true, blockOwnerDeletion: true }] },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'web-cluster-role' },
    subjects: [{ kind: 'ServiceAccount', name: 'sa', namespace: 'shop' }],
  });
});

test('ResourceQuota: name required; hard sorted; profile replaces hard; invalid quantities dropped with a warning', () => {
  assert.throws(() => buildResourceQuota({}, context()), ChildSpecError);
  assert.deepEqual(json(buildResourceQuota({ name: 'q' }, context())), { apiVersion: 'v1', kind: 'ResourceQuota', metadata: meta('q'), spec: {} });
  const ctx = context();
  assert.deepEqual(json(buildResourceQuota({ name: 'q', hard: { pods: '10', cpu: 'lots', 'requests.memory': '1Gi' } }, ctx).spec), {
    hard: { pods: '10', 'requests.memory': '1Gi' },
  });
  assert.equal(ctx.warnings.length, 1);
  assert.deepEqual(json(buildResourceQuota({ name: 'q', profile: 'Small', hard: { pods: '1' } }, context()).spec), {
    hard: { cpu: '2', 'limits.cpu': '2', 'limits.memory': '4Gi', memory: '4Gi', pods: '10', 'requests.cpu': '1', 'requests.memory': '2Gi' },
  });
});

test('LimitRange: items with empty maps omitted; user profile used only when no limits are declared', () => {
  assert.throws(() => buildLimitRange({}, context()), ChildSpecError);
  assert.deepEqual(json(buildLimitRange({ name: 'lr', limits: [{ type: 'Container', default: { cpu: '500m' }, max: {}, min: { memory: 'x' } }] }, context())), {
    apiVersion: 'v1', kind: 'LimitRange', metadata: meta('lr'), spec: { limits: [{ type: 'Container', default: { cpu: '500m' } }] },
  });
  const profiles = { limitRanges: [{ name: 'org', limits: [{ type: 'Pod', max: { cpu: '2' } }] }] };
  assert.deepEqual(json(buildLimitRange({ name: 'lr', profile: 'org' }, context({ profiles })).spec), { limits: [{ type: 'Pod', max: { cpu: '2' } }] });
  assert.deepEqual(json(buildLimitRange({ name: 'lr', profile: 'org', limits: [{ type: 'Container' }] }, context({ profiles })).spec), { limits: [{ type: 'Container' }] });
  const ctx = context();
  assert.deepEqual(json(buildLimitRange({ name: 'lr', profile: 'missing' }, ctx).spec), { limits: [] });
  assert.equal(ctx.warnings.length, 1);
});
