/**
 * One configured ajv for every schema ork validates user input against: the Katalog schema's
 * options (strict schemas, all errors collected so every unknown key is reported, own
 * properties only, shared definitions kept as references: faster to compile) plus verbose
 * errors, so unknown-key messages can list the allowed keys. Compiled validators are cached
 * per schema object.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { KATALOG_AJV_OPTIONS } from '../schema/ajv-options.ts';

const ajv = new Ajv({ ...KATALOG_AJV_OPTIONS, verbose: true });
const cache = new WeakMap<object, ValidateFunction>();

/** Validates `value` against `schema`; returns ajv's errors (empty when valid). */
export function validateAgainst(schema: object, value: unknown): ErrorObject[] {
  let fn = cache.get(schema);
  if (!fn) {
    fn = ajv.compile(schema);
    cache.set(schema, fn);
  }
  return fn(value) ? [] : [...(fn.errors ?? [])];
}
