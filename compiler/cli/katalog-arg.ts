/**
 * The Katalog a command works on, named the same way for every command: a positional
 * argument, or `-f/--file` as in Orkestra's CLI, else `katalog.yaml` in the working directory.
 */
import type { Command } from 'commander';
import { CliError, EXIT_USAGE } from './exit.ts';

/** Adds `[katalog]` and `-f, --file <path>` to a command. */
export function withKatalogArg(cmd: Command): Command {
  return cmd.argument('[katalog]', 'the Katalog file (default: katalog.yaml)').option('-f, --file <path>', 'the Katalog file (Orkestra spelling)');
}

/** The Katalog path from the positional argument or --file; both at once is a usage error. */
export function katalogPath(positional: string | undefined, opts: { file?: string }): string {
  if (positional && opts.file && positional !== opts.file) {
    throw new CliError(`two Katalogs named: \`${positional}\` and --file \`${opts.file}\``, EXIT_USAGE, 'name one Katalog');
  }
  return positional ?? opts.file ?? 'katalog.yaml';
}
