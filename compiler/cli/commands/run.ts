/**
 * `ork run [katalog]`: the developer-mode operator. Validates the Katalog (the same checks as
 * every cluster-bound command), builds the operator into a directory of its own, installs its
 * CRDs, runs it in the foreground against the current kubeconfig (see `run/run-cluster.ts`)
 * and applies its sample CRs; with watch mode (the default) an edited Katalog is re-validated,
 * regenerated and the operator restarted. Several `ork run` may run at once against one
 * cluster (each with its own port) — e.g. to watch leader election hand over.
 */
import type { Command } from 'commander';
import { katalogPath, withKatalogArg } from '../katalog-arg.ts';
import { stderrLogger } from '../local-plane.ts';
import { resolveRunCluster } from '../run/run-cluster.ts';
import { freeDevPort, withPortOption } from '../run/port-check.ts';
import { runDevSession, validateOrThrow } from '../run/dev-session.ts';

interface RunOptions {
  file?: string;
  kubeconfig?: string;
  port?: string;
  watch: boolean;
}

/** Registers `ork run`. */
export function registerRun(program: Command): void {
  const cmd = withKatalogArg(program.command('run'))
    .description('run the operator locally against the current kubeconfig; rebuild and restart it when the Katalog changes')
    .option('--kubeconfig <file>', 'the cluster (default: $KUBECONFIG, ~/.kube/config, else the local control plane of this folder)');
  withPortOption(cmd)
    .option('--no-watch', 'run the built operator as is; do not rebuild on Katalog edits')
    .addHelpText(
      'after',
      '\nExamples:\n  ork run examples/web-app/katalog.yaml\n  ork run -f katalog.yaml --kubeconfig ~/.kube/config --port 8081\n  ork run katalog.yaml --no-watch\n\nCtrl-C stops the operator gracefully (its Lease is released) and exits 0.',
    )
    .action(async (positional: string | undefined, opts: RunOptions) => {
      const file = katalogPath(positional, opts);
      validateOrThrow(file);
      const port = await freeDevPort(opts.port);
      const cluster = await resolveRunCluster(opts.kubeconfig, process.cwd());
      stderrLogger(`cluster: ${cluster.kubeconfig} (from ${cluster.source})`);
      process.exitCode = await runDevSession({ katalog: file, cluster, ...(port !== undefined ? { port } : {}), watch: opts.watch, log: stderrLogger });
    });
}
