/**
 * `ork simulate <katalog> --cr <file>`: an offline reconcile preview. The generated operator
 * (its own spec and reconciler, bundled as for the image) runs cycle by cycle against an
 * in-memory cluster holding the CR; printed are the ops of each cycle, the children, the
 * status, the order of creation and of deletion, and the RBAC used (compiler/simulate/).
 */
import type { Command } from 'commander';
import { Option } from 'commander';
import { stringify } from 'yaml';
import { katalogPath, withKatalogArg } from '../katalog-arg.ts';
import { CliError, EXIT_INVALID, EXIT_OK, EXIT_USAGE } from '../exit.ts';
import { printDiagnostics, progress, useColor } from '../output.ts';
import { crdForCr, readCrs } from '../render-cr.ts';
import { displayPath } from '../write-output.ts';
import { validateKatalog } from '../../validate.ts';
import type { KatalogModel } from '../../model/katalog-model.ts';
import { resolveFromKatalog } from '../../load/crd-file.ts';
import { generate } from '../../generate.ts';
import { deriveRbac } from '../../rbac/derive.ts';
import { loadOperatorSpec } from '../../simulate/load-operator.ts';
import { simulate, type SimulationReport } from '../../simulate/run-simulation.ts';
import { formatSimulationText } from '../../simulate/format-text.ts';

interface SimulateOptions {
  file?: string;
  cr?: string;
  crd?: string;
  cycles: string;
  output: 'text' | 'json' | 'yaml';
}

/** Registers `ork simulate`. */
export function registerSimulate(program: Command): void {
  withKatalogArg(program.command('simulate'))
    .description('offline reconcile preview of one CR: ops per cycle, children, status, creation and deletion order, RBAC used')
    .option('--cr <file>', 'the CR to reconcile (YAML; in a stream, the first of the --crd\'s kind; default: the first crFiles entry of the CRD)')
    .option('-c, --crd <name>', 'the Katalog CRD entry (default: the one serving the CR\'s apiVersion and kind)')
    .option('--cycles <n>', 'reconcile cycles at most, per phase', '10')
    .addOption(new Option('-o, --output <format>', 'output format').choices(['text', 'json', 'yaml']).default('text'))
    .addHelpText(
      'after',
      '\nExamples:\n  ork simulate examples/web-app/katalog.yaml\n  ork simulate -f examples/tenant-cleanup/katalog.yaml --cr examples/tenant-cleanup/cr.yaml --cycles 5\n  ork simulate examples/platform/katalog.yaml --cr examples/platform/cr.yaml --crd app\n  ork simulate examples/app-config/katalog.yaml --cr examples/app-config/cr.yaml --output json\n\nNo cluster is used: the generated reconciler and the operator\'s harness run against an in-memory\ncluster; Deployments are reported Available after the cycle that wrote them.\n\nExit codes: 0 steady state reached and the CR deleted cleanly, 1 the Katalog is invalid, the\nreconcile fails or never settles, 2 usage error (no CR, unreadable CR, CR of no CRD, unknown --crd).',
    )
    .action(async (positional: string | undefined, opts: SimulateOptions) => {
      const cycles = cycleCount(opts.cycles);
      const file = katalogPath(positional, opts);
      const v = validateKatalog(file);
      if (!v.model) {
        printDiagnostics(v.diagnostics, v.sources);
        throw new CliError(`${file} is invalid; nothing to simulate`, EXIT_INVALID, `run \`ork validate ${file}\``);
      }
      const crFile = opts.cr ?? sampleCr(v.model, file, opts.crd);
      const crs = readCrs(crFile, EXIT_USAGE);
      // A stream of CRs (kubectl style): with --crd, the first of that CRD's kind; else the first.
      const named = opts.crd !== undefined ? v.model.crds.find((c) => c.name === opts.crd && c.enabled)?.api : undefined;
      const cr = crs.find((c) => named !== undefined && c.kind === named.kind && c.apiVersion === `${named.group ? `${named.group}/` : ''}${named.version}`) ?? crs[0]!;
      const crd = crdForCr(v.model, cr, opts.crd, EXIT_USAGE);
      const api = crd.api!;
      const apiVersion = `${api.group ? `${api.group}/` : ''}${api.version}`;
      if (cr.apiVersion !== apiVersion || cr.kind !== api.kind) {
        throw new CliError(`${crFile} is a ${cr.apiVersion} ${cr.kind}, but CRD \`${crd.name}\` serves ${apiVersion} ${api.kind}`, EXIT_USAGE, 'pass a CR of that kind, or drop --crd to pick the CRD from the CR');
      }
      if (typeof cr.metadata?.name !== 'string' || cr.metadata.name === '') throw new CliError(`${crFile} has no metadata.name`, EXIT_USAGE, 'give the CR a name');
      progress('generating and bundling the operator…');
      const g = generate(file, '.ork/simulate');
      if (!g.files) throw new CliError(`${file} is invalid`, EXIT_INVALID);
      const report = await simulate({ operator: await loadOperatorSpec(g.files), crd: crd.name, cr, cycles, rbac: deriveRbac(v.model) });
      if (opts.output === 'json') process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      else if (opts.output === 'yaml') process.stdout.write(stringify(report, { lineWidth: 0 }));
      else process.stdout.write(formatSimulationText(report, { color: useColor(process.stdout), katalog: displayPath(file) }));
      process.exitCode = healthy(report) ? EXIT_OK : EXIT_INVALID;
    });
}

/** Steady, no failing reconcile, CR gone after deletion, no verb outside the derived RBAC. */
function healthy(r: SimulationReport): boolean {
  return r.reconcile.settledAt !== undefined && r.reconcile.cycles.at(-1)?.outcome !== 'error' && r.deletion.settledAt !== undefined && r.rbac.missing.length === 0;
}

/** Without --cr: the first `crFiles` entry of the named CRD, else of the first enabled CRD that lists one. */
function sampleCr(model: KatalogModel, katalogFile: string, crdName: string | undefined): string {
  const crd = model.crds.find((c) => c.enabled && (crdName === undefined || c.name === crdName) && (c.raw.crFiles ?? []).length > 0);
  const written = crd?.raw.crFiles?.[0];
  if (!crd || written === undefined) {
    throw new CliError('no CR to simulate', EXIT_USAGE, `pass --cr <file>, or list a sample CR under crFiles of ${crdName !== undefined ? `CRD \`${crdName}\`` : 'a CRD'} in ${katalogFile}`);
  }
  const file = resolveFromKatalog(katalogFile, written);
  process.stderr.write(`ork: simulating ${file} (crFiles of CRD \`${crd.name}\`)\n`);
  return file;
}

function cycleCount(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 1000) throw new CliError(`--cycles ${JSON.stringify(value)} is not a cycle count (1–1000)`, EXIT_USAGE);
  return n;
}
