import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CHILD_BUILDERS, buildDeployment, type BuildContext, type ChildBuilders, type KubeObject } from '../../../../runtime-kit/children/index.ts';
import { CHILD_KINDS } from '../../../../compiler/schema/child-kinds.ts';
import { context, frozen } from './helpers.ts';

/** A small valid declaration for every list. */
const MINIMAL: { readonly [K in keyof ChildBuilders]: Parameters<ChildBuilders[K]>[0] } = {
  namespaces: {},
  secrets: { data: { a: 'b' } },
  configMaps: { data: { a: 'b' } },
  networkPolicies: { name: 'np', ingress: [] },
  resourceQuotas: { name: 'rq', hard: { pods: '1' } },
  limitRanges: { name: 'lr', limits: [{ type: 'Container', max: { cpu: '1' } }] },
  clusterRoles: { rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }] },
  clusterRoleBindings: { roleRef: { name: 'r' } },
  serviceAccounts: {},
  roles: { rules: [{ verbs: ['get'] }] },
  roleBindings: { roleRef: { name: 'r' } },
  custom: { apiVersion: 'x.io/v1', kind: 'Thing', metadata: {}, spec: { b: 1, a: [1, 2] } },
  replicaSets: { image: 'i' },
  deployments: { image: 'i', env: [{ name: 'A', value: 'b' }], probes: { liveness: { path: '/' } } },
  services: { port: '80' },
  jobs: { image: 'i' },
  cronJobs: { image: 'i', schedule: '* * * * *' },
  statefulSets: { image: 'i', volumeClaimTemplates: [{ storageClass: 's', storageSize: '1Gi' }] },
  persistentVolumes: { name: 'pv', capacity: '1Gi' },
  persistentVolumeClaims: { name: 'pvc', storage: '1Gi' },
  ingresses: { serviceName: 's', servicePort: '80' },
  hpa: { scaleTargetRef: { kind: 'Deployment' }, behavior: { profile: 'web' } },
  pdb: { minAvailable: '1' },
  pods: { image: 'i' },
};

function build<K extends keyof ChildBuilders>(key: K, input: Parameters<ChildBuilders[K]>[0]): KubeObject {
  return (CHILD_BUILDERS[key] as unknown as (i: typeof input, c: BuildContext) => KubeObject)(input, context());
}

test('there is a builder for every child list, producing its Kubernetes type and scope', () => {
  assert.deepEqual(Object.keys(CHILD_BUILDERS).sort(), CHILD_KINDS.map((k) => k.key).sort());
  for (const row of CHILD_KINDS) {
    if (row.key === 'custom') continue;
    const obj = build(row.key, MINIMAL[row.key]);
    assert.equal(obj.apiVersion, row.group === '' ? row.version : `${row.group}/${row.version}`, row.key);
    assert.equal(obj.kind, row.kind, row.key);
    assert.equal(obj.metadata.namespace !== undefined, row.namespaced, `${row.key} scope`);
    assert.equal(obj.metadata.labels?.['orkestra.orkspace.io/managed'], 'true', row.key);
    assert.equal(obj.metadata.labels?.['orkestra-owner'], 'web', row.key);
    assert.equal('status' in obj, false, `${row.key} never sends status`);
  }
});

test('same input → same JSON bytes; inputs are never mutated; outputs share nothing with inputs', () => {
  for (const key of Object.keys(MINIMAL) as Array<keyof ChildBuilders>) {
    const input = frozen(structuredClone(MINIMAL[key]));
    const a = JSON.stringify(build(key, input));
    const b = JSON.stringify(build(key, input));
    assert.equal(a, b, key);
    assert.deepEqual(input, MINIMAL[key], `${key} input untouched`);
  }
  const input = { image: 'i', command: ['a'], labels: { x: 'y' } };
  const out = buildDeployment(input, context());
  out.spec.template.spec.containers[0]?.command?.push('b');
  (out.metadata.labels as Record<string, string>)['x'] = 'changed';
  assert.deepEqual(input, { image: 'i', command: ['a'], labels: { x: 'y' } });
});

test('map key order in the input does not change the output bytes', () => {
  const one = buildDeployment({ image: 'i', labels: { b: '2', a: '1' }, annotations: { y: '1', x: '2' }, nodeSelector: { q: '1', p: '2' }, resources: { limits: { memory: '1Gi', cpu: '1' } } }, context());
  const two = buildDeployment({ image: 'i', labels: { a: '1', b: '2' }, annotations: { x: '2', y: '1' }, nodeSelector: { p: '2', q: '1' }, resources: { limits: { cpu: '1', memory: '1Gi' } } }, context());
  assert.equal(JSON.stringify(one), JSON.stringify(two));
});

test('object keys come out in a fixed, readable order', () => {
  const d = buildDeployment({ image: 'i', annotations: { a: 'b' }, port: '80', rollingUpdate: { profile: 'safe' } }, context());
  assert.deepEqual(Object.keys(d), ['apiVersion', 'kind', 'metadata', 'spec']);
  assert.deepEqual(Object.keys(d.metadata), ['name', 'namespace', 'labels', 'annotations', 'ownerReferences']);
  assert.deepEqual(Object.keys(d.spec), ['replicas', 'selector', 'strategy', 'template']);
  assert.deepEqual(Object.keys(d.spec.template.spec.containers[0] ?? {}), ['name', 'image', 'ports']);
});
