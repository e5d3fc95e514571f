/** CRD-level comparison of `ork diff`: CRDs, versions, scope, served. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffCrds } from '../../../compiler/diff/crd-diff.ts';

function crd(opts: { name?: string; scope?: string; versions?: Array<{ name: string; served?: boolean; storage?: boolean; props?: Record<string, unknown> }> } = {}): Record<string, unknown> {
  const versions = opts.versions ?? [{ name: 'v1' }];
  return {
    kind: 'CustomResourceDefinition',
    metadata: { name: opts.name ?? 'widgets.x.dev' },
    spec: {
      group: 'x.dev',
      names: { kind: 'Widget', plural: 'widgets' },
      scope: opts.scope ?? 'Namespaced',
      versions: versions.map((v) => ({ name: v.name, served: v.served ?? true, storage: v.storage ?? v.name === 'v1', schema: { openAPIV3Schema: { type: 'object', properties: v.props ?? { spec: { type: 'object' } } } } })),
    },
  };
}

test('unchanged CRDs are left out', () => {
  assert.deepEqual(diffCrds([crd()], [crd()]), []);
});

test('a removed CRD is breaking, an added one is not', () => {
  const [removed] = diffCrds([crd()], []);
  assert.deepEqual([removed!.change, removed!.breaking, removed!.kind], ['removed', true, 'Widget']);
  const [added] = diffCrds([], [crd()]);
  assert.deepEqual([added!.change, added!.breaking, added!.versions.map((v) => v.version)], ['added', false, ['v1']]);
});

test('a removed or no-longer-served version is breaking; an added version is not', () => {
  const two = crd({ versions: [{ name: 'v1' }, { name: 'v2', storage: false }] });
  const [r] = diffCrds([two], [crd()]);
  assert.deepEqual(r!.versions.map((v) => [v.version, v.change, v.breaking]), [['v2', 'removed', true]]);
  assert.equal(r!.breaking, true);
  const [a] = diffCrds([crd()], [two]);
  assert.deepEqual(a!.versions.map((v) => [v.version, v.change, v.breaking]), [['v2', 'added', false]]);
  assert.equal(a!.breaking, false);
  const [s] = diffCrds([crd()], [crd({ versions: [{ name: 'v1', served: false }] })]);
  assert.deepEqual(s!.versions[0]!.notes, [{ detail: 'no longer served', breaking: true }]);
});

test('a scope change is breaking; field changes are listed per version', () => {
  const [s] = diffCrds([crd()], [crd({ scope: 'Cluster' })]);
  assert.deepEqual(s!.notes, [{ detail: 'scope Namespaced → Cluster', breaking: true }]);
  const [f] = diffCrds([crd({ versions: [{ name: 'v1', props: { spec: { type: 'object', properties: { a: { type: 'string' } } } } }] })], [crd()]);
  assert.deepEqual(f!.versions[0]!.fields.map((x) => [x.path, x.change, x.breaking]), [['spec.a', 'field-removed', true]]);
});
