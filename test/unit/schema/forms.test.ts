import { test } from 'node:test';
import assert from 'node:assert/strict';
import { katalogErrors, withCrd, withBox, describeErrors } from './validator.ts';

const valid = (doc: unknown) => {
  const errors = katalogErrors(doc);
  assert.deepEqual(errors, [], describeErrors(errors));
};
const invalid = (doc: unknown) => assert.notDeepEqual(katalogErrors(doc), []);

const deployment = (extra: Record<string, unknown>) => withBox({ onCreate: { deployments: [{ image: 'nginx', ...extra }] } });

test('dependsOn accepts its three forms', () => {
  valid(withCrd({ dependsOn: ['database', 'cache'] }));
  valid(withCrd({ dependsOn: { database: 'healthy' } }));
  valid(withCrd({ dependsOn: { database: { condition: 'healthy' } } }));
  valid(withCrd({ dependsOn: { database: {} } }));
});

test('dependsOn rejects other shapes', () => {
  invalid(withCrd({ dependsOn: 'database' }));
  invalid(withCrd({ dependsOn: { database: { condition: 'healthy', extra: 1 } } }));
  invalid(withCrd({ dependsOn: { database: ['healthy'] } }));
  invalid(withCrd({ dependsOn: [{ name: 'database' }] }));
});

test('replicas and port accept strings, numbers and templates (Go strings)', () => {
  valid(deployment({ replicas: '3', port: '8080' }));
  valid(deployment({ replicas: 3, port: 8080 }));
  valid(deployment({ replicas: '{{ .spec.replicas }}' }));
  invalid(deployment({ replicas: [3] }));
  invalid(deployment({ replicas: { count: 3 } }));
});

test('strict ints stay ints: workers must be an integer', () => {
  valid(withBox({ reconciler: { workers: 3 } }));
  invalid(withBox({ reconciler: { workers: '3' } }));
  invalid(withBox({ reconciler: { workers: 2.5 } }));
});

test('strict bools stay bools: reconcile must be a boolean', () => {
  valid(deployment({ reconcile: true }));
  invalid(deployment({ reconcile: 'true' }));
});

test('retryBackoff accepts the shorthand and the full object', () => {
  valid(withBox({ reconciler: { queue: { retryBackoff: '5s' } } }));
  valid(withBox({ reconciler: { queue: { retryBackoff: { initial: '1s', max: '30s', multiplier: 1.5, maxAttempts: 4 } } } }));
  invalid(withBox({ reconciler: { queue: { retryBackoff: 5 } } }));
  invalid(withBox({ reconciler: { queue: { retryBackoff: { initial: '1s', jitter: true } } } }));
});

test('env must be a list: a map is rejected', () => {
  valid(deployment({ env: [{ name: 'A', value: 'x' }, { name: 'B', value: 1 }] }));
  const errors = katalogErrors(deployment({ env: { A: { value: 'x' } } }));
  assert.ok(errors.some((e) => e.instancePath.endsWith('/deployments/0/env') && e.keyword === 'type'), describeErrors(errors));
});

test('condition shorthands take Go-string values; exists/notExists take booleans', () => {
  valid(deployment({ when: [{ field: 'spec.a', equals: true }, { field: 'spec.b', greaterThan: 5 }, { field: 'spec.c', exists: true }] }));
  invalid(deployment({ when: [{ field: 'spec.c', exists: 'yes' }] }));
  invalid(deployment({ when: { field: 'spec.a', equals: 'x' } }));
});

test('both spellings of the reconciler block are known', () => {
  valid(withBox({ reconciler: { workers: 2 } }));
  valid(withBox({ reconcile: { workers: 2, onCreate: { services: [{ port: 80 }] } } }));
  invalid(withBox({ reconciler: { onCreate: {} } }));
});

test('status lives under status (classic) or emit.status (newest)', () => {
  valid(withBox({ status: { conditions: false, fields: [{ path: 'phase', value: 'Ready' }] } }));
  valid(withBox({ emit: { status: { fields: [{ path: 'phase', value: 'Ready', type: 'string' }] } } }));
  invalid(withBox({ emit: { other: {} } }));
});

test('placeholder lists accept only empty entries', () => {
  valid(withBox({ onCreate: { daemonSets: [{}] } }));
  invalid(withBox({ onCreate: { daemonSets: [{ name: 'x' }] } }));
});

test('renamed keys stay known so a check can name the new key', () => {
  valid(deployment({ anyOf: [{ field: 'spec.a', equals: 'x' }] }));
  valid(withBox({ reconciler: { hooks: { location: 'x', function: 'F', resources: [{ kind: 'Pod' }] } } }));
});

test('enrich accepts names and {name: {when/or}}; setup accepts a file list', () => {
  valid(withCrd({ enrich: ['pods', { events: { when: [{ field: 'spec.debug', equals: true }] } }], setup: ['./ns.yaml'] }));
  invalid(withCrd({ enrich: [{ events: { unless: [] } }] }));
  invalid(withCrd({ enrich: 'pods' }));
});

test('Komposer files and registry sources accept a string or an object', () => {
  const komposer = (imports: unknown) => ({ apiVersion: 'v', kind: 'Komposer', metadata: { name: 'k' }, imports });
  valid(komposer({ files: ['./a.yaml', { url: 'https://x/k.yaml', auth: { type: 'bearer', fromEnv: 'T' } }], registry: ['oci://r/p@v1', { url: 'r/p', oci: true }] }));
  invalid(komposer({ files: [{ path: './a.yaml' }] }));
});

test('gateway.clusters takes include plus clusters by name', () => {
  const gw = (clusters: unknown) => ({ apiVersion: 'v', kind: 'Katalog', metadata: { name: 'k' }, gateway: { clusters } });
  valid(gw({ include: './c.yaml', prod: { endpoint: 'https://p', secretRef: { name: 's', key: 'k' } } }));
  invalid(gw({ include: { endpoint: 'x' } }));
  invalid(gw({ prod: { endpoint: 'https://p', extra: 1 } }));
});

test('notes are a functions list; profiles are lists of named presets', () => {
  const doc = (extra: Record<string, unknown>) => ({ apiVersion: 'v', kind: 'Katalog', metadata: { name: 'k' }, ...extra });
  valid(doc({ notes: { functions: [{ name: 'isProd', expression: '{{ eq .spec.env "prod" }}' }] } }));
  invalid(doc({ notes: { isProd: { expression: 'x' } } }));
  valid(doc({ profiles: { probes: [{ name: 'quick', periodSeconds: 5 }] } }));
  invalid(doc({ profiles: { probes: { quick: { periodSeconds: 5 } } } }));
});
