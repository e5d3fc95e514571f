import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Ajv } from 'ajv';
import { KatalogSchema, KATALOG_AJV_OPTIONS } from '../../../compiler/schema/index.ts';
import { DEFINITIONS } from '../../../compiler/schema/definitions.ts';
import { katalogValidator } from './validator.ts';

/** Every sub-schema of a JSON Schema tree, with its JSON pointer. */
function* walk(node: unknown, pointer: string): Generator<[Record<string, unknown>, string]> {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const [i, child] of node.entries()) yield* walk(child, `${pointer}/${i}`);
    return;
  }
  const schema = node as Record<string, unknown>;
  yield [schema, pointer];
  for (const [key, child] of Object.entries(schema)) yield* walk(child, `${pointer}/${key}`);
}

test('the Katalog schema compiles under new Ajv({ strict: true, allErrors: true })', () => {
  assert.doesNotThrow(() => new Ajv({ strict: true, allErrors: true }).compile(KatalogSchema));
});

test('the Katalog schema compiles with the recommended options (strictTypes included)', () => {
  assert.equal(typeof katalogValidator(), 'function');
  assert.doesNotThrow(() => new Ajv({ ...KATALOG_AJV_OPTIONS, strictTypes: true }).compile(KatalogSchema));
});

test('a key named constructor is read as data, not as Object.prototype.constructor', () => {
  const validate = katalogValidator();
  assert.equal(validate({ apiVersion: 'v', kind: 'Katalog', metadata: { name: 'x' }, spec: { crds: { a: { operatorBox: { reconciler: {} } } } } }), true, JSON.stringify(validate.errors));
});

test('every object schema is closed (additionalProperties: false), except custom: manifests', () => {
  const open: string[] = [];
  for (const [schema, pointer] of walk(JSON.parse(JSON.stringify(KatalogSchema)), '#')) {
    if (schema['type'] === 'object' && schema['additionalProperties'] !== false) open.push(pointer);
  }
  // Orkestra inlines unknown top-level keys of a custom: entry into the applied object.
  assert.deepEqual(open, ['#/definitions/CustomResource']);
});

test('every $ref points at a registered definition, and every definition is used', () => {
  const json = JSON.parse(JSON.stringify(KatalogSchema)) as Record<string, unknown>;
  const used = new Set<string>();
  for (const [schema] of walk(json, '#')) {
    const ref = schema['$ref'];
    if (typeof ref === 'string') {
      const name = ref.replace('#/definitions/', '');
      assert.ok(name in DEFINITIONS, `dangling ${ref}`);
      used.add(name);
    }
  }
  assert.deepEqual(Object.keys(DEFINITIONS).filter((n) => !used.has(n)), []);
});

test('every property carries a description (hover text)', () => {
  const missing: string[] = [];
  for (const [schema, pointer] of walk(JSON.parse(JSON.stringify(KatalogSchema)), '#')) {
    const props = schema['properties'];
    if (props === undefined || typeof props !== 'object') continue;
    for (const [key, sub] of Object.entries(props as Record<string, Record<string, unknown>>)) {
      if (typeof sub['description'] !== 'string' && typeof sub['$ref'] !== 'string') missing.push(`${pointer}/properties/${key}`);
    }
  }
  assert.deepEqual(missing, []);
});
