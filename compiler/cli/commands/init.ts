/**
 * `ork init [dir]`: a starter Katalog, its CRD and a sample CR, valid out of the box, plus
 * the Katalog JSON Schema for editors. Refuses to overwrite files without `--force`; writes
 * nothing when any file would be refused.
 */
import type { Command } from 'commander';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CliError, EXIT_INVALID, EXIT_USAGE } from '../exit.ts';
import { katalogJsonSchemaText } from '../../schema/json-schema.ts';
import { pascalCase } from '../../emit/code/identifiers.ts';
import { guessPlural } from '../../rbac/derive.ts';

const TEMPLATES = path.join(import.meta.dirname, '..', '..', '..', 'templates', 'init');
const NAME = /^[a-z]([-a-z0-9]{0,40}[a-z0-9])?$/;
const GROUP = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)+$/;

interface InitOptions {
  name?: string;
  kind?: string;
  group: string;
  force?: boolean;
}

/** Registers `ork init`. */
export function registerInit(program: Command): void {
  program
    .command('init [dir]')
    .description('write a starter Katalog, its CRD, a sample CR and the Katalog schema')
    .option('--name <name>', 'Katalog name (default: the folder name)')
    .option('--kind <Kind>', 'CRD kind (default: WebApp)')
    .option('--group <group>', 'API group of the CRD', 'example.com')
    .option('--force', 'overwrite existing files')
    .addHelpText('after', '\nExamples:\n  ork init my-operator\n  ork init . --name shop --kind Store --group shop.example.com')
    .action((dir: string | undefined, opts: InitOptions) => {
      const target = path.resolve(dir ?? '.');
      const name = opts.name ?? path.basename(target).toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
      if (!NAME.test(name)) throw new CliError(`\`${name}\` is not a usable Katalog name`, EXIT_USAGE, 'pass --name with lowercase letters, digits and dashes (at most 42)');
      const kind = pascalCase(opts.kind ?? 'WebApp');
      if (!GROUP.test(opts.group)) throw new CliError(`\`${opts.group}\` is not an API group`, EXIT_USAGE, 'use a lowercase DNS name such as example.com');
      const vars: Record<string, string> = { __NAME__: name, __KIND__: kind, __CRD__: kind.toLowerCase(), __PLURAL__: guessPlural(kind), __GROUP__: opts.group };
      const files = new Map<string, string>([
        ['katalog.yaml', fill('katalog.yaml', vars)],
        ['crd.yaml', fill('crd.yaml', vars)],
        ['cr.yaml', fill('cr.yaml', vars)],
        ['katalog.schema.json', katalogJsonSchemaText()],
      ]);
      const existing = [...files.keys()].filter((f) => existsSync(path.join(target, f)));
      if (existing.length > 0 && !opts.force) {
        throw new CliError(`${existing.join(', ')} already exist${existing.length === 1 ? 's' : ''} in ${dir ?? '.'}; nothing written`, EXIT_INVALID, 'pass --force to overwrite, or choose another folder');
      }
      mkdirSync(target, { recursive: true });
      for (const [f, text] of files) writeFileSync(path.join(target, f), text);
      const shown = dir ?? '.';
      process.stdout.write(`wrote ${[...files.keys()].map((f) => path.join(shown, f)).join(', ')}\n\nnext:\n  ork validate ${path.join(shown, 'katalog.yaml')}\n  ork up ${path.join(shown, 'katalog.yaml')}\n`);
    });
}

function fill(file: string, vars: Readonly<Record<string, string>>): string {
  return readFileSync(path.join(TEMPLATES, file), 'utf8').replace(/__[A-Z]+__/g, (m) => vars[m] ?? m);
}
