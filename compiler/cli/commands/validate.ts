/**
 * `ork validate [katalog]`: runs the validation boundary. Exit 0 valid, 1 invalid, 2 usage.
 * `--output json` for machines; `--full` also prints the RBAC rules the Katalog implies.
 */
import type { Command } from 'commander';
import { Option } from 'commander';
import { validateKatalog } from '../../validate.ts';
import { hasErrors } from '../../diagnostics/diagnostic.ts';
import { diagnosticsJson, printDiagnostics } from '../output.ts';
import { katalogPath, withKatalogArg } from '../katalog-arg.ts';
import { EXIT_INVALID, EXIT_OK } from '../exit.ts';
import { deriveRbac } from '../../rbac/derive.ts';
import { formatRbacTable } from '../../rbac/format.ts';

interface ValidateOptions {
  file?: string;
  output: 'text' | 'json';
  full?: boolean;
}

/** Registers `ork validate`. */
export function registerValidate(program: Command): void {
  withKatalogArg(program.command('validate'))
    .description('check a Katalog: strict YAML, unknown keys, every validation step, templates')
    .addOption(new Option('-o, --output <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--full', 'also print the RBAC rules the operator will need')
    .addHelpText('after', '\nExamples:\n  ork validate examples/web-app/katalog.yaml\n  ork validate -f katalog.yaml --full\n  ork validate katalog.yaml --output json\n\nExit codes: 0 valid, 1 invalid, 2 usage error.')
    .action((positional: string | undefined, opts: ValidateOptions) => {
      const file = katalogPath(positional, opts);
      const v = validateKatalog(file);
      const invalid = hasErrors(v.diagnostics);
      const rbac = v.model && opts.full ? deriveRbac(v.model) : undefined;
      if (opts.output === 'json') {
        const out = {
          file,
          valid: !invalid,
          checks: v.checksRan,
          diagnostics: diagnosticsJson(v.diagnostics),
          ...(v.model ? { crds: v.model.crds.map((c) => ({ name: c.name, enabled: c.enabled, group: c.api?.group, version: c.api?.version, kind: c.api?.kind, plural: c.api?.plural })) } : {}),
          ...(rbac ? { rbac } : {}),
        };
        process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      } else {
        printDiagnostics(v.diagnostics, v.sources);
        if (v.model) {
          const enabled = v.model.crds.filter((c) => c.enabled);
          process.stdout.write(`${file}: valid — Katalog \`${v.model.name}\`, ${enabled.length} CRD${enabled.length === 1 ? '' : 's'} (${enabled.map((c) => `${c.name}: ${c.api?.kind}.${c.api?.group || 'core'}/${c.api?.version}`).join(', ')}); ${v.checksRan.length} checks passed\n`);
          if (rbac) process.stdout.write(`\n${formatRbacTable(rbac)}\n`);
        } else {
          const n = v.diagnostics.filter((d) => d.severity === 'error').length;
          process.stderr.write(`\n${file}: invalid (${n} error${n === 1 ? '' : 's'})\n`);
        }
      }
      process.exitCode = invalid ? EXIT_INVALID : EXIT_OK;
    });
}
