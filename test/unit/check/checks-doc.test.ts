import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { renderChecksDoc } from '../../../scripts/checks-doc.ts';
import { CHECKS } from '../../../compiler/check/registry.ts';
import { LOAD_CODES } from '../../../compiler/load/load-codes.ts';

test('docs/checks.md is generated from the registry (run `npm run docs:checks` to refresh)', () => {
  assert.equal(readFileSync('docs/checks.md', 'utf8'), renderChecksDoc());
});

test('every code is unique and well-formed', () => {
  const codes = [...LOAD_CODES, ...CHECKS].map((c) => c.code);
  assert.equal(new Set(codes).size, codes.length);
  for (const c of codes) assert.match(c, /^ORK0\d{2}$/);
});
