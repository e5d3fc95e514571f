import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { validateKatalog } from '../../../compiler/validate.ts';
import { deriveRbac, guessPlural } from '../../../compiler/rbac/derive.ts';
import type { RbacRule } from '../../../compiler/rbac/rules.ts';

function rbacOf(file: string) {
  const v = validateKatalog(file);
  assert.ok(v.model, JSON.stringify(v.diagnostics));
  return deriveRbac(v.model);
}
const find = (rules: readonly RbacRule[], group: string, resource: string): RbacRule | undefined => rules.find((r) => r.apiGroup === group && r.resource === resource);

test('every example: no wildcard, every rule traced to a Katalog path, leases only in the operator namespace', () => {
  const examples = readdirSync('examples').map((d) => path.join('examples', d, 'katalog.yaml')).filter(existsSync);
  assert.ok(examples.length >= 6);
  for (const f of examples) {
    const r = rbacOf(f);
    for (const rule of [...r.cluster, ...r.namespace]) {
      assert.ok(!rule.verbs.includes('*') && rule.resource !== '*' && rule.apiGroup !== '*', `${f}: wildcard in ${JSON.stringify(rule)}`);
      assert.ok(rule.reasons.length > 0, `${f}: ${rule.resource} has no reason`);
      assert.deepEqual([...rule.verbs].sort(), rule.verbs, 'verbs sorted');
    }
    assert.equal(find(r.cluster, 'coordination.k8s.io', 'leases'), undefined, `${f}: leases must not be cluster-wide`);
    assert.ok(r.namespace.some((x) => x.resource === 'leases'), `${f}: lease rule`);
  }
});

test('onCreate children get create but not patch; onReconcile children get apply and prune verbs', () => {
  const r = rbacOf('examples/platform/katalog.yaml');
  assert.deepEqual(find(r.cluster, '', 'secrets')?.verbs, ['create', 'list', 'watch']);
  assert.deepEqual(find(r.cluster, 'apps', 'deployments')?.verbs, ['create', 'delete', 'list', 'patch', 'watch']);
  assert.deepEqual(find(r.cluster, 'platform.ork.dev', 'apps/status')?.verbs, ['patch']);
});

test('ordered deletion groups grant delete with a reason pointing at the group', () => {
  const r = rbacOf('examples/tenant-cleanup/katalog.yaml');
  const cm = find(r.cluster, '', 'configmaps');
  assert.ok(cm?.verbs.includes('delete'));
  assert.ok(cm?.reasons.some((x) => x.path.includes('onDelete.groups.2.configMaps.0')));
});

test('no get on CRs or children (reads come from informer caches) and no patch on Events; get only on the named Lease', () => {
  const r = rbacOf('examples/platform/katalog.yaml');
  for (const rule of r.cluster) assert.ok(!rule.verbs.includes('get'), `${rule.apiGroup}/${rule.resource}: ${rule.verbs.join(' ')}`);
  assert.deepEqual(find(r.cluster, 'platform.ork.dev', 'apps')?.verbs, ['list', 'patch', 'watch']);
  assert.deepEqual(find(r.cluster, '', 'events')?.verbs, ['create']);
  assert.deepEqual(r.namespace.map((x) => [x.verbs.join(' '), x.resourceNames?.join(' ') ?? '']), [['create', ''], ['get update', 'platform-leader']]);
});

test('the Kubernetes default plural of a kind', () => {
  assert.equal(guessPlural('Policy'), 'policies');
  assert.equal(guessPlural('Ingress'), 'ingresses');
  assert.equal(guessPlural('Gateway'), 'gateways');
  assert.equal(guessPlural('Widget'), 'widgets');
});
