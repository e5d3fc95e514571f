/** RBAC comparison of `ork diff`: every added verb is an escalation, removed verbs are reductions. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffRbac } from '../../../compiler/diff/rbac-diff.ts';

const clusterRole = (rules: unknown[], name = 'op'): Record<string, unknown> => ({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name }, rules });
const role = (ns: string, rules: unknown[]): Record<string, unknown> => ({ kind: 'Role', metadata: { name: 'op-leader', namespace: ns }, rules });
const rule = (apiGroups: string[], resources: string[], verbs: string[], resourceNames?: string[]): unknown => ({ apiGroups, resources, verbs, ...(resourceNames ? { resourceNames } : {}) });

test('same rules, written differently (split, reordered): no change', () => {
  const a = [clusterRole([rule([''], ['services', 'configmaps'], ['get', 'list'])])];
  const b = [clusterRole([rule([''], ['configmaps'], ['list', 'get']), rule([''], ['services'], ['get']), rule([''], ['services'], ['list'])])];
  assert.deepEqual(diffRbac(a, b), []);
});

test('a new rule is an escalation with every verb added', () => {
  const [c, ...rest] = diffRbac([clusterRole([])], [clusterRole([rule(['apps'], ['deployments'], ['get', 'create'])])]);
  assert.equal(rest.length, 0);
  assert.deepEqual(
    { kind: c!.roleKind, group: c!.apiGroup, resource: c!.resource, change: c!.change, added: c!.addedVerbs, removed: c!.removedVerbs, escalation: c!.escalation },
    { kind: 'ClusterRole', group: 'apps', resource: 'deployments', change: 'added', added: ['create', 'get'], removed: [], escalation: true },
  );
});

test('a new verb on an existing rule is an escalation; a removed verb alone is a reduction', () => {
  const a = [clusterRole([rule([''], ['secrets'], ['get', 'list', 'watch']), rule([''], ['services'], ['delete', 'get'])])];
  const b = [clusterRole([rule([''], ['secrets'], ['get', 'list', 'watch', 'delete']), rule([''], ['services'], ['get'])])];
  const changes = diffRbac(a, b);
  assert.deepEqual(changes.map((c) => [c.resource, c.change, c.addedVerbs, c.removedVerbs, c.escalation]), [
    ['secrets', 'changed', ['delete'], [], true],
    ['services', 'changed', [], ['delete'], false],
  ]);
});

test('a removed rule is a reduction; added and removed verbs on one rule count as an escalation', () => {
  const gone = diffRbac([clusterRole([rule([''], ['pods'], ['get'])])], [clusterRole([])]);
  assert.deepEqual(gone.map((c) => [c.change, c.escalation, c.removedVerbs]), [['removed', false, ['get']]]);
  const swapped = diffRbac([clusterRole([rule([''], ['pods'], ['get'])])], [clusterRole([rule([''], ['pods'], ['delete'])])]);
  assert.deepEqual(swapped.map((c) => [c.change, c.escalation]), [['changed', true]]);
});

test('resourceNames are part of the key: dropping the restriction is a new (unrestricted) rule', () => {
  const a = [role('ops', [rule(['coordination.k8s.io'], ['leases'], ['get', 'update'], ['op-leader'])])];
  const b = [role('ops', [rule(['coordination.k8s.io'], ['leases'], ['get', 'update'])])];
  const changes = diffRbac(a, b);
  assert.deepEqual(changes.map((c) => [c.roleKind, c.namespace, c.resourceNames, c.change, c.escalation]), [
    ['Role', 'ops', ['op-leader'], 'removed', false],
    ['Role', 'ops', [], 'added', true],
  ]);
});

test('a Role in another namespace is another scope; ClusterRole rules come first', () => {
  const r = [rule(['coordination.k8s.io'], ['leases'], ['create'])];
  const changes = diffRbac([role('a', r), clusterRole([])], [role('b', r), clusterRole([rule([''], ['events'], ['create'])])]);
  assert.deepEqual(changes.map((c) => [c.roleKind, c.namespace ?? null, c.change]), [
    ['ClusterRole', null, 'added'],
    ['Role', 'a', 'removed'],
    ['Role', 'b', 'added'],
  ]);
});

test('ClusterRoles with other names are compared as one cluster-wide scope (a renamed Katalog)', () => {
  const r = [rule([''], ['events'], ['create', 'patch'])];
  assert.deepEqual(diffRbac([clusterRole(r, 'old-operator')], [clusterRole(r, 'new-operator')]), []);
});
