/** Test helper: the Katalog schema compiled once per test process, plus fixture loading. */
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { KatalogSchema, KATALOG_AJV_OPTIONS } from '../../../compiler/schema/index.ts';

let compiled: ValidateFunction | undefined;

/** The strict validator the loader uses (KATALOG_AJV_OPTIONS: strict, allErrors, ownProperties ...). */
export function katalogValidator(): ValidateFunction {
  compiled ??= new Ajv(KATALOG_AJV_OPTIONS).compile(KatalogSchema);
  return compiled;
}

/** Errors of `doc` against the Katalog schema ([] when valid). */
export function katalogErrors(doc: unknown): ErrorObject[] {
  const validate = katalogValidator();
  return validate(doc) ? [] : [...(validate.errors ?? [])];
}

/** A fixture Katalog parsed from test/unit/schema/fixtures. */
export function fixture(name: string): Record<string, unknown> {
  return parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;
}

/** A minimal valid Katalog with one CRD whose entry is `crd`. */
export function withCrd(crd: Record<string, unknown>): Record<string, unknown> {
  return {
    apiVersion: 'orkestra.orkspace.io/v1',
    kind: 'Katalog',
    metadata: { name: 'test' },
    spec: { crds: { app: { apiTypes: { group: 'example.io', version: 'v1', kind: 'App', plural: 'apps' }, ...crd } } },
  };
}

/** A minimal valid Katalog whose only CRD has this operatorBox. */
export function withBox(operatorBox: Record<string, unknown>): Record<string, unknown> {
  return withCrd({ operatorBox });
}

/** Short text of errors for assertion messages. */
export function describeErrors(errors: ErrorObject[]): string {
  return errors.map((e) => `${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`).join('\n');
}
