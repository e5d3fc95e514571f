/**
 * Where an informer's objects come from: a paginated list and a watch, for one resource type
 * (optionally one namespace, label and field selectors). `kubeListerWatcher` talks to the API
 * server through `KubeClient`; tests substitute an in-memory source.
 */
import type { KubeClient } from '../client/rest.ts';
import type { ResourceRef } from '../client/paths.ts';
import { isGone } from '../client/errors.ts';
import type { WatchEvent } from '../client/watch-stream.ts';
import { watchEvents } from '../client/watch-stream.ts';
import type { KubeObject } from './object.ts';

/** One page of a list. `continue` is set when more pages follow. */
export interface ListPage<T> {
  readonly items: readonly T[];
  readonly resourceVersion: string;
  readonly continue?: string;
}

/** The two calls an informer makes. */
export interface ListerWatcher<T> {
  /** One list page; `limit` 0 means unpaginated. */
  list(opts: { readonly limit: number; readonly continue?: string }): Promise<ListPage<T>>;
  /** Events after `resourceVersion` until the server ends the stream or `signal` aborts. */
  watch(opts: { readonly resourceVersion: string; readonly timeoutSeconds: number }, signal: AbortSignal): AsyncIterable<WatchEvent<T>>;
}

/** Which objects of a resource type an informer covers. */
export interface Selection {
  /** Group, version, plural; `namespace` limits to one namespace (omit for all). `name` is ignored. */
  readonly ref: ResourceRef;
  readonly labelSelector?: string;
  readonly fieldSelector?: string;
}

interface ListBody<T> {
  readonly kind?: string;
  readonly apiVersion?: string;
  readonly metadata?: { readonly resourceVersion?: string; readonly continue?: string };
  readonly items?: readonly T[];
}

/** A `ListerWatcher` over the API server. List items get `apiVersion`/`kind` filled in (lists omit them). */
export function kubeListerWatcher<T extends KubeObject>(client: KubeClient, sel: Selection): ListerWatcher<T> {
  const ref: ResourceRef = { ...sel.ref, name: undefined, subresource: undefined };
  return {
    async list(opts) {
      const body = await client.list<ListBody<T>>(ref, {
        labelSelector: sel.labelSelector,
        fieldSelector: sel.fieldSelector,
        limit: opts.limit > 0 ? opts.limit : undefined,
        continue: opts.continue,
      });
      const kind = body.kind?.endsWith('List') === true ? body.kind.slice(0, -4) : undefined;
      const items = (body.items ?? []).map((i) => (i.kind === undefined && kind !== undefined ? { apiVersion: body.apiVersion, kind, ...i } : i));
      const cont = body.metadata?.continue;
      return { items, resourceVersion: body.metadata?.resourceVersion ?? '', continue: cont === '' ? undefined : cont };
    },
    watch(opts, signal) {
      return watchEvents<T>(client, ref, { ...opts, labelSelector: sel.labelSelector, fieldSelector: sel.fieldSelector, allowWatchBookmarks: true }, signal);
    },
  };
}

/** A full list: every item and the resourceVersion of the snapshot the pages belong to. */
export interface FullList<T> {
  readonly items: T[];
  readonly resourceVersion: string;
  readonly pages: number;
}

/**
 * Lists everything in pages of `pageSize` (0 = one unpaginated request). When a continue token has
 * expired (410 mid-way), starts over with one unpaginated list, as client-go's pager does.
 */
export async function listAll<T>(lw: ListerWatcher<T>, pageSize: number): Promise<FullList<T>> {
  const items: T[] = [];
  let page = await lw.list({ limit: pageSize });
  let pages = 1;
  const resourceVersion = page.resourceVersion;
  items.push(...page.items);
  while (page.continue !== undefined) {
    try {
      page = await lw.list({ limit: pageSize, continue: page.continue });
    } catch (err) {
      if (!isGone(err)) throw err;
      const full = await lw.list({ limit: 0 });
      return { items: [...full.items], resourceVersion: full.resourceVersion, pages: pages + 1 };
    }
    pages++;
    items.push(...page.items);
  }
  return { items, resourceVersion, pages };
}
