/**
 * The informer's in-memory cache: objects by key (`ns/name`) plus secondary indexes kept in step
 * on every write. Built-in indexes: by namespace, by label (`key=value`), and by owner UID (from
 * `ownerReferences`, to map children to their owning custom resource). Callers may add their own.
 * Objects handed out are the cached instances: treat them as read-only.
 */
import type { KubeObject } from './object.ts';
import { objectKey } from './object.ts';

/** Computes the index values of one object (may be empty). */
export type IndexFunc<T> = (obj: T) => readonly string[];

/** Index name: by `metadata.namespace` ('' for cluster-scoped). */
export const NAMESPACE_INDEX = 'namespace';
/** Index name: by label, values `key=value`. */
export const LABEL_INDEX = 'label';
/** Index name: by `metadata.ownerReferences[].uid`. */
export const OWNER_INDEX = 'owner';

/** The three built-in index functions. */
export function defaultIndexers<T extends KubeObject>(): Record<string, IndexFunc<T>> {
  return {
    [NAMESPACE_INDEX]: (o) => [o.metadata.namespace ?? ''],
    [LABEL_INDEX]: (o) => Object.entries(o.metadata.labels ?? {}).map(([k, v]) => `${k}=${v}`),
    [OWNER_INDEX]: (o) => (o.metadata.ownerReferences ?? []).map((r) => r.uid),
  };
}

export class Store<T extends KubeObject> {
  readonly #items = new Map<string, T>();
  readonly #indexers: ReadonlyMap<string, IndexFunc<T>>;
  /** index name → value → keys */
  readonly #indexes = new Map<string, Map<string, Set<string>>>();

  /** `extraIndexers` are added to the built-in ones (same name replaces a built-in). */
  constructor(extraIndexers: Readonly<Record<string, IndexFunc<T>>> = {}) {
    this.#indexers = new Map(Object.entries({ ...defaultIndexers<T>(), ...extraIndexers }));
    for (const name of this.#indexers.keys()) this.#indexes.set(name, new Map());
  }

  get size(): number {
    return this.#items.size;
  }

  get(key: string): T | undefined {
    return this.#items.get(key);
  }

  keys(): string[] {
    return [...this.#items.keys()];
  }

  list(): T[] {
    return [...this.#items.values()];
  }

  /** Inserts or replaces by key; returns the previous object. */
  upsert(obj: T): T | undefined {
    const key = objectKey(obj);
    const old = this.#items.get(key);
    if (old !== undefined) this.#unindex(key, old);
    this.#items.set(key, obj);
    this.#index(key, obj);
    return old;
  }

  /** Removes by key; returns the removed object. */
  delete(key: string): T | undefined {
    const old = this.#items.get(key);
    if (old === undefined) return undefined;
    this.#unindex(key, old);
    this.#items.delete(key);
    return old;
  }

  /** Objects whose index `name` has `value`; throws for an unknown index. */
  byIndex(name: string, value: string): T[] {
    const index = this.#indexes.get(name);
    if (index === undefined) throw new Error(`unknown cache index ${JSON.stringify(name)}`);
    return [...(index.get(value) ?? [])].map((k) => this.#items.get(k)).filter((o): o is T => o !== undefined);
  }

  /** Objects in namespace `ns`. */
  byNamespace(ns: string): T[] {
    return this.byIndex(NAMESPACE_INDEX, ns);
  }

  /** Objects owned (via `ownerReferences`) by the object with UID `uid`. */
  byOwner(uid: string): T[] {
    return this.byIndex(OWNER_INDEX, uid);
  }

  /** Objects carrying every label in `match` (an equality selector; `{}` matches all). */
  byLabels(match: Readonly<Record<string, string>>): T[] {
    const pairs = Object.entries(match);
    if (pairs.length === 0) return this.list();
    const sets = pairs.map(([k, v]) => this.#indexes.get(LABEL_INDEX)?.get(`${k}=${v}`) ?? new Set<string>());
    sets.sort((a, b) => a.size - b.size);
    const [smallest, ...others] = sets;
    const keys = [...(smallest ?? [])].filter((key) => others.every((s) => s.has(key)));
    return keys.map((k) => this.#items.get(k)).filter((o): o is T => o !== undefined);
  }

  #index(key: string, obj: T): void {
    for (const [name, fn] of this.#indexers) {
      const index = this.#indexes.get(name);
      if (index === undefined) continue;
      for (const value of fn(obj)) {
        let keys = index.get(value);
        if (keys === undefined) index.set(value, (keys = new Set()));
        keys.add(key);
      }
    }
  }

  #unindex(key: string, obj: T): void {
    for (const [name, fn] of this.#indexers) {
      const index = this.#indexes.get(name);
      if (index === undefined) continue;
      for (const value of fn(obj)) {
        const keys = index.get(value);
        keys?.delete(key);
        if (keys?.size === 0) index.delete(value);
      }
    }
  }
}
