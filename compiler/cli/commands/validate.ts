import type { Command } from 'commander';
/** Registers `ork validate` (placeholder until the loader lands). */
export function registerValidate(program: Command): void {
  program.command('validate').description('Validate a Katalog').option('-f, --file <path>', 'the Katalog', 'katalog.yaml');
}
