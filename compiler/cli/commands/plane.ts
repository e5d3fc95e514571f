/** `ork plane start|stop|status`: the local control plane (etcd + kube-apiserver + kube-controller-manager). */
import { Option, type Command } from 'commander';
import { planeStatus, stopPlane, type PlaneStatus } from '../../plane/plane.ts';
import { CliError, EXIT_USAGE } from '../exit.ts';
import { kubeconfigPath, planeDir, removeKubeconfig, rethrowAsCliError, startLocalPlane, stderrLogger } from '../local-plane.ts';

/** Registers `ork plane` and its subcommands. */
export function registerPlane(program: Command): void {
  const plane = program
    .command('plane')
    .description('Run a local Kubernetes control plane (etcd, kube-apiserver, kube-controller-manager) for this directory')
    .argument('[subcommand]')
    .addHelpText('after', '\nExamples:\n  ork plane start\n  ork plane status --output json\n  ork plane stop')
    .action((sub: string | undefined) => {
      const what = sub === undefined ? 'missing subcommand' : `unknown subcommand '${sub}'`;
      throw new CliError(`${what}: use ork plane start|stop|status`, EXIT_USAGE, 'run `ork plane --help`');
    });

  plane
    .command('start')
    .description('Build (once) and start the plane, or reuse the running one; print the kubeconfig path once /readyz is 200')
    .addHelpText('after', '\nExamples:\n  ork plane start\n  kubectl --kubeconfig "$(ork plane start)" get namespaces')
    .action(async () => {
      const cwd = process.cwd();
      const { plane: p, kubeconfig } = await startLocalPlane(cwd);
      process.stderr.write(
        `control plane ${p.reused ? 'already running' : 'ready'}: ${p.apiUrl} (Kubernetes ${p.k8sVersion ?? '?'})\n` +
          `try: ${p.kubectl} --kubeconfig ${kubeconfig} get namespaces\n`,
      );
      process.stdout.write(`${kubeconfig}\n`);
    });

  plane
    .command('stop')
    .description('Stop the plane by PID and remove its run directory')
    .addHelpText('after', '\nExamples:\n  ork plane stop')
    .action(async () => {
      const cwd = process.cwd();
      const before = await planeStatus(planeDir(cwd)).catch(rethrowAsCliError);
      await stopPlane(planeDir(cwd), before.state === 'stopped' ? {} : { log: stderrLogger }).catch(rethrowAsCliError);
      await removeKubeconfig(cwd);
      process.stderr.write(before.state === 'stopped' ? 'no control plane was running\n' : 'control plane stopped\n');
    });

  plane
    .command('status')
    .description('Say what runs where')
    .addHelpText('after', '\nExamples:\n  ork plane status\n  ork plane status --output json')
    .addOption(new Option('-o, --output <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (opts: { output: 'text' | 'json' }) => {
      const cwd = process.cwd();
      const st = await planeStatus(planeDir(cwd)).catch(rethrowAsCliError);
      const kubeconfig = st.state === 'stopped' ? undefined : kubeconfigPath(cwd);
      if (opts.output === 'json') process.stdout.write(`${JSON.stringify({ ...st, kubeconfig }, (_k, v: unknown) => (v === undefined ? null : v), 2)}\n`);
      else process.stdout.write(renderStatus(st, kubeconfig));
    });
}

function renderStatus(st: PlaneStatus, kubeconfig: string | undefined): string {
  if (st.state === 'stopped') return `control plane: not running (run directory ${st.dir})\n`;
  const row = (name: string, p: { running: boolean; pid: number | undefined }): string =>
    `  ${name.padEnd(24)} ${p.running ? `running, pid ${p.pid}` : 'not running'}\n`;
  return (
    `control plane: ${st.state}\n` +
    `  api:        ${st.apiUrl ?? '?'} (/readyz ${st.readyz === 0 ? 'unreachable' : st.readyz})\n` +
    `  kubeconfig: ${kubeconfig}\n` +
    `  versions:   Kubernetes ${st.k8sVersion ?? '?'}, etcd ${st.etcdVersion ?? '?'}\n` +
    `  run dir:    ${st.dir}\n` +
    `  started:    ${st.startedAt ?? '?'}\n` +
    row('etcd', st.processes.etcd) +
    row('kube-apiserver', st.processes.apiserver) +
    row('kube-controller-manager', st.processes.controllerManager)
  );
}
