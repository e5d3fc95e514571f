/**
 * Which cluster `ork run` talks to: `--kubeconfig`, else the first file of `$KUBECONFIG`, else
 * `~/.kube/config`, else the local control plane `ork up` / `ork plane start` runs for the
 * current folder. `ork run` never starts a plane itself (that is `ork up`'s job): with no
 * cluster at all it says how to get one.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { planeStatus } from '../../plane/plane.ts';
import { ensureBinaries } from '../../plane/binaries.ts';
import { CliError, EXIT_INVALID } from '../exit.ts';
import { kubeconfigPath, planeDir, rethrowAsCliError } from '../local-plane.ts';
import type { ClusterTarget } from '../dev-operator.ts';

/** The cluster and where its kubeconfig came from (said in the log). */
export interface RunCluster extends ClusterTarget {
  readonly source: string;
}

/** Resolves the cluster for `ork run` in `cwd`; errors say what was tried and how to fix it. */
export async function resolveRunCluster(flag: string | undefined, cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<RunCluster> {
  const kubectl = env['ORK_KUBECTL'] || 'kubectl';
  const existing = (file: string, from: string, hint: string): RunCluster => {
    if (!existsSync(file)) throw new CliError(`kubeconfig ${file} (${from}) does not exist`, EXIT_INVALID, hint);
    return { kubeconfig: file, kubectl, source: from };
  };
  if (flag !== undefined) return existing(path.resolve(cwd, flag), '--kubeconfig', 'pass an existing file, or omit --kubeconfig');
  const fromEnv = (env['KUBECONFIG'] ?? '').split(path.delimiter).find((f) => f !== '');
  if (fromEnv !== undefined) return existing(path.resolve(cwd, fromEnv), '$KUBECONFIG', 'unset KUBECONFIG to use ~/.kube/config or the local control plane');
  const home = path.join(env['HOME'] || os.homedir(), '.kube', 'config');
  if (existsSync(home)) return { kubeconfig: home, kubectl, source: '~/.kube/config' };
  const local = kubeconfigPath(cwd);
  const st = await planeStatus(planeDir(cwd)).catch(rethrowAsCliError);
  if (st.state === 'running' && existsSync(local)) {
    const k = env['ORK_KUBECTL'] || (await ensureBinaries().catch(rethrowAsCliError)).kubectl;
    return { kubeconfig: local, kubectl: k, source: `the local control plane of ${cwd}` };
  }
  throw new CliError(
    'no cluster to run against: no --kubeconfig, KUBECONFIG is not set, there is no ~/.kube/config and no local control plane runs in this folder',
    EXIT_INVALID,
    'start one with `ork plane start` (then `ork run` again), or use `ork up`, which starts it and runs the operator',
  );
}
