/**
 * The load side of the fault tests: WebApp CRs created, changed and deleted through the real API
 * with bounded concurrency, each call retried until it lands (an apiserver restart or a dropped
 * connection must not make the workload lose an operation it meant to do).
 */
import { kubeconfigConnection } from '../../runtime-kit/client/kubeconfig.ts';
import { KubeClient } from '../../runtime-kit/client/rest.ts';
import { AlreadyExistsError, NotFoundError } from '../../runtime-kit/client/errors.ts';
import type { ResourceRef } from '../../runtime-kit/client/paths.ts';

/** The WebApp spec the tests use (examples/web-app/crd.yaml). */
export interface WebAppSpec {
  readonly image: string;
  readonly replicas: number;
  readonly port?: number;
  readonly greeting?: string;
}

/** A WebApp as read back. */
export interface WebApp {
  readonly metadata: { name: string; namespace: string; uid: string; generation: number; deletionTimestamp?: string; finalizers?: string[]; creationTimestamp?: string };
  readonly spec: WebAppSpec;
  readonly status?: { observedGeneration?: number; url?: string; conditions?: Array<{ type: string; status: string; reason?: string }> };
}

/** `webapps` in `namespace` (no name: the collection). */
export const webappRef = (namespace: string, name?: string): ResourceRef => ({ group: 'demo.ork.dev', version: 'v1', plural: 'webapps', namespace, ...(name ? { name } : {}) });

/** An admin client for the load generator and the auditor: no client-side rate limit, one attempt per call (the callers retry). */
export async function adminClient(kubeconfig: string): Promise<KubeClient> {
  return new KubeClient({ connection: await kubeconfigConnection({ path: kubeconfig }), qps: 0, retry: { attempts: 1 }, timeoutMs: 15_000, fieldManager: 'ork-soak' });
}

/** Retries `fn` (every 250 ms, up to `timeoutMs`) until it resolves; the last error is rethrown. */
export async function untilItLands<T>(what: string, fn: () => Promise<T>, timeoutMs = 120_000): Promise<{ value: T; attempts: number }> {
  const deadline = Date.now() + timeoutMs;
  for (let attempts = 1; ; attempts++) {
    try {
      return { value: await fn(), attempts };
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`${what}: still failing after ${timeoutMs} ms: ${err instanceof Error ? err.message : String(err)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** CRUD on WebApps; every call retried until it lands. `retries` counts the extra attempts. */
export class WebApps {
  readonly #client: KubeClient;
  readonly namespace: string;
  retries = 0;

  constructor(client: KubeClient, namespace: string) {
    this.#client = client;
    this.namespace = namespace;
  }

  /** Creates `name` (an AlreadyExists after a lost response counts as created). */
  async create(name: string, spec: WebAppSpec): Promise<void> {
    const body = { apiVersion: 'demo.ork.dev/v1', kind: 'WebApp', metadata: { name, namespace: this.namespace }, spec };
    await this.#land(`create ${name}`, async () => {
      try {
        await this.#client.create(webappRef(this.namespace), body);
      } catch (err) {
        if (!(err instanceof AlreadyExistsError)) throw err;
      }
    });
  }

  /** Merge-patches the spec of `name`. */
  async patchSpec(name: string, spec: Partial<WebAppSpec>): Promise<void> {
    await this.#land(`patch ${name}`, () => this.#client.mergePatch(webappRef(this.namespace, name), { spec }));
  }

  /** Deletes `name` (a NotFound after a lost response counts as deleted). */
  async delete(name: string): Promise<void> {
    await this.#land(`delete ${name}`, async () => {
      try {
        await this.#client.delete(webappRef(this.namespace, name));
      } catch (err) {
        if (!(err instanceof NotFoundError)) throw err;
      }
    });
  }

  /** Every WebApp in the namespace. */
  async list(): Promise<WebApp[]> {
    return (await this.#client.list<{ items: WebApp[] }>(webappRef(this.namespace))).items;
  }

  async #land(what: string, fn: () => Promise<unknown>): Promise<void> {
    const { attempts } = await untilItLands(what, fn);
    this.retries += attempts - 1;
  }
}

/** Runs `fn` over `items` with at most `limit` calls in flight; resolves when all settled (rejects with the first error). */
export async function forEachBounded<T>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
