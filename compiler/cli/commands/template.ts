/**
 * `ork template [katalog]` (Orkestra's meaning): print the fully expanded Katalog as YAML
 * (default) or JSON, one CRD entry with `--crd`, or the dependency graph with `--graph`.
 */
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { katalogPath, withKatalogArg } from '../katalog-arg.ts';
import { CliError, EXIT_INVALID, EXIT_USAGE } from '../exit.ts';
import { printDiagnostics } from '../output.ts';
import { validateKatalog } from '../../validate.ts';
import { expandCrd, expandKatalog } from '../../expand/expanded-katalog.ts';
import { renderGraph } from '../../expand/graph-text.ts';
import { didYouMean } from '../../diagnostics/suggest.ts';

interface TemplateOptions {
  file?: string;
  yaml?: boolean;
  json?: boolean;
  graph?: boolean;
  crd?: string;
  cr?: string;
}

/** Registers `ork template`. */
export function registerTemplate(program: Command): void {
  withKatalogArg(program.command('template'))
    .description('print the fully expanded Katalog (YAML by default), one CRD entry, or the dependency graph')
    .option('-y, --yaml', 'YAML output (default)')
    .option('-j, --json', 'JSON output')
    .option('-g, --graph', 'the dependency graph and start order')
    .option('-c, --crd <name>', 'only this CRD entry')
    .option('--cr <file>', 'render the templates of the CR\'s CRD against this CR: the child manifests the operator would apply')
    .addHelpText('after', '\nExamples:\n  ork template examples/platform/katalog.yaml --graph\n  ork template -f katalog.yaml --crd webapp --json\n  ork template examples/web-app/katalog.yaml --cr examples/web-app/cr.yaml')
    .action(async (positional: string | undefined, opts: TemplateOptions) => {
      if (opts.json && opts.yaml) throw new CliError('--json and --yaml are exclusive', EXIT_USAGE, 'choose one output format');
      const file = katalogPath(positional, opts);
      const v = validateKatalog(file);
      if (!v.model) {
        printDiagnostics(v.diagnostics, v.sources);
        throw new CliError(`${file} is invalid; nothing to expand`, EXIT_INVALID, `run \`ork validate ${file}\``);
      }
      if (opts.cr !== undefined) {
        const { renderCr } = await import('../render-cr.ts');
        await renderCr(file, v.model, opts.cr, { ...(opts.crd !== undefined ? { crd: opts.crd } : {}), json: opts.json === true });
        return;
      }
      if (opts.graph) {
        process.stdout.write(`${renderGraph(v.model)}\n`);
        return;
      }
      let doc: unknown = expandKatalog(v.model);
      if (opts.crd !== undefined) {
        const crd = v.model.crds.find((c) => c.name === opts.crd && c.enabled);
        if (!crd) {
          const names = v.model.crds.filter((c) => c.enabled).map((c) => c.name);
          throw new CliError(`no enabled CRD \`${opts.crd}\` in ${file}`, EXIT_INVALID, didYouMean(opts.crd, names) ?? `CRDs: ${names.join(', ')}`);
        }
        doc = { [crd.name]: expandCrd(crd) };
      }
      process.stdout.write(opts.json ? `${JSON.stringify(doc, null, 2)}\n` : `---\n${stringify(doc, { lineWidth: 0 })}`);
    });
}
