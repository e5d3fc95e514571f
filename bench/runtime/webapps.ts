/**
 * WebApp CRs for the runtime benchmarks: creating many at once, and an observer (runtime-kit
 * informers in the bench process) that stamps when each CR first reports `Ready=True` for its
 * generation and lets a measure wait for a child to reach a state.
 */
import type { KubeClient } from '../../runtime-kit/client/rest.ts';
import { InformerFactory } from '../../runtime-kit/informer/factory.ts';
import type { Informer } from '../../runtime-kit/informer/informer.ts';
import type { KubeObject } from '../../runtime-kit/informer/object.ts';
import { NotFoundError } from '../../runtime-kit/client/errors.ts';
import { eventually } from '../../test/helpers/control-plane.ts';
import { ensureNamespace, inParallel } from './plane.ts';

export const WEBAPPS = { group: 'demo.ork.dev', version: 'v1', plural: 'webapps' } as const;
export const DEPLOYMENTS = { group: 'apps', version: 'v1', plural: 'deployments' } as const;
export const SERVICES = { group: '', version: 'v1', plural: 'services' } as const;

/** A WebApp like examples/web-app/cr.yaml, named `name`. */
export function webApp(namespace: string, name: string): object {
  return { apiVersion: 'demo.ork.dev/v1', kind: 'WebApp', metadata: { name, namespace }, spec: { image: 'nginx:1.27', replicas: 2, port: 80, greeting: 'hi there' } };
}

/** Creates `names` in `namespace`, 32 requests in flight; returns when each create was sent (ms since the epoch). */
export async function createWebApps(admin: KubeClient, namespace: string, names: readonly string[]): Promise<Map<string, number>> {
  const sentAt = new Map<string, number>();
  await inParallel(names, 32, async (name) => {
    sentAt.set(name, Date.now());
    await admin.create({ ...WEBAPPS, namespace }, webApp(namespace, name));
  });
  return sentAt;
}

type Obj = KubeObject & { spec?: Record<string, unknown>; status?: { observedGeneration?: number; conditions?: Array<{ type: string; status: string }> } };

/** True when a WebApp reports Ready=True for its current generation. */
export function isReady(o: Obj): boolean {
  const ready = o.status?.conditions?.find((c) => c.type === 'Ready');
  return ready?.status === 'True' && o.status?.observedGeneration === o.metadata.generation;
}

/** Watches one namespace's WebApps and Deployments from the bench process. */
export class NamespaceObserver {
  readonly #factory: InformerFactory;
  readonly #apps: Informer<Obj>;
  readonly #deps: Informer<Obj>;
  /** First time each WebApp was seen Ready (ms since the epoch). */
  readonly readyAt = new Map<string, number>();
  readonly #waiters = new Set<{ test: (d: Obj) => boolean; resolve: (at: number) => void }>();
  readonly namespace: string;

  constructor(admin: KubeClient, namespace: string) {
    this.namespace = namespace;
    this.#factory = new InformerFactory(admin, { resyncMs: 0 });
    this.#apps = this.#factory.informer<Obj>({ ...WEBAPPS, namespace });
    this.#deps = this.#factory.informer<Obj>({ ...DEPLOYMENTS, namespace });
    const onApp = (o: Obj): void => {
      const name = o.metadata.name ?? '';
      if (!this.readyAt.has(name) && isReady(o)) this.readyAt.set(name, Date.now());
    };
    this.#apps.addEventHandler({ onAdd: onApp, onUpdate: (_old, o) => onApp(o) });
    const onDep = (d: Obj): void => {
      for (const w of this.#waiters) if (w.test(d)) (this.#waiters.delete(w), w.resolve(Date.now()));
    };
    this.#deps.addEventHandler({ onAdd: onDep, onUpdate: (_old, d) => onDep(d) });
  }

  async start(): Promise<void> {
    this.#factory.start();
    if (!(await this.#factory.waitForSync())) throw new Error('bench: the observer did not sync');
  }

  /** The cached Deployment `name`, if any. */
  deployment(name: string): Obj | undefined {
    return this.#deps.cache.get(`${this.namespace}/${name}`);
  }

  /** Resolves with the time a Deployment event satisfies `test` (future events only); rejects after `timeoutMs`. */
  nextDeployment(test: (d: Obj) => boolean, timeoutMs: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const w = { test, resolve: (at: number) => (clearTimeout(t), resolve(at)) };
      const t = setTimeout(() => (this.#waiters.delete(w), reject(new Error(`bench: no matching Deployment event within ${timeoutMs} ms`))), timeoutMs);
      this.#waiters.add(w);
    });
  }

  /** Number of WebApps in the cache. */
  get size(): number {
    return this.#apps.cache.size;
  }

  async stop(): Promise<void> {
    await this.#factory.stop();
  }
}

/** Lets every system go: removes finalizers from all WebApps in `namespace`, then deletes the namespace. */
export async function clearNamespace(admin: KubeClient, namespace: string): Promise<void> {
  const list = await admin.list<{ items: Obj[] }>({ ...WEBAPPS, namespace });
  await inParallel(list.items, 32, async (o) => {
    if (!(o.metadata as { finalizers?: string[] }).finalizers?.length) return;
    await admin.mergePatch({ ...WEBAPPS, namespace, name: o.metadata.name ?? '' }, { metadata: { finalizers: null } }).catch(() => undefined);
  });
  await admin.delete({ group: '', version: 'v1', plural: 'namespaces', name: namespace }).catch(() => undefined);
}

/**
 * Warms a fresh API server up before the first session: one WebApp created, merge-patched and
 * status-patched, and one Deployment and Service server-side applied, in a namespace of their own
 * that is then deleted (waited for). The first server-side apply on a fresh API server took ~2 s more than the
 * next ones (its apply machinery is set up on first use), which only the system measured first
 * would pay.
 */
export async function warmUp(admin: KubeClient): Promise<void> {
  const namespace = 'bench-warm-up';
  await ensureNamespace(admin, namespace);
  const name = 'warm-up';
  const fieldManager = 'ork-bench-warm-up';
  await admin.create({ ...WEBAPPS, namespace }, webApp(namespace, name));
  await admin.mergePatch({ ...WEBAPPS, namespace, name }, { metadata: { labels: { warm: 'up' } } });
  await admin.mergePatch({ ...WEBAPPS, namespace, name, subresource: 'status' }, { status: { observedGeneration: 1 } });
  const labels = { app: name };
  await admin.apply({ ...DEPLOYMENTS, namespace, name }, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace }, spec: { replicas: 0, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } } } }, { fieldManager, force: true });
  await admin.apply({ ...SERVICES, namespace, name }, { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec: { selector: labels, ports: [{ port: 80 }] } }, { fieldManager, force: true });
  await clearNamespacesAndWait(admin, [namespace], 120_000);
}

/**
 * Clears the namespaces and waits until they are gone: the namespace controller deleting a
 * thousand Services and their ClusterIPs loads the API server for a minute or two, which must
 * not overlap the next measure.
 */
export async function clearNamespacesAndWait(admin: KubeClient, namespaces: readonly string[], timeoutMs: number): Promise<void> {
  for (const ns of namespaces) await clearNamespace(admin, ns);
  const left = async (): Promise<number> => {
    let n = 0;
    for (const ns of namespaces) {
      n += await admin.get({ group: '', version: 'v1', plural: 'namespaces', name: ns }).then(
        () => 1,
        (err: unknown) => (err instanceof NotFoundError ? 0 : 1),
      );
    }
    return n;
  };
  await eventually(`namespaces ${namespaces.join(', ')} deleted`, timeoutMs, async () => ((await left()) === 0 ? true : undefined), 1_000);
}
