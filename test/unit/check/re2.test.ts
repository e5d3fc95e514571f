import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkRe2 } from '../../../compiler/check/re2.ts';

const compile = (p: string): RegExp => {
  const r = checkRe2(p);
  assert.ok(r.ok, `${p}: ${r.ok ? '' : r.reason}`);
  return new RegExp(r.source, r.flags);
};

test('RE2 patterns compile and match as Go would', () => {
  assert.ok(compile('^prod-[0-9]+$').test('prod-12'));
  assert.ok(compile('(?i)^PROD$').test('prod'));
  assert.ok(compile('(?P<env>dev|prod)').test('prod'));
  assert.ok(compile('\\Aabc\\z').test('abc'));
  assert.ok(!compile('\\Aabc\\z').test('xabc'));
  assert.ok(compile('^[[:alpha:]]+$').test('abc'));
  assert.ok(compile('^[[:digit:]_]+$').test('1_2'));
  assert.ok(compile('\\Qa.b\\E').test('a.b'));
  assert.ok(!compile('^\\Qa.b\\E$').test('axb'));
  assert.ok(compile('^\\pL+$').test('héllo'));
  assert.ok(compile('a\\-b').test('a-b'));
  assert.ok(compile('(?i:ab)c').test('ABc'));
});

test('constructs RE2 lacks are refused with a reason', () => {
  const cases: Array<[string, RegExp]> = [
    ['foo(?=bar)', /lookahead/], ['foo(?!bar)', /lookahead/], ['(?<=a)b', /lookbehind/], ['(?<!a)b', /lookbehind/],
    ['(a)\\1', /backreference/], ['(?<n>a)\\k<n>', /named backreference/], ['(?>a)', /atomic/], ['a++', /possessive/],
    ['(?U)a+', /flag/], ['a(?i)b', /only supported at the start/],
  ];
  for (const [p, re] of cases) {
    const r = checkRe2(p);
    assert.ok(!r.ok, p);
    assert.match(r.reason, re, p);
  }
});

test('syntax errors are reported', () => {
  for (const p of ['(abc', '[a-', '*a', 'a{2,1}', '[z-a]']) assert.equal(checkRe2(p).ok, false, p);
});
