/**
 * The `ork` command line. This file only assembles the commands (one module each under
 * `commands/`) and turns failures into an exit code; the CLI layer is the only place in
 * the compiler that prints or exits.
 */
import { Command, CommanderError } from 'commander';
import { CliError, EXIT_INVALID, EXIT_USAGE } from './exit.ts';
import { ORK_VERSION } from '../version.ts';
import { registerValidate } from './commands/validate.ts';
import { registerTemplate } from './commands/template.ts';
import { registerGenerate } from './commands/generate.ts';
import { registerNotes } from './commands/notes.ts';
import { registerSchema } from './commands/schema.ts';
import { registerInit } from './commands/init.ts';
import { registerBuild } from './commands/build.ts';
import { registerDiff } from './commands/diff.ts';
import { registerPlane } from './commands/plane.ts';
import { registerUp } from './commands/up.ts';
import { registerRun } from './commands/run.ts';
import { registerSimulate } from './commands/simulate.ts';
import { registerExplain } from './commands/explain.ts';

/** Builds the program with every command registered. Exported for the CLI reference generator. */
export function buildProgram(): Command {
  const program = new Command('ork')
    .description('Compile an Orkestra Katalog into a typed TypeScript Kubernetes operator')
    .version(ORK_VERSION, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .enablePositionalOptions()
    .exitOverride();
  registerValidate(program);
  registerTemplate(program);
  registerGenerate(program);
  registerNotes(program);
  registerSchema(program);
  registerInit(program);
  registerBuild(program);
  registerDiff(program);
  registerPlane(program);
  registerUp(program);
  registerRun(program);
  registerSimulate(program);
  registerExplain(program);
  return program;
}

async function main(argv: readonly string[]): Promise<number> {
  // A closed pipe (`ork schema | head`) ends output quietly, not with a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
  });
  const program = buildProgram();
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      return EXIT_USAGE;
    }
    if (err instanceof CliError) {
      process.stderr.write(`ork: ${err.message}\n${err.hint ? `hint: ${err.hint}\n` : ''}`);
      return err.exitCode;
    }
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`ork: internal error: ${message}\n(this is a bug in ork; set ORK_DEBUG=1 for a stack trace)\n`);
    if (process.env['ORK_DEBUG'] && err instanceof Error) process.stderr.write(`${err.stack ?? ''}\n`);
    return EXIT_INVALID;
  }
}

// Run only as the entry point: scripts/write-cli-doc.ts imports buildProgram without parsing.
if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
