import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixture, katalogErrors, describeErrors } from './validator.ts';

for (const name of ['classic.yaml', 'newest.yaml', 'gateway-and-refused.yaml']) {
  test(`the realistic ${name} Katalog validates`, () => {
    const errors = katalogErrors(fixture(name));
    assert.deepEqual(errors, [], describeErrors(errors));
  });
}

test('a Katalog without apiVersion, kind or metadata is rejected', () => {
  const errors = katalogErrors({ spec: {} });
  const missing = errors.filter((e) => e.keyword === 'required').map((e) => (e.params as { missingProperty: string }).missingProperty);
  assert.deepEqual(missing.sort(), ['apiVersion', 'kind', 'metadata']);
});
