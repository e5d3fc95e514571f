/** An in-memory ListerWatcher for informer unit tests: scripted list pages and controllable watches. */
import type { WatchEvent } from '../../../../runtime-kit/client/watch-stream.ts';
import type { ListPage, ListerWatcher } from '../../../../runtime-kit/informer/list-watch.ts';
import type { KubeObject } from '../../../../runtime-kit/informer/object.ts';
import { objectKey } from '../../../../runtime-kit/informer/object.ts';

/** A watch the test drives: push events, end it cleanly, or fail it. */
export class FakeWatch<T> implements AsyncIterable<WatchEvent<T>> {
  readonly #queue: Array<{ ev?: WatchEvent<T>; end?: true; err?: unknown }> = [];
  #wake: (() => void) | undefined;
  readonly signal: AbortSignal;
  readonly opts: { resourceVersion: string; timeoutSeconds: number };

  constructor(opts: { resourceVersion: string; timeoutSeconds: number }, signal: AbortSignal) {
    this.opts = opts;
    this.signal = signal;
    signal.addEventListener('abort', () => this.#wake?.());
  }
  push(ev: WatchEvent<T>): void {
    this.#queue.push({ ev });
    this.#wake?.();
  }
  end(): void {
    this.#queue.push({ end: true });
    this.#wake?.();
  }
  fail(err: unknown): void {
    this.#queue.push({ err });
    this.#wake?.();
  }
  async *[Symbol.asyncIterator](): AsyncGenerator<WatchEvent<T>> {
    for (;;) {
      if (this.signal.aborted) return;
      const next = this.#queue.shift();
      if (next === undefined) {
        await new Promise<void>((r) => (this.#wake = r));
        continue;
      }
      if (next.err !== undefined) throw next.err;
      if (next.end) return;
      if (next.ev) yield next.ev;
    }
  }
}

/** A fake API for one resource type: `objects` is the server state; `rv` its version counter. */
export class FakeSource<T extends KubeObject> implements ListerWatcher<T> {
  readonly objects = new Map<string, T>();
  rv = 100;
  readonly lists: Array<{ limit: number; continue?: string }> = [];
  readonly watches: FakeWatch<T>[] = [];
  /** Errors thrown by the next list calls (in order). */
  readonly listErrors: unknown[] = [];
  /** Errors thrown when opening the next watches (in order); `undefined` entries open normally. */
  readonly watchErrors: unknown[] = [];

  /** Sets an object (bumping its resourceVersion) and returns the stored copy. */
  put(obj: T): T {
    const stored = { ...obj, metadata: { ...obj.metadata, resourceVersion: String(++this.rv) } } as T;
    this.objects.set(objectKey(stored), stored);
    return stored;
  }

  async list(opts: { limit: number; continue?: string }): Promise<ListPage<T>> {
    this.lists.push(opts);
    const err = this.listErrors.shift();
    if (err !== undefined) throw err;
    const all = [...this.objects.values()].sort((a, b) => objectKey(a).localeCompare(objectKey(b)));
    const start = opts.continue === undefined ? 0 : Number(opts.continue.split(':')[1]);
    const rv = opts.continue === undefined ? String(this.rv) : (opts.continue.split(':')[0] ?? '');
    const end = opts.limit > 0 ? start + opts.limit : all.length;
    return { items: all.slice(start, end), resourceVersion: rv, continue: end < all.length ? `${rv}:${end}` : undefined };
  }

  watch(opts: { resourceVersion: string; timeoutSeconds: number }, signal: AbortSignal): AsyncIterable<WatchEvent<T>> {
    const w = new FakeWatch<T>(opts, signal);
    this.watches.push(w);
    const err = this.watchErrors.shift();
    if (err !== undefined) w.fail(err);
    return w;
  }

  /** The most recent watch. */
  get watch0(): FakeWatch<T> {
    const w = this.watches.at(-1);
    if (w === undefined) throw new Error('no watch opened yet');
    return w;
  }
}

export interface Obj extends KubeObject {
  data?: Record<string, string>;
}

export function obj(name: string, extra: Partial<Obj['metadata']> = {}, data?: Record<string, string>): Obj {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'ns', ...extra }, ...(data ? { data } : {}) };
}
