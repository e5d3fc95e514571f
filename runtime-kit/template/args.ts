/**
 * Argument checks for functions with typed Go parameters. Go's template engine converts each
 * argument to the parameter type before the call and fails with "wrong type for value" when it
 * cannot; these helpers do the same for the typed parameters of the function table.
 */
import { fail, type TemplateOrigin } from './errors.ts';
import { type GoValue, goTypeName, isNil, isStringSlice, markStringSlice } from './values.ts';

function wrong(expected: string, v: GoValue, at: TemplateOrigin | undefined): never {
  return fail(`wrong type for value; expected ${expected}; got ${goTypeName(v)}`, at);
}

/** A `string` parameter. */
export function argString(at: TemplateOrigin | undefined, v: GoValue): string {
  return typeof v === 'string' ? v : wrong('string', v, at);
}

/** An `int` parameter. ork accepts every Go integer here (Go would refuse int64 for int). */
export function argInt(at: TemplateOrigin | undefined, v: GoValue): bigint {
  return typeof v === 'bigint' ? v : wrong('int', v, at);
}

/** A `bool` parameter. */
export function argBool(at: TemplateOrigin | undefined, v: GoValue): boolean {
  return typeof v === 'boolean' ? v : wrong('bool', v, at);
}

/** A `[]string` parameter. */
export function argStringSlice(at: TemplateOrigin | undefined, v: GoValue): readonly string[] {
  return isStringSlice(v) ? v : wrong('[]string', v, at);
}

/**
 * The value piped into a typed parameter (`.x | toLower`). Go unwraps each command's result
 * before passing it on, so a nil there is an invalid value: "invalid value; expected string".
 */
export function finalArg(at: TemplateOrigin | undefined, v: GoValue, expected: string): GoValue {
  if (!isNil(v)) return v;
  // Go converts an invalid value to a nil slice for slice parameters.
  return expected === '[]string' ? markStringSlice([]) : fail(`invalid value; expected ${expected}`, at);
}
