/**
 * What the harness needs from the outside world, as small interfaces: the API writer (a
 * subset of KubeClient), a reader of live objects (an informer cache, or the API), an event
 * sink, and the kind table of the children it manages. Tests pass fakes; the operator passes
 * the real client and caches.
 */
import type { ApplyOptions, DeleteOptions } from '../client/rest.ts';
import type { ResourceRef } from '../client/paths.ts';
import type { KubeObjectLike, ObjectRef } from './desired.ts';

/** The writes (and fallback reads) the harness makes. `KubeClient` satisfies it. */
export interface ApiWriter {
  get<T>(ref: ResourceRef): Promise<T>;
  create<T>(ref: ResourceRef, obj: unknown): Promise<T>;
  apply<T>(ref: ResourceRef, obj: unknown, opts: ApplyOptions): Promise<T>;
  mergePatch<T>(ref: ResourceRef, patch: unknown): Promise<T>;
  delete<T = unknown>(ref: ResourceRef, opts?: DeleteOptions): Promise<T>;
}

/** Reads live objects, from a cache when there is one. */
export interface LiveReader {
  /** The live object, or undefined when it does not exist. */
  get(ref: ObjectRef): Promise<KubeObjectLike | undefined>;
  /** Live objects of `kinds` whose ownerReferences name `ownerUid`. */
  ownedBy(ownerUid: string, namespace: string | undefined, kinds: readonly KindInfo[]): Promise<KubeObjectLike[]>;
}

/** Records Kubernetes Events about a CR. */
export interface EventSink {
  emit(about: KubeObjectLike, type: 'Normal' | 'Warning', reason: string, message: string): void;
}

/** REST identity of a kind (from ork's child-kind table or the Katalog's CRDs: no discovery). */
export interface KindInfo {
  readonly apiVersion: string;
  readonly kind: string;
  readonly plural: string;
  readonly namespaced: boolean;
}

/** `apps/v1` → [`apps`, `v1`]; `v1` (the core group) → [``, `v1`]. */
export function splitApiVersion(apiVersion: string): [group: string, version: string] {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? ['', apiVersion] : [apiVersion.slice(0, slash), apiVersion.slice(slash + 1)];
}

/** The ResourceRef of an object of a known kind. */
export function refOf(kinds: readonly KindInfo[], o: ObjectRef, subresource?: string): ResourceRef {
  const k = kinds.find((x) => x.apiVersion === o.apiVersion && x.kind === o.kind);
  if (!k) throw new Error(`kind ${o.apiVersion} ${o.kind} is not in the operator's kind table`);
  const [group, version] = splitApiVersion(k.apiVersion);
  return {
    group,
    version,
    plural: k.plural,
    ...(k.namespaced && o.namespace ? { namespace: o.namespace } : {}),
    name: o.name,
    ...(subresource ? { subresource } : {}),
  };
}
