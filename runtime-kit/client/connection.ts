/**
 * Where the API server is and how to authenticate: the only thing the REST client needs from a
 * kubeconfig or the in-cluster service account.
 */
import type https from 'node:https';

/** A way to reach one API server. */
export interface Connection {
  /** Base URL, e.g. `https://10.96.0.1:443` (a path prefix is kept). */
  readonly server: URL;
  /** Adds TLS material, an agent and auth headers to one request's options (tokens may rotate). */
  prepare(opts: https.RequestOptions): Promise<void>;
}

/** A fixed server with optional static headers (tests, `kubectl proxy`, plain-HTTP harnesses). */
export function staticConnection(server: string, headers: Readonly<Record<string, string>> = {}): Connection {
  return {
    server: new URL(server),
    async prepare(opts) {
      opts.headers = { ...(opts.headers as Record<string, string> | undefined), ...headers };
    },
  };
}
