/**
 * A shared informer for one resource type: a `Reflector` keeps an in-memory `Store` (managedFields
 * stripped, indexed by namespace, label and owner UID) in step with the API server and tells every
 * registered handler about adds, updates (old and new) and deletes; a periodic resync re-delivers
 * every cached object as an update. Create it through `InformerFactory` so every consumer of a
 * type shares one list/watch.
 */
import type { Clock, Timer } from '../clock.ts';
import { realClock } from '../clock.ts';
import type { KubeClient } from '../client/rest.ts';
import type { WatchEvent } from '../client/watch-stream.ts';
import type { Logger } from '../log/logger.ts';
import { nullLogger } from '../log/logger.ts';
import type { EventHandler, HandlerRegistration } from './handlers.ts';
import { HandlerSet } from './handlers.ts';
import type { ListerWatcher, Selection } from './list-watch.ts';
import { kubeListerWatcher } from './list-watch.ts';
import type { KubeObject } from './object.ts';
import { objectKey, stripManagedFields } from './object.ts';
import type { ReflectorOptions, ReflectorStats } from './reflector.ts';
import { Reflector } from './reflector.ts';
import type { IndexFunc } from './store.ts';
import { Store } from './store.ts';

/** Read access to an informer's cache (objects are shared: do not mutate them). */
export type CacheReader<T extends KubeObject> = Pick<Store<T>, 'get' | 'keys' | 'list' | 'size' | 'byIndex' | 'byNamespace' | 'byOwner' | 'byLabels'>;

export interface InformerOptions<T extends KubeObject> extends ReflectorOptions {
  /** Re-deliver every cached object as an update this often. Default 30 000 ms (Orkestra's resync); 0 = never. */
  readonly resyncMs?: number;
  /** Applied to every object before it is cached. Default `stripManagedFields`. */
  readonly transform?: (obj: T) => T;
  /** Extra cache indexes, by name (the built-in `namespace`, `label`, `owner` are always there). */
  readonly indexers?: Readonly<Record<string, IndexFunc<T>>>;
}

/** Where the informer gets its objects: the API server (`client` + selection) or any `ListerWatcher`. */
export type InformerSource<T> = { readonly client: KubeClient; readonly selection: Selection } | { readonly listerWatcher: ListerWatcher<T> };

export class Informer<T extends KubeObject> {
  readonly #store: Store<T>;
  readonly #handlers: HandlerSet<T>;
  readonly #reflector: Reflector<T>;
  readonly #transform: (obj: T) => T;
  readonly #resyncMs: number;
  readonly #clock: Clock;
  readonly #log: Logger;
  #synced = false;
  #stopped = false;
  #running: Promise<void> | undefined;
  #resyncTimer: Timer | undefined;
  readonly #syncWaiters = new Set<(synced: boolean) => void>();

  constructor(source: InformerSource<T>, opts: InformerOptions<T> = {}) {
    this.#clock = opts.clock ?? realClock;
    this.#log = opts.logger ?? nullLogger;
    this.#store = new Store<T>(opts.indexers);
    this.#handlers = new HandlerSet<T>(this.#log);
    this.#transform = opts.transform ?? stripManagedFields;
    this.#resyncMs = opts.resyncMs ?? 30_000;
    const lw = 'listerWatcher' in source ? source.listerWatcher : kubeListerWatcher<T>(source.client, source.selection);
    this.#reflector = new Reflector<T>(lw, { replace: (items) => this.#replace(items), apply: (ev) => this.#apply(ev) }, { ...opts, clock: this.#clock, logger: this.#log });
  }

  /** The cache (read-only view). */
  get cache(): CacheReader<T> {
    return this.#store;
  }

  /** List/watch counters. */
  get stats(): Readonly<ReflectorStats> {
    return this.#reflector.stats;
  }

  /** The last resourceVersion the informer has seen. */
  get resourceVersion(): string {
    return this.#reflector.resourceVersion;
  }

  /** Starts listing and watching (idempotent; no-op after `stop()`). */
  start(): void {
    if (this.#running !== undefined || this.#stopped) return;
    this.#running = this.#reflector.run();
    this.#scheduleResync();
  }

  /** True once the first full list is in the cache and its add events were delivered. */
  hasSynced(): boolean {
    return this.#synced;
  }

  /** Resolves true once synced; false if the informer is stopped or `signal` aborts first. */
  waitForSync(signal?: AbortSignal): Promise<boolean> {
    if (this.#synced) return Promise.resolve(true);
    if (this.#stopped || signal?.aborted === true) return Promise.resolve(false);
    return new Promise((resolve) => {
      const done = (synced: boolean): void => {
        this.#syncWaiters.delete(done);
        signal?.removeEventListener('abort', onAbort);
        resolve(synced);
      };
      const onAbort = (): void => done(false);
      this.#syncWaiters.add(done);
      signal?.addEventListener('abort', onAbort);
    });
  }

  /** Registers a handler; objects already cached are delivered to it at once as adds. */
  addEventHandler(handler: EventHandler<T>): HandlerRegistration {
    const reg = this.#handlers.add(handler);
    if (this.#synced) {
      const one = new HandlerSet<T>(this.#log);
      one.add(handler);
      for (const obj of this.#store.list()) one.added(obj, true);
    }
    return reg;
  }

  /**
   * Stops the watch (aborted at once) and the resync; resolves when the loop has ended (an
   * in-flight list page is not cancellable and is awaited). Cached objects stay readable.
   */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#resyncTimer?.cancel();
    this.#reflector.stop();
    for (const w of [...this.#syncWaiters]) w(false);
    await this.#running;
  }

  #replace(items: readonly T[]): void {
    const initial = !this.#synced;
    const seen = new Set<string>();
    for (const raw of items) {
      const obj = this.#transform(raw);
      const key = objectKey(obj);
      seen.add(key);
      const old = this.#store.upsert(obj);
      if (old === undefined) this.#handlers.added(obj, initial);
      else if (old.metadata.resourceVersion !== obj.metadata.resourceVersion) this.#handlers.updated(old, obj);
    }
    for (const key of this.#store.keys()) {
      if (seen.has(key)) continue;
      const gone = this.#store.delete(key);
      if (gone !== undefined) this.#handlers.deleted(gone, true);
    }
    if (initial) this.#markSynced();
  }

  #apply(ev: WatchEvent<T>): void {
    const obj = this.#transform(ev.object);
    if (ev.type === 'DELETED') {
      if (this.#store.delete(objectKey(obj)) !== undefined) this.#handlers.deleted(obj, false);
      return;
    }
    const old = this.#store.upsert(obj);
    if (old === undefined) this.#handlers.added(obj, false);
    else if (old.metadata.resourceVersion !== obj.metadata.resourceVersion) this.#handlers.updated(old, obj);
  }

  #markSynced(): void {
    this.#synced = true;
    for (const w of [...this.#syncWaiters]) w(true);
    this.#log.debug('informer synced', { objects: this.#store.size, resourceVersion: this.#reflector.resourceVersion });
  }

  #scheduleResync(): void {
    if (this.#resyncMs <= 0 || this.#stopped) return;
    this.#resyncTimer = this.#clock.after(this.#resyncMs, () => {
      if (this.#stopped) return;
      if (this.#synced) for (const obj of this.#store.list()) this.#handlers.updated(obj, obj);
      this.#scheduleResync();
    });
  }
}
