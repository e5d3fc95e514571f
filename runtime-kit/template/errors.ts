/**
 * Execution errors of compiled templates. Go's text/template aborts execution with an error
 * (a path through a missing map, `index` out of range, `lt` on incompatible types …); a
 * compiled template throws a `TemplateError` carrying where the template came from, and the
 * reconciler turns it into a Degraded condition.
 */

/** Where a template (or one action inside it) was written: file, 1-based line and column. */
export interface TemplateOrigin {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** The source text of the failing action or command, as Go quotes it in `at <…>`. */
  readonly expr?: string;
}

/** An execution error of a template, with Go's wording and the template's origin. */
export class TemplateError extends Error {
  /** Position of the failing action inside the Katalog. */
  readonly origin: TemplateOrigin | undefined;
  /** Go's part of the message, without the `executing … at <…>:` prefix. */
  readonly reason: string;

  constructor(reason: string, origin?: TemplateOrigin) {
    const where = origin ? `${origin.file}:${origin.line}:${origin.column}: ` : '';
    const at = origin?.expr !== undefined ? `at <${origin.expr}>: ` : '';
    super(`${where}executing template ${at}${reason}`);
    this.name = 'TemplateError';
    this.origin = origin;
    this.reason = reason;
  }
}

/** Throws a `TemplateError`; typed `never` so it can end expressions. */
export function fail(reason: string, origin?: TemplateOrigin): never {
  throw new TemplateError(reason, origin);
}

/**
 * Marks an error raised inside a helper that does not know its origin; `withOrigin` attaches
 * the origin of the call site, leaving errors that already carry one unchanged.
 */
export function withOrigin(err: unknown, origin: TemplateOrigin | undefined): unknown {
  if (err instanceof TemplateError && err.origin === undefined && origin !== undefined) {
    return new TemplateError(err.reason, origin);
  }
  return err;
}
