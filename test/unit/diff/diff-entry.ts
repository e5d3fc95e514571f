/**
 * A stand-in for bin/ork with only `ork diff` registered, so the command's output and exit
 * codes are tested before compiler/cli/main.ts registers it. It maps errors to exit codes as
 * main.ts does (CommanderError → 2, CliError → its code, anything else → "internal error", 1).
 */
import { Command, CommanderError } from 'commander';
import { registerDiff } from '../../../compiler/cli/commands/diff.ts';
import { CliError, EXIT_INVALID, EXIT_USAGE } from '../../../compiler/cli/exit.ts';

const program = new Command('ork').exitOverride();
registerDiff(program);
try {
  await program.parseAsync(process.argv.slice(2), { from: 'user' });
  process.exitCode = typeof process.exitCode === 'number' ? process.exitCode : 0;
} catch (err) {
  if (err instanceof CommanderError) process.exitCode = err.code === 'commander.helpDisplayed' ? 0 : EXIT_USAGE;
  else if (err instanceof CliError) {
    process.stderr.write(`ork: ${err.message}\n${err.hint ? `hint: ${err.hint}\n` : ''}`);
    process.exitCode = err.exitCode;
  } else {
    process.stderr.write(`ork: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = EXIT_INVALID;
  }
}
