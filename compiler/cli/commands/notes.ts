/**
 * `ork notes` / `ork notes search <keyword>`: the template functions ork supports (name,
 * signature, description, example), printed from the template compiler's own function table,
 * so the list cannot drift from what compiles.
 */
import type { Command } from 'commander';
import { Option } from 'commander';
import { TEMPLATE_FUNCTIONS, type TemplateFunction } from '../../template/functions.ts';

function signature(f: TemplateFunction): string {
  const params = [...f.params, ...(f.variadic ? [`...${f.variadic}`] : [])];
  return `${f.name} ${params.join(' ')}`.trim() + ` → ${f.returns}`;
}

function print(list: readonly TemplateFunction[], output: string): void {
  if (output === 'json') {
    process.stdout.write(`${JSON.stringify(list.map((f) => ({ name: f.name, origin: f.origin, signature: signature(f), description: f.description, example: f.example })), null, 2)}\n`);
    return;
  }
  for (const f of list) process.stdout.write(`${signature(f)}  [${f.origin}]\n    ${f.description}\n    e.g. ${f.example}\n`);
  process.stdout.write(`\n${list.length} function${list.length === 1 ? '' : 's'}\n`);
}

/** Registers `ork notes`. */
export function registerNotes(program: Command): void {
  const notes = program
    .command('notes')
    .description('list the template functions ork supports')
    .addOption(new Option('-o, --output <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText('after', '\nExamples:\n  ork notes\n  ork notes --output json\n  ork notes search trim')
    .action((opts: { output: string }) => print(TEMPLATE_FUNCTIONS, opts.output));
  notes
    .command('search <keyword>')
    .description('functions whose name or description mentions the keyword')
    .addOption(new Option('-o, --output <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText('after', '\nExamples:\n  ork notes search quote\n  ork notes search base64 --output json')
    .action((keyword: string, opts: { output: string }) => {
      const k = keyword.toLowerCase();
      print(TEMPLATE_FUNCTIONS.filter((f) => f.name.toLowerCase().includes(k) || f.description.toLowerCase().includes(k)), opts.output);
    });
}
