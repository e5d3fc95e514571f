/**
 * One informer per watched selection, shared by every consumer: `informer(ref, opts)` returns the
 * same instance for the same group/version/plural + namespace + label selector + field selector,
 * so several reconcilers watching one kind cost one list and one watch.
 */
import type { ResourceRef } from '../client/paths.ts';
import type { KubeClient } from '../client/rest.ts';
import type { InformerOptions } from './informer.ts';
import { Informer } from './informer.ts';
import type { KubeObject } from './object.ts';

/** Which objects to watch, beyond the resource type. */
export interface InformerSelection {
  readonly labelSelector?: string;
  readonly fieldSelector?: string;
}

/** The registry key of a selection (`group/version/plural ns=… l=… f=…`). */
export function selectionKey(ref: ResourceRef, sel: InformerSelection = {}): string {
  return `${ref.group}/${ref.version}/${ref.plural} ns=${ref.namespace ?? ''} l=${sel.labelSelector ?? ''} f=${sel.fieldSelector ?? ''}`;
}

/** Options every informer of a factory shares (per-type `transform`/`indexers` go to `informer()`). */
export type FactoryDefaults = Omit<InformerOptions<KubeObject>, 'transform' | 'indexers'>;

export class InformerFactory {
  readonly #client: KubeClient;
  readonly #defaults: FactoryDefaults;
  readonly #informers = new Map<string, Informer<KubeObject>>();
  #started = false;
  #stopped = false;

  /** `defaults` apply to every informer created here (resync, backoff, clock, logger, …). */
  constructor(client: KubeClient, defaults: FactoryDefaults = {}) {
    this.#client = client;
    this.#defaults = defaults;
  }

  /** Number of distinct informers. */
  get size(): number {
    return this.#informers.size;
  }

  /**
   * The shared informer for `ref` (its `name` is ignored) and `sel`. The first caller's `opts`
   * (merged over the factory defaults) configure it; later callers get the same instance.
   * Started at once when the factory already runs.
   */
  informer<T extends KubeObject>(ref: ResourceRef, sel: InformerSelection = {}, opts: InformerOptions<T> = {}): Informer<T> {
    if (this.#stopped) throw new Error('informer factory is stopped');
    const key = selectionKey(ref, sel);
    let inf = this.#informers.get(key) as Informer<T> | undefined;
    if (inf === undefined) {
      const selection = { ref: { group: ref.group, version: ref.version, plural: ref.plural, namespace: ref.namespace }, ...sel };
      inf = new Informer<T>({ client: this.#client, selection }, { ...this.#defaults, ...opts });
      this.#informers.set(key, inf as unknown as Informer<KubeObject>);
      if (this.#started) inf.start();
    }
    return inf;
  }

  /** Starts every informer, and any created later. */
  start(): void {
    if (this.#stopped) return;
    this.#started = true;
    for (const inf of this.#informers.values()) inf.start();
  }

  /** Resolves true once every current informer has synced; false if one stops or `signal` aborts first. */
  async waitForSync(signal?: AbortSignal): Promise<boolean> {
    const results = await Promise.all([...this.#informers.values()].map((i) => i.waitForSync(signal)));
    return results.every(Boolean);
  }

  /** Stops every informer. */
  async stop(): Promise<void> {
    this.#stopped = true;
    await Promise.all([...this.#informers.values()].map((i) => i.stop()));
  }
}
