/**
 * The harness's view of the cluster, read from the informer caches: a CR or child by
 * reference, and the children owned by a CR (the owner index). No API calls for reads.
 */
import type { Informer } from '../informer/informer.ts';
import type { KubeObject as InformerObject } from '../informer/object.ts';
import type { KindInfo, KubeObjectLike, LiveReader, ObjectRef } from '../reconcile/index.ts';

/** Informers by `apiVersion|kind`. */
export type InformersByKind = ReadonlyMap<string, Informer<InformerObject>>;

/** The key of a kind in an InformersByKind map. */
export function kindKey(apiVersion: string, kind: string): string {
  return `${apiVersion}|${kind}`;
}

/** A LiveReader over informer caches. */
export function cacheReader(informers: InformersByKind): LiveReader {
  return {
    async get(ref: ObjectRef): Promise<KubeObjectLike | undefined> {
      const inf = informers.get(kindKey(ref.apiVersion, ref.kind));
      if (!inf) return undefined;
      const key = ref.namespace ? `${ref.namespace}/${ref.name}` : ref.name;
      return inf.cache.get(key) as unknown as KubeObjectLike | undefined;
    },
    async ownedBy(uid: string, _namespace: string | undefined, kinds: readonly KindInfo[]): Promise<KubeObjectLike[]> {
      const out: KubeObjectLike[] = [];
      for (const k of kinds) {
        const inf = informers.get(kindKey(k.apiVersion, k.kind));
        if (inf) out.push(...(inf.cache.byOwner(uid) as unknown as KubeObjectLike[]));
      }
      return out;
    },
  };
}
