import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildConfigMap, buildCustomResource, buildDeployment, buildSecret, buildService, stampLabels,
} from '../../../../runtime-kit/children/index.ts';
import { OWNER, context } from './helpers.ts';

const hostile = (): Record<string, string> => JSON.parse('{"__proto__": "x", "constructor": "c", "toString": "t", "a": "b"}');

function assertNotPolluted(): void {
  const probe: Record<string, unknown> = {};
  assert.equal(probe['polluted'], undefined);
  assert.equal(probe['x'], undefined);
  assert.equal(typeof probe['toString'], 'function');
}

test('__proto__, constructor and toString label keys stay plain own data', () => {
  const d = buildDeployment({ image: 'i', labels: hostile(), annotations: hostile(), nodeSelector: hostile() }, context());
  for (const m of [d.metadata.labels, d.metadata.annotations, d.spec.template.metadata.labels, d.spec.template.spec.nodeSelector]) {
    assert.ok(m !== undefined);
    assert.equal(Object.getPrototypeOf(m), Object.prototype);
    assert.ok(Object.prototype.hasOwnProperty.call(m, '__proto__'));
    assert.equal(Object.getOwnPropertyDescriptor(m, '__proto__')?.value, 'x');
    assert.equal(Object.getOwnPropertyDescriptor(m, 'constructor')?.value, 'c');
  }
  assert.match(JSON.stringify(d.metadata.labels), /"__proto__":"x"/);
  assertNotPolluted();
});

test('hostile data keys in ConfigMaps, Secrets and Service selectors are data', () => {
  const cm = buildConfigMap({ data: JSON.parse('{"__proto__": {"polluted": "yes"}, "k": "v"}') }, context());
  assert.equal(Object.getPrototypeOf(cm.data), Object.prototype);
  assert.deepEqual(Object.keys(cm.data ?? {}), ['__proto__', 'k']);
  const secret = buildSecret({ data: hostile() }, context());
  assert.equal(Object.getOwnPropertyDescriptor(secret.stringData, '__proto__')?.value, 'x');
  const svc = buildService({ port: '80', selector: hostile() }, context());
  assert.equal(Object.getOwnPropertyDescriptor(svc.spec.selector, '__proto__')?.value, 'x');
  assert.equal(svc.spec.selector['orkestra-owner'], 'web');
  assertNotPolluted();
});

test('hostile keys nested in a custom object spec are copied as own data', () => {
  const input = JSON.parse('{"apiVersion": "x.io/v1", "kind": "K", "metadata": {"name": "n"}, "__proto__": {"polluted": true}, "spec": {"__proto__": {"polluted": true}, "list": [{"__proto__": {"polluted": true}}]}}');
  const out = buildCustomResource(input, context());
  const spec = out['spec'] as Record<string, unknown>;
  assert.equal(Object.getPrototypeOf(spec), Object.prototype);
  assert.deepEqual(Object.getOwnPropertyDescriptor(spec, '__proto__')?.value, { polluted: true });
  assert.ok(Object.prototype.hasOwnProperty.call(out, '__proto__'));
  assert.equal(Object.getPrototypeOf(out), Object.prototype);
  const item = (spec['list'] as Array<Record<string, unknown>>)[0];
  assert.ok(item !== undefined && Object.prototype.hasOwnProperty.call(item, '__proto__'));
  assertNotPolluted();
});

test('inherited keys are ignored: only own properties of maps and owner annotations are read', () => {
  const labels = Object.create({ inherited: 'x' }) as Record<string, string>;
  labels['own'] = 'y';
  assert.deepEqual(Object.keys(stampLabels(labels, OWNER)), ['orkestra-owner', 'orkestra.orkspace.io/managed', 'own']);
  const annotations = Object.create({ 'orkestra.orkspace.io/serve-target': 'evil' }) as Record<string, string>;
  assert.equal(stampLabels(undefined, { ...OWNER, annotations })['orkestra-owner'], 'web');
});

test('template-looking and unicode values pass through untouched', () => {
  const d = buildDeployment({ image: '{{ .spec.image }}', labels: { 'é': 'ü', z: '' }, env: [{ name: 'X', value: '"quoted" \n newline' }] }, context());
  assert.equal(d.spec.template.spec.containers[0]?.image, '{{ .spec.image }}');
  assert.equal(d.metadata.labels?.['é'], 'ü');
  assert.equal(d.metadata.labels?.['z'], '');
  assert.equal(d.spec.template.spec.containers[0]?.env?.[0]?.value, '"quoted" \n newline');
});
