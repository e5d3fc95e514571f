import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixture, katalogErrors } from './validator.ts';

/** Adds `bogus: 1` at `path` inside a fresh copy of a fixture. */
function withUnknownKeyAt(path: (string | number)[], file = 'classic.yaml'): unknown {
  const doc = fixture(file);
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

const gatewayDepths: (string | number)[][] = [
  ['gateway', 'api', 'auth', 'tokens', 0],
  ['gateway', 'clusters', 'prod'],
  ['security', 'deletionProtection'],
  ['imports', 'files', 1],
  ['spec', 'crds', 'app', 'serve', 'fields', 'image'],
  ['spec', 'crds', 'app', 'operatorBox', 'reconciler', 'constructor'],
  ['spec', 'crds', 'app', 'operatorBox', 'onReconcile', 'git'],
  ['spec', 'crds', 'app', 'operatorBox', 'rollback', 'trigger'],
  ['spec', 'crds', 'pipeline', 'operatorBox', 'reconcile'],
];

const cases: [(string | number)[], string][] = [
  ...depths.map((p): [(string | number)[], string] => [p, 'classic.yaml']),
  [['notification', 'teams', 'sre'], 'classic.yaml'],
  [['profiles', 'resources', 0], 'classic.yaml'],
  [['notes', 'functions', 0], 'classic.yaml'],
  [['spec', 'crds', 'tenant', 'operatorBox', 'onCreate', 'custom', 0, 'metadata'], 'classic.yaml'],
  [['spec', 'crds', 'tenant', 'operatorBox', 'observe', 'watch', 0, 'keyFrom'], 'classic.yaml'],
  [['spec', 'crds', 'tenant', 'validation', 'rules', 0], 'classic.yaml'],
  [['spec', 'crds', 'worker', 'operatorBox', 'emit', 'status'], 'newest.yaml'],
  [['spec', 'crds', 'worker', 'admission', 'mutation', 'rules', 0], 'newest.yaml'],
  ...gatewayDepths.map((p): [(string | number)[], string] => [p, 'gateway-and-refused.yaml']),
];

for (const [path, file] of cases) {
  const pointer = path.map((p) => `/${p}`).join('');
  test(`an unknown key at "${pointer || '/'}" (${file}) is rejected with that instancePath`, () => {
    const errors = katalogErrors(withUnknownKeyAt(path, file));
    const hit = errors.find((e) => e.keyword === 'additionalProperties' && (e.params as { additionalProperty: string }).additionalProperty === 'bogus');
    assert.ok(hit, `no additionalProperties error for bogus in ${JSON.stringify(errors)}`);
    assert.equal(hit.instancePath, pointer);
  });
}

test('a custom: manifest keeps extra top-level keys (Orkestra inlines them into the object)', () => {
  const errors = katalogErrors(withUnknownKeyAt(['spec', 'crds', 'tenant', 'operatorBox', 'onCreate', 'custom', 0]));
  assert.deepEqual(errors, []);
});
