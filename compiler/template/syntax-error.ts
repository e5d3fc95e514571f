/** A syntax error found while lexing or parsing a template, at an offset of its source. */
export class TemplateSyntaxError extends Error {
  /** Offset into the template source. */
  readonly offset: number;
  /** How to fix it, when there is something to say. */
  readonly hint: string | undefined;
  /** The diagnostic code (see docs/templates.md). */
  readonly code: string;

  constructor(message: string, offset: number, hint?: string, code = 'ORK101') {
    super(message);
    this.name = 'TemplateSyntaxError';
    this.offset = offset;
    this.hint = hint;
    this.code = code;
  }
}
