/**
 * The glue generated code calls: an output buffer with Orkestra's final trimming, `printf`
 * family wrappers, lazy `and`/`or`, user notes and sentinels.
 */
import { argString } from './args.ts';
import { truth } from './compare.ts';
import { type TemplateOrigin, TemplateError, withOrigin } from './errors.ts';
import { finish } from './format.ts';
import { show, sprint, sprintf, sprintln } from './printf.ts';
import { type GoValue, isMap, mapGetOwn } from './values.ts';

/** Values the runtime supplies beside the data: computed sentinel values for gate contexts. */
export interface RenderContext {
  readonly sentinels?: Readonly<Record<string, string>>;
}

/** The output buffer of one template execution. */
export class Out {
  private buf = '';
  /** Appends literal template text. */
  text(s: string): void {
    this.buf += s;
  }
  /** Appends the value of an action, as Go prints it (nil → `<no value>`). */
  value(v: GoValue): void {
    this.buf += show(v);
  }
  /** The raw output so far (user notes keep partial output on errors, like Orkestra). */
  raw(): string {
    return this.buf;
  }
  /** The final result: trimmed, `<no value>` removed. */
  done(): string {
    return finish(this.buf);
  }
}

/** `printf FORMAT ARGS…`. */
export function printf(at: TemplateOrigin | undefined, format: GoValue, ...args: GoValue[]): string {
  return sprintf(argString(at, format), args);
}

/** `print ARGS…`. */
export function print(_at: TemplateOrigin | undefined, ...args: GoValue[]): string {
  return sprint(args);
}

/** `println ARGS…`. */
export function println(_at: TemplateOrigin | undefined, ...args: GoValue[]): string {
  return sprintln(args);
}

/** `and A B…`: the first falsy operand, or the last; operands are evaluated lazily. */
export function and(...thunks: Array<() => GoValue>): GoValue {
  let v: GoValue = null;
  for (const t of thunks) {
    v = t();
    if (!truth(v)) return v;
  }
  return v;
}

/** `or A B…`: the first truthy operand, or the last; operands are evaluated lazily. */
export function or(...thunks: Array<() => GoValue>): GoValue {
  let v: GoValue = null;
  for (const t of thunks) {
    v = t();
    if (truth(v)) return v;
  }
  return v;
}

/**
 * Runs a user note's body the way Orkestra does: execution errors keep the partial output,
 * the result is trimmed with `<no value>` removed, and "true"/"false" become booleans.
 */
export function runNote(body: (out: Out) => void): GoValue {
  const out = new Out();
  try {
    body(out);
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
  }
  const s = out.done();
  return s === 'true' ? true : s === 'false' ? false : s;
}

/** A sentinel's computed value ("" when the runtime has none). */
export function sentinel(ctx: RenderContext | undefined, name: string): string {
  const values = ctx?.sentinels;
  if (values === undefined || !isMap(values)) return '';
  const v = mapGetOwn(values, name);
  return typeof v === 'string' ? v : '';
}

/** Re-throws an error with the origin of the action that raised it. */
export function rethrow(err: unknown, at: TemplateOrigin | undefined): never {
  throw withOrigin(err, at);
}

/** `not`, with the call-site argument every table function takes. */
export function notOp(_at: TemplateOrigin | undefined, v: GoValue): boolean {
  return !truth(v);
}

/** One pipeline stage: the previous value is computed first, then the command that gets it. */
export function pipeStage(prev: GoValue, command: (final: GoValue) => GoValue): GoValue {
  return command(prev);
}
