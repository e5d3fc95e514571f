/**
 * Kubeconfig connection, read by the kit itself: the current (or chosen) context's cluster —
 * server, CA (inline or file), `insecure-skip-tls-verify`, `tls-server-name` — and user —
 * bearer token (inline or `tokenFile`), client certificate and key (inline or files), or basic
 * auth. Exec plugins and auth providers are refused with a clear message: they run programs,
 * which an operator never does. (client-node's KubeConfig would support them, at the price of
 * ~37 MB of memory in every operator: measured, see docs/runtime-kit.md.)
 */
import fs from 'node:fs';
import type https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from './connection.ts';
import { apiServerAgent } from './tls-agent.ts';

export interface KubeconfigOptions {
  /** File to read; default the first file of `$KUBECONFIG`, else `~/.kube/config`. */
  readonly path?: string;
  /** Context to use; default the file's current context. */
  readonly context?: string;
  readonly env?: NodeJS.ProcessEnv;
}

type Named<T> = { readonly name?: string } & T;
interface Cluster { readonly server?: string; readonly 'certificate-authority-data'?: string; readonly 'certificate-authority'?: string; readonly 'insecure-skip-tls-verify'?: boolean; readonly 'tls-server-name'?: string }
interface User { readonly token?: string; readonly tokenFile?: string; readonly 'client-certificate-data'?: string; readonly 'client-certificate'?: string; readonly 'client-key-data'?: string; readonly 'client-key'?: string; readonly username?: string; readonly password?: string; readonly exec?: unknown; readonly 'auth-provider'?: unknown }
interface Config {
  readonly 'current-context'?: string;
  readonly contexts?: ReadonlyArray<Named<{ readonly context?: { readonly cluster?: string; readonly user?: string } }>>;
  readonly clusters?: ReadonlyArray<Named<{ readonly cluster?: Cluster }>>;
  readonly users?: ReadonlyArray<Named<{ readonly user?: User }>>;
}

/** The kubeconfig file to read under `opts`. */
export function kubeconfigPath(opts: KubeconfigOptions = {}): string {
  const env = opts.env ?? process.env;
  if (opts.path) return opts.path;
  const first = (env['KUBECONFIG'] ?? '').split(path.delimiter).find((p) => p !== '');
  return first ?? path.join(env['HOME'] ?? os.homedir(), '.kube', 'config');
}

/** Loads a kubeconfig and returns a connection to its current (or chosen) context's cluster. */
export async function kubeconfigConnection(opts: KubeconfigOptions = {}): Promise<Connection> {
  const file = kubeconfigPath(opts);
  const dir = path.dirname(file);
  const config = (await parseKubeconfig(fs.readFileSync(file, 'utf8')).catch((err: unknown) => {
    throw new Error(`kubeconfig ${file} is not valid YAML or JSON: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  })) as Config | null;
  if (!config || typeof config !== 'object') throw new Error(`kubeconfig ${file} is empty or not a mapping`);
  const contextName = opts.context ?? config['current-context'];
  const ctx = config.contexts?.find((c) => c.name === contextName)?.context;
  if (!ctx) throw new Error(`kubeconfig ${file}: context ${JSON.stringify(contextName ?? '')} not found`);
  const cluster = config.clusters?.find((c) => c.name === ctx.cluster)?.cluster;
  if (!cluster?.server) throw new Error(`kubeconfig ${file}: cluster ${JSON.stringify(ctx.cluster ?? '')} has no server`);
  const user = config.users?.find((u) => u.name === ctx.user)?.user ?? {};
  if (user.exec !== undefined || user['auth-provider'] !== undefined) {
    throw new Error(`kubeconfig ${file}: user ${JSON.stringify(ctx.user)} uses an exec plugin or auth provider, which the operator does not run; use a token or client-certificate kubeconfig (e.g. from \`kubectl create token\`), or run in the cluster`);
  }
  const read = (data: string | undefined, f: string | undefined): Buffer | undefined =>
    data ? Buffer.from(data, 'base64') : f ? fs.readFileSync(path.resolve(dir, f)) : undefined;
  const server = new URL(cluster.server);
  const ca = read(cluster['certificate-authority-data'], cluster['certificate-authority']);
  const cert = read(user['client-certificate-data'], user['client-certificate']);
  const key = read(user['client-key-data'], user['client-key']);
  const agent = server.protocol === 'https:'
    ? apiServerAgent({
        ...(ca ? { ca } : {}),
        ...(cert ? { cert } : {}),
        ...(key ? { key } : {}),
        ...(cluster['insecure-skip-tls-verify'] ? { insecureSkipVerify: true } : {}),
        ...(cluster['tls-server-name'] ? { serverName: cluster['tls-server-name'] } : {}),
      })
    : undefined;
  const auth = (): string | undefined => {
    if (user.token) return `Bearer ${user.token}`;
    if (user.tokenFile) return `Bearer ${fs.readFileSync(path.resolve(dir, user.tokenFile), 'utf8').trim()}`;
    if (user.username !== undefined) return `Basic ${Buffer.from(`${user.username}:${user.password ?? ''}`).toString('base64')}`;
    return undefined;
  };
  return {
    server,
    async prepare(o: https.RequestOptions) {
      if (agent) o.agent = agent;
      const a = auth();
      if (a) o.headers = { ...(o.headers as Record<string, string> | undefined), authorization: a };
    },
  };
}

/**
 * Parses kubeconfig text: JSON directly (`kubectl config view --flatten -o json`), anything else
 * with the `yaml` package, loaded only then. The import is static text that esbuild resolves at
 * build time and inlines as a lazily run module, so an operator in a cluster (no kubeconfig) or
 * given a JSON one never evaluates the YAML parser: ~2 MiB less idle RSS (bench/README.md).
 */
export async function parseKubeconfig(text: string): Promise<unknown> {
  if (text.trimStart().startsWith('{')) return JSON.parse(text) as unknown;
  const { parse } = await import('yaml');
  return parse(text) as unknown;
}
