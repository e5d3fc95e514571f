/**
 * `ork up [katalog]`: the whole loop in one command — validate the Katalog, start (or reuse) the
 * local control plane unless `--kubeconfig` names a cluster, then run the developer-mode
 * operator as `ork run` does (build, install the CRDs and the operator's namespace, run it in
 * the foreground, apply the sample CRs, rebuild and restart on Katalog edits unless
 * `--no-watch`). Ctrl-C stops the operator (gracefully: in-flight reconciles finish, the Lease
 * is released); the plane keeps running until `ork plane stop`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { CliError, EXIT_INVALID } from '../exit.ts';
import { startLocalPlane, stderrLogger } from '../local-plane.ts';
import { katalogPath, withKatalogArg } from '../katalog-arg.ts';
import type { ClusterTarget } from '../dev-operator.ts';
import { freeDevPort, withPortOption } from '../run/port-check.ts';
import { runDevSession, validateOrThrow } from '../run/dev-session.ts';

interface UpOptions {
  file?: string;
  kubeconfig?: string;
  port?: string;
  watch: boolean;
}

/** Registers `ork up`. */
export function registerUp(program: Command): void {
  const cmd = withKatalogArg(program.command('up'))
    .description('start the local control plane (unless --kubeconfig), then build, install and run the operator; rebuild on Katalog edits')
    .option('--kubeconfig <file>', 'use this cluster instead of the local control plane');
  withPortOption(cmd)
    .option('--no-watch', 'do not rebuild and restart the operator when the Katalog changes')
    .addHelpText('after', '\nExamples:\n  ork up examples/web-app/katalog.yaml\n  ork up -f katalog.yaml --kubeconfig ~/.kube/config\n\nCtrl-C stops the operator; `ork plane stop` stops the control plane.')
    .action(async (positional: string | undefined, opts: UpOptions) => {
      const file = katalogPath(positional, opts);
      validateOrThrow(file);
      if (opts.kubeconfig !== undefined && !existsSync(path.resolve(opts.kubeconfig))) {
        throw new CliError(`kubeconfig ${path.resolve(opts.kubeconfig)} does not exist`, EXIT_INVALID, 'omit --kubeconfig to start the local control plane');
      }
      const port = await freeDevPort(opts.port);
      let cluster: ClusterTarget;
      if (opts.kubeconfig !== undefined) {
        cluster = { kubeconfig: path.resolve(opts.kubeconfig), kubectl: process.env['ORK_KUBECTL'] || 'kubectl' };
      } else {
        const local = await startLocalPlane(process.cwd());
        cluster = { kubeconfig: local.kubeconfig, kubectl: local.plane.kubectl };
        stderrLogger(`control plane ${local.plane.reused ? 'already running' : 'ready'}: ${local.plane.apiUrl}`);
      }
      process.exitCode = await runDevSession({
        katalog: file,
        cluster,
        ...(port !== undefined ? { port } : {}),
        watch: opts.watch,
        log: stderrLogger,
        farewell: 'Ctrl-C stops the operator; `ork plane stop` stops the control plane.',
      });
    });
}
