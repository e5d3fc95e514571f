/**
 * `ork explain [katalog]`: a human summary of what the operator will do — CRDs, children,
 * dependency graph (text and Mermaid), RBAC, endpoints, leader election, notifications —
 * or the same as data with `--output json|yaml` (compiler/explain/).
 */
import type { Command } from 'commander';
import { Option } from 'commander';
import { stringify } from 'yaml';
import { katalogPath, withKatalogArg } from '../katalog-arg.ts';
import { CliError, EXIT_INVALID } from '../exit.ts';
import { printDiagnostics } from '../output.ts';
import { validateKatalog } from '../../validate.ts';
import { loadKatalog } from '../../load/load-katalog.ts';
import { explainKatalog } from '../../explain/explain-model.ts';
import { formatExplanationText } from '../../explain/format-text.ts';

interface ExplainOptions {
  file?: string;
  output: 'text' | 'json' | 'yaml';
  mermaid?: boolean;
}

/** Registers `ork explain`. */
export function registerExplain(program: Command): void {
  withKatalogArg(program.command('explain'))
    .description('summarise what the operator will do: CRDs, children, dependency graph, RBAC, endpoints')
    .addOption(new Option('-o, --output <format>', 'output format').choices(['text', 'json', 'yaml']).default('text'))
    .option('--mermaid', 'print only the dependency graph as a Mermaid block')
    .addHelpText('after', '\nExamples:\n  ork explain examples/platform/katalog.yaml\n  ork explain -f katalog.yaml --output json\n  ork explain examples/tenant-cleanup/katalog.yaml --mermaid > graph.md\n\nExit codes: 0 explained, 1 the Katalog is invalid, 2 usage error.')
    .action((positional: string | undefined, opts: ExplainOptions) => {
      const file = katalogPath(positional, opts);
      const v = validateKatalog(file);
      const doc = v.model ? loadKatalog(file).katalog?.doc : undefined;
      if (!v.model || !doc) {
        printDiagnostics(v.diagnostics, v.sources);
        throw new CliError(`${file} is invalid; nothing to explain`, EXIT_INVALID, `run \`ork validate ${file}\``);
      }
      const e = explainKatalog(v.model, doc);
      if (opts.mermaid) process.stdout.write(`\`\`\`mermaid\n${e.mermaid}\n\`\`\`\n`);
      else if (opts.output === 'json') process.stdout.write(`${JSON.stringify(e, null, 2)}\n`);
      else if (opts.output === 'yaml') process.stdout.write(stringify(e, { lineWidth: 0 }));
      else process.stdout.write(formatExplanationText(e));
    });
}
