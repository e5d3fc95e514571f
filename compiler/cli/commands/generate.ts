/**
 * `ork generate crd` and `ork generate bundle --for runtime` (Orkestra's flags): the CRD
 * manifests and the runtime bundle (Namespace, ServiceAccount, least-privilege RBAC,
 * ConfigMap, Deployment) of a Katalog, to stdout or `-o <file>`.
 */
import type { Command } from 'commander';
import { katalogPath, withKatalogArg } from '../katalog-arg.ts';
import { CliError, EXIT_INVALID, EXIT_USAGE } from '../exit.ts';
import { printDiagnostics } from '../output.ts';
import { displayPath, writeOutput } from '../write-output.ts';
import { validateKatalog } from '../../validate.ts';
import type { KatalogModel } from '../../model/katalog-model.ts';
import { crdManifests, isSchemaless } from '../../emit/manifests/crds.ts';
import { runtimeBundle } from '../../emit/manifests/bundle.ts';
import { defaultImage } from '../../emit/manifests/labels.ts';
import { yamlStream } from '../../emit/manifests/yaml-stream.ts';
import { generate } from '../../generate.ts';
import { staleFiles, writeTree } from '../write-tree.ts';
import path from 'node:path';

function generateProjectCommand(file: string, opts: { output?: string; check?: boolean }): void {
  const rel = path.isAbsolute(file) && !path.relative(process.cwd(), file).startsWith('..') ? path.relative(process.cwd(), file) : file;
  const g = generate(rel, opts.output ?? ((name) => `${name}-operator`));
  printDiagnostics(g.diagnostics.filter((d) => d.severity !== 'note'), g.sources);
  if (!g.files || !g.outDir) throw new CliError(`${file} is invalid; nothing generated`, EXIT_INVALID, `fix the errors above (\`ork validate ${file}\`)`);
  const out = g.outDir;
  if (opts.check) {
    const stale = staleFiles(out, g.files);
    if (stale.length > 0) throw new CliError(`${out} is stale: ${stale.join(', ')}`, EXIT_INVALID, `regenerate with \`ork generate ${rel} -o ${out}\``);
    process.stdout.write(`${out}: up to date (${g.files.size} files)\n`);
    return;
  }
  writeTree(out, g.files);
  process.stdout.write(`${out}: ${g.files.size} files generated from ${rel}\n`);
}

const FOR_VALUES = ['runtime', 'run'] as const;
const ORKESTRA_ONLY = ['gateway', 'gw', 'cc', 'controlcenter', 'control-center'];

/** Validates the Katalog or throws a CliError after printing its diagnostics. */
export function requireValidModel(file: string): KatalogModel {
  const v = validateKatalog(file);
  printDiagnostics(v.diagnostics.filter((d) => d.severity !== 'note'), v.sources);
  if (!v.model) throw new CliError(`${file} is invalid; nothing generated`, EXIT_INVALID, `fix the errors above (\`ork validate ${file}\`)`);
  return v.model;
}

/** Registers `ork generate` and its subcommands. */
export function registerGenerate(program: Command): void {
  const generate = withKatalogArg(program.command('generate').enablePositionalOptions())
    .description('generate the typed operator project of a Katalog (or its manifests: crd, bundle)')
    .option('-o, --output <dir>', 'the project folder (default: <katalog name>-operator)')
    .option('--check', 'compare with the folder instead of writing; exit 1 when it is stale')
    .addHelpText('after', '\nExamples:\n  ork generate examples/web-app/katalog.yaml -o generated/web-app\n  ork generate crd -f katalog.yaml\n  ork generate bundle --for runtime -f katalog.yaml -o bundle.yaml')
    .action((positional: string | undefined, opts: { file?: string; output?: string; check?: boolean }) => generateProjectCommand(katalogPath(positional, opts), opts));
  withKatalogArg(generate.command('crd'))
    .description('the CustomResourceDefinitions of the Katalog\'s CRD entries')
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .addHelpText('after', '\nExamples:\n  ork generate crd examples/web-app/katalog.yaml\n  ork generate crd -f katalog.yaml -o crds.yaml')
    .action((positional: string | undefined, opts: { file?: string; output?: string }) => {
      const file = katalogPath(positional, opts);
      const model = requireValidModel(file);
      for (const c of model.crds.filter((x) => x.enabled && isSchemaless(x))) {
        process.stderr.write(`warning: CRD \`${c.name}\` has no crdFile: its CRD preserves unknown fields and its template paths are not checked\n`);
      }
      writeOutput(yamlStream(displayPath(file), crdManifests(model)), opts.output);
    });
  withKatalogArg(generate.command('bundle'))
    .description('Namespace, ServiceAccount, least-privilege RBAC, ConfigMap and Deployment of the operator')
    .option('--for <process>', 'which process the bundle is for (ork compiles the runtime only)', 'runtime')
    .option('-n, --namespace <ns>', 'operator namespace (default: the Katalog\'s metadata.namespace, else $ORK_NAMESPACE)')
    .option('--image <ref>', 'operator image (default: localhost/ork/<katalog>-operator:<version>)')
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .addHelpText('after', '\nExamples:\n  ork generate bundle --for runtime -f katalog.yaml -o bundle.yaml\n  ork generate bundle examples/web-app/katalog.yaml --image registry.example/web-app-operator:0.1.0')
    .action((positional: string | undefined, opts: { file?: string; for: string; namespace?: string; image?: string; output?: string }) => {
      const targets = opts.for.split(',').map((s) => s.trim().toLowerCase());
      const unknown = targets.filter((t) => !(FOR_VALUES as readonly string[]).includes(t));
      if (unknown.length > 0) {
        const gatewayish = unknown.filter((t) => ORKESTRA_ONLY.includes(t));
        throw new CliError(
          gatewayish.length > 0 ? `--for ${gatewayish.join(',')}: ork compiles the runtime only; the Gateway and Control Center are other products` : `--for ${unknown.join(',')} is not a process ork knows`,
          EXIT_USAGE,
          'use --for runtime',
        );
      }
      const file = katalogPath(positional, opts);
      const model = requireValidModel(file);
      const namespace = opts.namespace ?? (model.raw.metadata?.namespace ? model.namespace : process.env['ORK_NAMESPACE'] ?? model.namespace);
      writeOutput(yamlStream(displayPath(file), runtimeBundle(model, { namespace, image: opts.image ?? defaultImage(model) })), opts.output);
    });
}
