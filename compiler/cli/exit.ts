/**
 * Exit codes shared by every command, documented in docs/cli.md:
 * 0 success, 1 the input is invalid (or the operation failed), 2 usage error.
 */
export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;

/** A failure the CLI reports as one message and an exit code, never as a stack trace. */
export class CliError extends Error {
  readonly exitCode: number;
  readonly hint: string | undefined;
  constructor(message: string, exitCode: number = EXIT_INVALID, hint?: string) {
    super(message);
    this.exitCode = exitCode;
    this.hint = hint;
  }
}
