/**
 * One configured ajv for every schema ork validates user input against: the Katalog schema's
 * options (strict schemas, all errors collected so every unknown key is reported, own
 * properties only, shared definitions kept as references) plus verbose errors, so unknown-key
 * messages can list the allowed keys.
 *
 * Compiling the Katalog schema costs ~1–4 s, every CLI run. So the compiled validator is kept
 * as ajv "standalone" code in the user's cache (`$XDG_CACHE_HOME/ork/validators/`, keyed by a
 * hash of the schema, ajv's version and the options) and loaded from there (~0.2 s) by later
 * runs. The cache is only a speed-up: a missing, unwritable or unreadable cache means compiling.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { KATALOG_AJV_OPTIONS } from '../schema/ajv-options.ts';

const OPTIONS = { ...KATALOG_AJV_OPTIONS, verbose: true } as const;
const ajv = new Ajv(OPTIONS);
const cache = new WeakMap<object, ValidateFunction>();
const require = createRequire(import.meta.url);
const AJV_VERSION = (require('ajv/package.json') as { version: string }).version;

/** Validates `value` against `schema`; returns ajv's errors (empty when valid). */
export function validateAgainst(schema: object, value: unknown): ErrorObject[] {
  let fn = cache.get(schema);
  if (!fn) {
    fn = ajv.compile(schema);
    cache.set(schema, fn);
  }
  return fn(value) ? [] : [...(fn.errors ?? [])];
}

/** Like validateAgainst, for big schemas: the compiled code is cached on disk between runs. */
export function validateAgainstCached(name: string, schema: object, value: unknown): ErrorObject[] {
  let fn = cache.get(schema);
  if (!fn) {
    fn = loadOrCompile(name, schema);
    cache.set(schema, fn);
  }
  return fn(value) ? [] : [...(fn.errors ?? [])];
}

function cacheDir(): string {
  const base = process.env['XDG_CACHE_HOME'] || path.join(os.homedir(), '.cache');
  return path.join(base, 'ork', 'validators');
}

function loadOrCompile(name: string, schema: object): ValidateFunction {
  const key = createHash('sha256').update(JSON.stringify(schema)).update(AJV_VERSION).update(JSON.stringify(OPTIONS)).digest('hex').slice(0, 24);
  const file = path.join(cacheDir(), `${name}-${key}.cjs`);
  try {
    return require(file) as ValidateFunction;
  } catch {
    // not cached yet (or unreadable): compile below
  }
  const standalone = new Ajv({ ...OPTIONS, code: { source: true } });
  const fn = standalone.compile(schema);
  try {
    const code = (standaloneCode as unknown as (a: Ajv, v: ValidateFunction) => string)(standalone, fn);
    mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, code);
    renameSync(tmp, file);
    readFileSync(file); // written and readable
  } catch {
    // an unwritable cache only costs speed
  }
  return fn;
}
