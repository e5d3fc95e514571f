/**
 * Chooses the connection like controller-runtime: an explicit kubeconfig path, else
 * `$KUBECONFIG`, else the in-cluster service account, else `~/.kube/config`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from './connection.ts';
import { inClusterConnection, isInCluster } from './in-cluster.ts';
import { kubeconfigConnection } from './kubeconfig.ts';

export interface LoadConnectionOptions {
  /** `--kubeconfig`. */
  readonly kubeconfig?: string;
  /** `--context`. */
  readonly context?: string;
  readonly env?: NodeJS.ProcessEnv;
}

/** Resolves the API server connection; throws with a clear message when none is found. */
export async function loadConnection(opts: LoadConnectionOptions = {}): Promise<Connection> {
  const env = opts.env ?? process.env;
  const context = opts.context !== undefined ? { context: opts.context } : {};
  if (opts.kubeconfig !== undefined) return kubeconfigConnection({ path: opts.kubeconfig, ...context, env });
  // The first file listed in $KUBECONFIG (files are not merged).
  if ((env['KUBECONFIG'] ?? '') !== '') return kubeconfigConnection({ ...context, env });
  if (isInCluster(env)) return inClusterConnection({ env });
  const home = path.join(env['HOME'] ?? os.homedir(), '.kube', 'config');
  if (fs.existsSync(home)) return kubeconfigConnection({ path: home, ...context, env });
  throw new Error('no Kubernetes connection: pass --kubeconfig, set KUBECONFIG, run in a cluster, or create ~/.kube/config');
}
