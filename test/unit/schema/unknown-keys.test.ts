import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixture, katalogErrors } from './validator.ts';

/** Adds `bogus: 1` at `path` inside a fresh copy of the classic fixture. */
function withUnknownKeyAt(path: (string | number)[]): unknown {
  const doc = fixture('classic.yaml');
  let node: Record<string | number, unknown> = doc;
  for (const step of path) node = node[step] as Record<string | number, unknown>;
  node['bogus'] = 1;
  return doc;
}

const depths: (string | number)[][] = [
  [],
  ['metadata'],
  ['spec'],
  ['spec', 'crds', 'website'],
  ['spec', 'crds', 'website', 'apiTypes'],
  ['spec', 'crds', 'website', 'operatorBox'],
  ['spec', 'crds', 'website', 'operatorBox', 'reconciler', 'queue', 'retryBackoff'],
  ['spec', 'crds', 'website', 'operatorBox', 'onCreate'],
  ['spec', 'crds', 'website', 'operatorBox', 'onCreate', 'deployments', 0],
  ['spec', 'crds', 'website', 'operatorBox', 'onCreate', 'deployments', 0, 'volumes', 0, 'configMap'],
  ['spec', 'crds', 'website', 'operatorBox', 'onCreate', 'services', 0, 'when', 0],
  ['spec', 'crds', 'website', 'operatorBox', 'onDelete', 'groups', 1],
  ['spec', 'crds', 'website', 'operatorBox', 'status', 'fields', 1],
  ['spec', 'crds', 'database', 'operatorBox', 'onReconcile', 'deployments', 0, 'env', 0, 'valueFrom', 'secretKeyRef'],
  ['spec', 'crds', 'cache', 'operatorBox', 'onCreate', 'deployments', 0, 'when', 0, 'time'],
];

for (const path of depths) {
  const pointer = path.map((p) => `/${p}`).join('');
  test(`an unknown key at "${pointer || '/'}" is rejected with that instancePath`, () => {
    const errors = katalogErrors(withUnknownKeyAt(path));
    const hit = errors.find((e) => e.keyword === 'additionalProperties' && (e.params as { additionalProperty: string }).additionalProperty === 'bogus');
    assert.ok(hit, `no additionalProperties error for bogus in ${JSON.stringify(errors)}`);
    assert.equal(hit.instancePath, pointer);
  });
}
