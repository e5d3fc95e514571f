import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { katalogJsonSchemaText, KATALOG_AJV_OPTIONS } from '../../../compiler/schema/index.ts';
import { fixture } from './validator.ts';

const file = new URL('../../../docs/katalog.schema.json', import.meta.url);

test('docs/katalog.schema.json is up to date (run npm run schema)', () => {
  assert.equal(readFileSync(file, 'utf8'), katalogJsonSchemaText());
});

test('regenerating the JSON Schema is deterministic', () => {
  assert.equal(katalogJsonSchemaText(), katalogJsonSchemaText());
});

test('the written JSON Schema validates the fixtures on its own (as editors use it)', () => {
  const validate = new Ajv(KATALOG_AJV_OPTIONS).compile(JSON.parse(readFileSync(file, 'utf8')) as object);
  assert.equal(validate(fixture('classic.yaml')), true, JSON.stringify(validate.errors));
  assert.equal(validate({ apiVersion: 'v', kind: 'Katalog', metadata: { name: 'x' }, bogus: 1 }), false);
});
