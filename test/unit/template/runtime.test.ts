import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as rt from '../../../runtime-kit/template/index.ts';
import { TEMPLATE_FUNCTIONS } from '../../../compiler/template/functions.ts';

test('every function-table implementation is a function exported by runtime-kit/template', () => {
  const exports = rt as unknown as Record<string, unknown>;
  for (const f of TEMPLATE_FUNCTIONS) {
    assert.match(f.impl, /^[A-Za-z][A-Za-z0-9]*$/, f.name);
    assert.equal(typeof exports[f.impl], 'function', `${f.name} → rt.${f.impl}`);
  }
});

test('the runtime kit exports no `then` (its module namespace must not be a thenable)', () => {
  assert.equal('then' in rt, false);
});

test('parseJson keeps int64 exact, makes other numbers floats, and keeps __proto__ as data', () => {
  const v = rt.parseJson('{"a":9223372036854775807,"b":1.0,"c":1e2,"d":-0,"e":18446744073709551616,"__proto__":{"x":1}}') as rt.GoMap;
  assert.equal(v.a, 9223372036854775807n);
  assert.equal(v.b, 1);
  assert.equal(typeof v.b, 'number');
  assert.equal(v.c, 100);
  assert.equal(v.d, 0n);
  assert.equal(v.e, 18446744073709551616);
  assert.ok(Object.prototype.hasOwnProperty.call(v, '__proto__'));
  assert.equal(Object.getPrototypeOf(v), null);
  assert.equal(({} as Record<string, unknown>).x, undefined);
  assert.throws(() => rt.parseJson('{"a":}'), rt.TemplateError);
});

test('marshalJson encodes like Go encoding/json', () => {
  const v = rt.parseJson('{"b":[1,2.5,1e-7,1e21,null],"a":"<&>\\u2028","c":true}');
  assert.equal(rt.marshalJson(v), '{"a":"\\u003c\\u0026\\u003e\\u2028","b":[1,2.5,1e-7,1e+21,null],"c":true}');
});

test('%v of floats, maps and lists follows Go', () => {
  assert.equal(rt.formatV(1e-6), '1e-06');
  assert.equal(rt.formatV(123456), '123456');
  assert.equal(rt.formatV(1e6), '1e+06');
  assert.equal(rt.formatV(12345678901234567890), '1.2345678901234567e+19');
  assert.equal(rt.formatV(rt.parseJson('{"b":[1,null],"a":{}}')), 'map[a:map[] b:[1 <nil>]]');
  assert.equal(rt.show(null), '<no value>');
});

test('finish trims Go white space, then removes <no value>', () => {
  assert.equal(rt.finish('\u00a0 <no value>x<no value> \u3000'), 'x');
  assert.equal(rt.finish(' <no value> a'), ' a');
  assert.equal(rt.goTrimSpace('\ufeffx'), '\ufeffx');
});

test('TemplateError carries the origin in its message and fields', () => {
  const e = new rt.TemplateError('boom', { file: 'k.yaml', line: 3, column: 7, expr: '.spec.x' });
  assert.equal(e.message, 'k.yaml:3:7: executing template at <.spec.x>: boom');
  assert.equal(e.reason, 'boom');
  assert.deepEqual(e.origin, { file: 'k.yaml', line: 3, column: 7, expr: '.spec.x' });
});

test('sentinel reads computed values and never the prototype chain', () => {
  assert.equal(rt.sentinel({ sentinels: { ready: 'true' } }, 'ready'), 'true');
  assert.equal(rt.sentinel({ sentinels: { ready: 'true' } }, 'toString'), '');
  assert.equal(rt.sentinel(undefined, 'ready'), '');
});

test('castStatusValue converts rendered text like Orkestra (Go strconv rules)', () => {
  assert.equal(rt.castStatusValue('42', 'int'), 42n);
  assert.equal(rt.castStatusValue('9223372036854775807', 'integer'), 9223372036854775807n);
  assert.throws(() => rt.castStatusValue('9223372036854775808', 'int'), /value out of range/);
  assert.throws(() => rt.castStatusValue(' 4', 'int'), /expected int, got " 4": strconv.ParseInt: parsing " 4": invalid syntax/);
  assert.equal(rt.castStatusValue('2.5', 'float'), 2.5);
  assert.equal(rt.castStatusValue('1e3', 'float'), 1000);
  assert.equal(rt.castStatusValue('T', 'bool'), true);
  assert.throws(() => rt.castStatusValue('yes', 'boolean'), /ParseBool/);
  assert.equal(rt.castStatusValue('7', 'auto'), 7n);
  assert.equal(rt.castStatusValue('7.5', 'auto'), 7.5);
  assert.equal(rt.castStatusValue('false', 'auto'), false);
  assert.equal(rt.castStatusValue('Running', 'auto'), 'Running');
  assert.equal(rt.castStatusValue('x', ''), 'x');
  assert.throws(() => rt.castStatusValue('x', 'date'), /unknown status field type/);
});

test('base64 and UTF-8 helpers behave like Go without platform APIs', () => {
  assert.equal(rt.noteB64Enc(undefined, 'héllo 😀'), 'aMOpbGxvIPCfmIA=');
  assert.equal(rt.noteFromBase64(undefined, 'aMOpbGxvIPCfmIA='), 'héllo 😀');
  assert.equal(rt.noteFromBase64(undefined, 'YQ'), '');
  assert.equal(rt.noteB64Dec(undefined, 'YQ'), 'illegal base64 data at input byte 0');
  assert.equal(rt.noteB64Dec(undefined, 'YQ=\n='), 'a');
  assert.equal(rt.noteB64Dec(undefined, 'YQ==x'), 'illegal base64 data at input byte 4');
  assert.equal(rt.len(undefined, 'é😀'), 6n);
  assert.equal(rt.slice(undefined, 'é😀', 0n, 2n), 'é');
  assert.equal(rt.slice(undefined, 'é😀', 0n, 1n), '\ufffd');
});
