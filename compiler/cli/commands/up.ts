/**
 * `ork up [katalog]`: a running operator for a Katalog on a local control plane. Today it
 * starts (or reuses) the plane unless --kubeconfig is given and installs CRDs given with --crd;
 * generating, building and running the operator come with the generator and runtime.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { CliError, EXIT_INVALID } from '../exit.ts';
import { rethrowAsCliError, startLocalPlane, stderrLogger } from '../local-plane.ts';

interface UpOptions {
  kubeconfig?: string;
  crd: string[];
}

/** Registers `ork up`. */
export function registerUp(program: Command): void {
  program
    .command('up')
    .description('Start the local control plane (unless --kubeconfig), install the CRDs, run the operator')
    .argument('[katalog]', 'the Katalog', 'katalog.yaml')
    .option('--kubeconfig <file>', 'use this cluster instead of starting the local control plane')
    .option('--crd <file>', 'a CRD YAML file to install (repeatable)', (v: string, acc: string[]) => [...acc, v], [])
    .action(async (katalog: string, opts: UpOptions) => {
      const cwd = process.cwd();
      let kubeconfig: string;
      let kubectl = 'kubectl';
      if (opts.kubeconfig !== undefined) {
        kubeconfig = path.resolve(opts.kubeconfig);
        if (!existsSync(kubeconfig)) throw new CliError(`kubeconfig ${kubeconfig} does not exist`, EXIT_INVALID, 'omit --kubeconfig to start the local control plane');
      } else {
        const local = await startLocalPlane(cwd);
        kubeconfig = local.kubeconfig;
        kubectl = local.plane.kubectl;
        stderrLogger(`control plane ${local.plane.reused ? 'already running' : 'ready'}: ${local.plane.apiUrl}`);
      }
      if (opts.crd.length > 0) {
        const { installCrds } = await import('../../plane/install-crds.ts');
        await installCrds(kubeconfig, opts.crd.map((f) => path.resolve(f)), { log: stderrLogger }).catch(rethrowAsCliError);
      }
      process.stdout.write(`${kubeconfig}\n`);
      stderrLogger(
        [
          `kubeconfig: ${kubeconfig}`,
          `try: ${kubectl} --kubeconfig ${kubeconfig} get crds`,
          opts.crd.length === 0 ? 'no CRDs installed: pass --crd <file> (reading them from the Katalog is not there yet)' : '',
          `not there yet: loading ${katalog}, generating, building and running its operator (ork's loader and generator are in progress).`,
          'The control plane keeps running; stop it with `ork plane stop`.',
        ]
          .filter(Boolean)
          .join('\n'),
      );
    });
}
