import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labelKeyProblem, labelValueProblem } from '../../../compiler/check/label-key.ts';

test('valid label keys', () => {
  for (const k of ['app', 'app.kubernetes.io/name', 'example.com/tier', 'a', 'A_b-c.d', 'x'.repeat(63), `${'a'.repeat(253)}/n`]) {
    assert.equal(labelKeyProblem(k), undefined, k);
  }
});

test('invalid label keys say why', () => {
  const cases: Array<[string, RegExp]> = [
    ['', /empty/], ['a/b/c', /at most one/], ['/name', /prefix.*empty/], ['Example.com/x', /DNS subdomain/],
    ['example.com/', /name part must not be empty/], ['-app', /start and end/], ['app-', /start and end/],
    ['x'.repeat(64), /63/], [`${'a'.repeat(254)}/n`, /253/], ['has space', /start and end|letters/], ['{{ .x }}', /start and end|letters/],
  ];
  for (const [k, re] of cases) assert.match(labelKeyProblem(k) ?? 'valid', re, k);
});

test('label values', () => {
  for (const v of ['', 'prod', 'v1.2.3', 'a_b-c', 'x'.repeat(63)]) assert.equal(labelValueProblem(v), undefined, v);
  for (const v of ['-x', 'x-', 'a b', 'x'.repeat(64), 'a/b']) assert.notEqual(labelValueProblem(v), undefined, v);
});
