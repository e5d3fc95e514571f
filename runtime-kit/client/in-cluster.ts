/**
 * In-cluster connection from the pod's service account: `KUBERNETES_SERVICE_HOST` /
 * `KUBERNETES_SERVICE_PORT`, the CA and the token under
 * `/var/run/secrets/kubernetes.io/serviceaccount/`. The token is re-read at most once a minute
 * (kubelet rotates bound tokens). Lean on purpose: no @kubernetes/client-node import, so the
 * production operator stays small.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Clock } from '../clock.ts';
import { realClock } from '../clock.ts';
import type { Connection } from './connection.ts';
import { apiServerAgent } from './tls-agent.ts';

/** Default service-account directory. */
export const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

/** How often the token file is re-read. */
export const TOKEN_REFRESH_MS = 60_000;

/** True when the process runs in a pod (the service env vars are set). */
export function isInCluster(env: NodeJS.ProcessEnv = process.env): boolean {
  return (env['KUBERNETES_SERVICE_HOST'] ?? '') !== '' && (env['KUBERNETES_SERVICE_PORT'] ?? '') !== '';
}

/** The pod's connection. Throws when not in a cluster or the CA/token files are missing. */
export function inClusterConnection(opts: { env?: NodeJS.ProcessEnv; dir?: string; clock?: Clock } = {}): Connection {
  const env = opts.env ?? process.env;
  if (!isInCluster(env)) throw new Error('not running in a cluster: KUBERNETES_SERVICE_HOST/PORT are not set');
  const dir = opts.dir ?? SERVICE_ACCOUNT_DIR;
  const clock = opts.clock ?? realClock;
  const host = env['KUBERNETES_SERVICE_HOST'] as string;
  const server = new URL(`https://${host.includes(':') ? `[${host}]` : host}:${env['KUBERNETES_SERVICE_PORT']}`);
  const agent = apiServerAgent({ ca: fs.readFileSync(path.join(dir, 'ca.crt')) });
  let token = '';
  let readAt = -Infinity;
  const currentToken = (): string => {
    if (clock.now() - readAt >= TOKEN_REFRESH_MS) {
      token = fs.readFileSync(path.join(dir, 'token'), 'utf8').trim();
      readAt = clock.now();
    }
    return token;
  };
  currentToken();
  return {
    server,
    async prepare(o) {
      o.agent = agent;
      o.headers = { ...(o.headers as Record<string, string> | undefined), authorization: `Bearer ${currentToken()}` };
    },
  };
}
