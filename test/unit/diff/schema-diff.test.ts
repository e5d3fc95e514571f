/** The schema walker of `ork diff`: each breaking rule, and the widening changes that are not breaking. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffSchemas } from '../../../compiler/diff/schema-diff.ts';
import type { SchemaChange } from '../../../compiler/diff/report.ts';

/** A root schema with `spec` holding `props` (and `required`). */
function spec(props: Record<string, unknown>, required?: string[]): unknown {
  return { type: 'object', properties: { spec: { type: 'object', ...(required ? { required } : {}), properties: props } } };
}

function only(changes: SchemaChange[]): SchemaChange {
  assert.equal(changes.length, 1, JSON.stringify(changes, null, 2));
  return changes[0]!;
}

test('identical schemas: no change; descriptions are ignored', () => {
  assert.deepEqual(diffSchemas(spec({ a: { type: 'string', description: 'x' } }), spec({ a: { type: 'string', description: 'y' } })), []);
});

test('removed field: breaking', () => {
  const c = only(diffSchemas(spec({ a: { type: 'string' }, b: { type: 'integer' } }), spec({ a: { type: 'string' } })));
  assert.deepEqual([c.path, c.change, c.breaking], ['spec.b', 'field-removed', true]);
});

test('added optional field: not breaking; added required field: breaking', () => {
  const opt = only(diffSchemas(spec({}), spec({ a: { type: 'string' } })));
  assert.deepEqual([opt.path, opt.change, opt.breaking], ['spec.a', 'field-added', false]);
  const req = only(diffSchemas(spec({}), spec({ a: { type: 'string' } }, ['a'])));
  assert.deepEqual([req.change, req.breaking], ['field-added', true]);
  assert.match(req.detail, /required/);
});

test('existing field made required: breaking; no longer required: not', () => {
  const add = only(diffSchemas(spec({ a: { type: 'string' } }), spec({ a: { type: 'string' } }, ['a'])));
  assert.deepEqual([add.path, add.change, add.breaking], ['spec.a', 'required-added', true]);
  const rm = only(diffSchemas(spec({ a: { type: 'string' } }, ['a']), spec({ a: { type: 'string' } })));
  assert.deepEqual([rm.change, rm.breaking], ['required-removed', false]);
});

test('types: narrowed and changed are breaking, widened is not', () => {
  const narrowed = only(diffSchemas(spec({ a: { type: 'number' } }), spec({ a: { type: 'integer' } })));
  assert.deepEqual([narrowed.change, narrowed.breaking], ['type-changed', true]);
  assert.match(narrowed.detail, /number → integer \(narrowed\)/);
  const widened = only(diffSchemas(spec({ a: { type: 'integer' } }), spec({ a: { type: 'number' } })));
  assert.equal(widened.breaking, false);
  const intOrString = only(diffSchemas(spec({ a: { 'x-kubernetes-int-or-string': true } }), spec({ a: { type: 'integer' } })));
  assert.equal(intOrString.breaking, true);
  assert.match(intOrString.detail, /integer\|string → integer \(narrowed\)/);
  const changed = only(diffSchemas(spec({ a: { type: 'string' } }), spec({ a: { type: 'boolean' } })));
  assert.equal(changed.breaking, true);
  const untypedToTyped = only(diffSchemas(spec({ a: {} }), spec({ a: { type: 'string' } })));
  assert.equal(untypedToTyped.breaking, true);
});

test('enum: removed values or a new enum narrow (breaking); added values or a dropped enum widen', () => {
  const e = (vs?: string[]): unknown => spec({ a: { type: 'string', ...(vs ? { enum: vs } : {}) } });
  const narrowed = only(diffSchemas(e(['x', 'y']), e(['x'])));
  assert.deepEqual([narrowed.change, narrowed.breaking], ['enum-changed', true]);
  assert.match(narrowed.detail, /removed "y"/);
  assert.equal(only(diffSchemas(e(['x']), e(['x', 'y']))).breaking, false);
  assert.equal(only(diffSchemas(e(), e(['x']))).breaking, true);
  assert.equal(only(diffSchemas(e(['x']), e())).breaking, false);
  assert.deepEqual(diffSchemas(e(['x', 'y']), e(['y', 'x'])), [], 'order does not matter');
});

test('bounds: raised minimums and lowered maximums (or new ones) are tightened, the reverse loosened', () => {
  const n = (b: Record<string, unknown>): unknown => spec({ a: { type: 'integer', ...b } });
  const cases: Array<[Record<string, unknown>, Record<string, unknown>, boolean]> = [
    [{ maximum: 10 }, { maximum: 5 }, true],
    [{ maximum: 5 }, { maximum: 10 }, false],
    [{}, { maximum: 5 }, true],
    [{ maximum: 5 }, {}, false],
    [{ minimum: 0 }, { minimum: 1 }, true],
    [{ minimum: 1 }, { minimum: 0 }, false],
    [{}, { minLength: 1 }, true],
    [{ maxItems: 3 }, { maxItems: 2 }, true],
    [{ minProperties: 2 }, { minProperties: 1 }, false],
    [{ minimum: 0 }, { minimum: 0, exclusiveMinimum: true }, true],
  ];
  for (const [x, y, breaking] of cases) {
    const c = only(diffSchemas(n(x), n(y)));
    assert.equal(c.change, 'bound-changed');
    assert.equal(c.breaking, breaking, `${JSON.stringify(x)} → ${JSON.stringify(y)}: ${c.detail}`);
    assert.match(c.detail, breaking ? /tightened/ : /loosened/);
  }
});

test('pattern/format added or changed, validation rule added, nullable or unknown-field preservation lost: breaking', () => {
  const s = (b: Record<string, unknown>): unknown => spec({ a: { type: 'string', ...b } });
  assert.equal(only(diffSchemas(s({}), s({ pattern: '^a' }))).breaking, true);
  assert.equal(only(diffSchemas(s({ pattern: '^a' }), s({}))).breaking, false);
  assert.equal(only(diffSchemas(s({}), s({ format: 'date-time' }))).breaking, true);
  assert.equal(only(diffSchemas(s({}), s({ 'x-kubernetes-validations': [{ rule: 'self != ""' }] }))).breaking, true);
  assert.equal(only(diffSchemas(s({ 'x-kubernetes-validations': [{ rule: 'self != ""' }] }), s({}))).breaking, false);
  assert.equal(only(diffSchemas(s({ nullable: true }), s({}))).breaking, true);
  assert.equal(only(diffSchemas(s({}), s({ nullable: true }))).breaking, false);
  const o = (b: Record<string, unknown>): unknown => spec({ a: { type: 'object', ...b } });
  assert.equal(only(diffSchemas(o({ 'x-kubernetes-preserve-unknown-fields': true }), o({}))).breaking, true);
  assert.equal(only(diffSchemas(o({}), o({ oneOf: [{ required: ['x'] }] }))).breaking, true, 'combinators are not analysed: conservative');
  const d = only(diffSchemas(s({ default: 'a' }), s({ default: 'b' })));
  assert.deepEqual([d.change, d.breaking], ['default-changed', false]);
});

test('arrays and maps are walked: items[] and {} paths', () => {
  const arr = (item: unknown): unknown => spec({ ports: { type: 'array', items: item } });
  const c = only(diffSchemas(arr({ type: 'object', properties: { name: { type: 'string' }, port: { type: 'integer' } } }), arr({ type: 'object', properties: { port: { type: 'integer' } } })));
  assert.deepEqual([c.path, c.change, c.breaking], ['spec.ports[].name', 'field-removed', true]);
  const map = (v: unknown): unknown => spec({ labels: { type: 'object', ...(v ? { additionalProperties: v } : {}) } });
  const t = only(diffSchemas(map({ type: 'string' }), map({ type: 'string', maxLength: 63 })));
  assert.deepEqual([t.path, t.breaking], ['spec.labels{}', true]);
  const gone = only(diffSchemas(map({ type: 'string' }), map(undefined)));
  assert.deepEqual([gone.path, gone.change, gone.breaking], ['spec.labels{}', 'field-removed', true]);
});

test('changes are listed in path order and nested fields of a removed object are not repeated', () => {
  const a = spec({ z: { type: 'string' }, b: { type: 'object', properties: { c: { type: 'string' } } } });
  const b = spec({ a: { type: 'string' } });
  assert.deepEqual(diffSchemas(a, b).map((c) => `${c.change} ${c.path}`), ['field-added spec.a', 'field-removed spec.b', 'field-removed spec.z']);
});
