/**
 * `ork up [katalog]`: the whole loop in one command — validate, generate and build the
 * operator; start (or reuse) the local control plane unless `--kubeconfig` names a cluster;
 * install the Katalog's CRDs and the operator's namespace; run the operator in the
 * foreground; apply the Katalog's sample CRs (`crFiles`) so its work shows at once. Ctrl-C
 * stops the operator (gracefully: in-flight reconciles finish, the Lease is released); the
 * plane keeps running until `ork plane stop`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { CliError, EXIT_INVALID } from '../exit.ts';
import { startLocalPlane, stderrLogger } from '../local-plane.ts';
import { katalogPath, withKatalogArg } from '../katalog-arg.ts';
import { buildOperator } from './build.ts';
import { runDevOperator } from '../dev-operator.ts';
import { validateKatalog } from '../../validate.ts';

interface UpOptions {
  file?: string;
  kubeconfig?: string;
  port?: string;
}

/** Registers `ork up`. */
export function registerUp(program: Command): void {
  withKatalogArg(program.command('up'))
    .description('build the operator, start the local control plane (unless --kubeconfig), install the CRDs, run the operator')
    .option('--kubeconfig <file>', 'use this cluster instead of the local control plane')
    .option('--port <port>', 'the operator\'s HTTP port (default 8080, or ORK_PORT)')
    .addHelpText('after', '\nExamples:\n  ork up examples/web-app/katalog.yaml\n  ork up -f katalog.yaml --kubeconfig ~/.kube/config\n\nCtrl-C stops the operator; `ork plane stop` stops the control plane.')
    .action(async (positional: string | undefined, opts: UpOptions) => {
      const file = katalogPath(positional, opts);
      const v = validateKatalog(file);
      if (!v.model) {
        const { printDiagnostics } = await import('../output.ts');
        printDiagnostics(v.diagnostics, v.sources);
        throw new CliError(`${file} is invalid; nothing started`, EXIT_INVALID, `fix the errors above (\`ork validate ${file}\`)`);
      }
      const model = v.model;
      if (opts.kubeconfig !== undefined && !existsSync(path.resolve(opts.kubeconfig))) {
        throw new CliError(`kubeconfig ${path.resolve(opts.kubeconfig)} does not exist`, EXIT_INVALID, 'omit --kubeconfig to start the local control plane');
      }
      stderrLogger(`building the ${model.name} operator`);
      const built = await buildOperator(file, path.join('.ork', 'build', model.name));
      stderrLogger(`built ${built.outfile} (${(built.bytes / 1024).toFixed(0)} KiB)`);
      let kubeconfig: string;
      let kubectl = 'kubectl';
      if (opts.kubeconfig !== undefined) {
        kubeconfig = path.resolve(opts.kubeconfig);
      } else {
        const local = await startLocalPlane(process.cwd());
        kubeconfig = local.kubeconfig;
        kubectl = local.plane.kubectl;
        stderrLogger(`control plane ${local.plane.reused ? 'already running' : 'ready'}: ${local.plane.apiUrl}`);
      }
      const crFiles = model.crds.filter((c) => c.enabled).flatMap((c) => (c.raw.crFiles ?? []).map((f) => path.resolve(path.dirname(file), f)));
      const kinds = model.crds.filter((c) => c.enabled && c.api).map((c) => c.api!.plural).join(',');
      stderrLogger(
        [
          '',
          `kubeconfig: ${kubeconfig}`,
          'try, in another terminal:',
          `  ${kubectl} --kubeconfig ${kubeconfig} get ${kinds} -A`,
          `  ${kubectl} --kubeconfig ${kubeconfig} get deployments,services,configmaps -A -l orkestra.orkspace.io/managed=true`,
          `  curl -s localhost:${opts.port ?? process.env['ORK_PORT'] ?? '8080'}/katalog`,
          'Ctrl-C stops the operator; `ork plane stop` stops the control plane.',
          '',
        ].join('\n'),
      );
      const code = await runDevOperator({
        projectDir: built.projectDir,
        bundle: built.outfile,
        kubeconfig,
        kubectl,
        namespace: model.namespace,
        crFiles,
        ...(opts.port !== undefined ? { port: Number(opts.port) } : {}),
        log: stderrLogger,
      });
      process.exitCode = code;
    });
}
