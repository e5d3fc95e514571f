/**
 * Watches WebApps in one namespace (a runtime-kit informer on the admin client) and records, per
 * name, when it was first seen converged: Ready=True with `observedGeneration == generation`.
 * The tests pair that with the time they sent the create to get create→Ready latencies.
 */
import type { KubeClient } from '../../runtime-kit/client/rest.ts';
import { Informer } from '../../runtime-kit/informer/informer.ts';
import type { KubeObject } from '../../runtime-kit/informer/object.ts';
import type { WebApp } from './webapps.ts';

/** True when the CR reports Ready=True for its current generation. */
export function isConverged(cr: WebApp): boolean {
  const ready = cr.status?.conditions?.find((c) => c.type === 'Ready');
  return ready?.status === 'True' && cr.status?.observedGeneration === cr.metadata.generation && !cr.metadata.deletionTimestamp;
}

export class ReadyTracker {
  /** name → epoch ms when first seen converged. */
  readonly readyAt = new Map<string, number>();
  readonly #informer: Informer<KubeObject>;

  constructor(client: KubeClient, namespace: string) {
    this.#informer = new Informer<KubeObject>({ client, selection: { ref: { group: 'demo.ork.dev', version: 'v1', plural: 'webapps', namespace } } }, { resyncMs: 0 });
    const seen = (o: KubeObject): void => {
      const cr = o as unknown as WebApp;
      if (!this.readyAt.has(cr.metadata.name) && isConverged(cr)) this.readyAt.set(cr.metadata.name, Date.now());
    };
    this.#informer.addEventHandler({ onAdd: seen, onUpdate: (_o, n) => seen(n) });
  }

  /** Starts watching; resolves once the first list is in. */
  async start(): Promise<void> {
    this.#informer.start();
    await this.#informer.waitForSync();
  }

  async stop(): Promise<void> {
    await this.#informer.stop();
  }
}
