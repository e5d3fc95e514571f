/**
 * Kubeconfig connection through @kubernetes/client-node's `KubeConfig` (every auth method it
 * supports: client certificates, tokens, exec plugins, OIDC). Only the `config` module of the
 * library is imported — statically (no dynamic import in the kit) and without the generated API
 * clients, which keeps most of the library out of the operator bundle.
 */
import type https from 'node:https';
import { KubeConfig } from '@kubernetes/client-node/dist/config.js';
import type { Connection } from './connection.ts';

export interface KubeconfigOptions {
  /** File to read; default `$KUBECONFIG` (first entry) or `~/.kube/config` (client-node's rules). */
  readonly path?: string;
  /** Context to use; default the file's current context. */
  readonly context?: string;
}

/** Loads a kubeconfig and returns a connection to its current (or chosen) context's cluster. */
export async function kubeconfigConnection(opts: KubeconfigOptions = {}): Promise<Connection> {
  const kc = new KubeConfig();
  if (opts.path !== undefined) kc.loadFromFile(opts.path);
  else kc.loadFromDefault();
  if (opts.context !== undefined) kc.setCurrentContext(opts.context);
  const cluster = kc.getCurrentCluster();
  if (cluster === null) throw new Error('kubeconfig has no current cluster');
  const server = new URL(cluster.server);
  return {
    server,
    async prepare(o: https.RequestOptions) {
      if (server.protocol === 'https:') return kc.applyToHTTPSOptions(o);
      // Plain HTTP: take only the auth headers, never an https agent.
      const scratch: https.RequestOptions = {};
      await kc.applyToHTTPSOptions(scratch);
      o.headers = { ...(o.headers as Record<string, string> | undefined), ...(scratch.headers as Record<string, string> | undefined) };
    },
  };
}
