/** `ork schema`: the JSON Schema of the Katalog (the loader's own), for editors (yaml-language-server). */
import type { Command } from 'commander';
import { katalogJsonSchemaText } from '../../schema/json-schema.ts';
import { writeOutput } from '../write-output.ts';

/** Registers `ork schema`. */
export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print the Katalog JSON Schema (add `# yaml-language-server: $schema=<file>` to a Katalog)')
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .addHelpText('after', '\nExamples:\n  ork schema -o katalog.schema.json\n  ork schema | head')
    .action((opts: { output?: string }) => writeOutput(katalogJsonSchemaText(), opts.output));
}
