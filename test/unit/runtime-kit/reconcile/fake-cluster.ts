/** An in-memory cluster for harness unit tests: stores objects, records every write. */
import type { ResourceRef } from '../../../../runtime-kit/client/paths.ts';
import type { KubeObjectLike, ObjectRef } from '../../../../runtime-kit/reconcile/desired.ts';
import type { ApiWriter, EventSink, KindInfo, LiveReader } from '../../../../runtime-kit/reconcile/ports.ts';
import { NotFoundError } from '../../../../runtime-kit/client/errors.ts';

type Obj = Record<string, any>;

export class FakeCluster implements ApiWriter, LiveReader, EventSink {
  readonly objects = new Map<string, Obj>();
  readonly writes: string[] = [];
  readonly events: string[] = [];
  #rv = 1;
  readonly kinds: readonly KindInfo[];
  constructor(kinds: readonly KindInfo[]) {
    this.kinds = kinds;
  }

  #kindOf(ref: ResourceRef): KindInfo {
    const apiVersion = ref.group ? `${ref.group}/${ref.version}` : ref.version;
    const k = this.kinds.find((x) => x.apiVersion === apiVersion && x.plural === ref.plural);
    if (!k) throw new Error(`unknown ${apiVersion} ${ref.plural}`);
    return k;
  }
  #key(apiVersion: string, kind: string, ns: string | undefined, name: string): string {
    return `${apiVersion}|${kind}|${ns ?? ''}|${name}`;
  }
  put(o: Obj): void {
    this.objects.set(this.#key(o['apiVersion'], o['kind'], o['metadata']['namespace'], o['metadata']['name']), { ...o, metadata: { uid: `uid-${o['metadata']['name']}`, ...o['metadata'], resourceVersion: String(this.#rv++) } });
  }
  find(kind: string, name: string): Obj | undefined {
    return [...this.objects.values()].find((o) => o['kind'] === kind && o['metadata']['name'] === name);
  }

  async get<T>(refOrObj: ResourceRef | ObjectRef): Promise<any> {
    if ('plural' in refOrObj) {
      const k = this.#kindOf(refOrObj);
      const o = this.objects.get(this.#key(k.apiVersion, k.kind, refOrObj.namespace, refOrObj.name ?? ''));
      if (!o) throw new NotFoundError(404, { message: 'not found' });
      return o as T;
    }
    return this.objects.get(this.#key(refOrObj.apiVersion, refOrObj.kind, refOrObj.namespace, refOrObj.name)) as KubeObjectLike | undefined;
  }
  async ownedBy(uid: string): Promise<KubeObjectLike[]> {
    return [...this.objects.values()].filter((o) => (o['metadata']['ownerReferences'] ?? []).some((r: Obj) => r['uid'] === uid)) as KubeObjectLike[];
  }
  async create<T>(ref: ResourceRef, obj: unknown): Promise<T> {
    this.writes.push(`create ${(obj as Obj)['kind']}/${(obj as Obj)['metadata']['name']}`);
    this.put(obj as Obj);
    return obj as T;
  }
  async apply<T>(ref: ResourceRef, obj: unknown): Promise<T> {
    const o = obj as Obj;
    this.writes.push(`apply ${o['kind']}/${o['metadata']['name']}`);
    const k = this.#kindOf(ref);
    const prev = this.objects.get(this.#key(k.apiVersion, k.kind, ref.namespace, ref.name ?? ''));
    this.put({ ...prev, ...o, metadata: { ...prev?.['metadata'], ...o['metadata'] } });
    return obj as T;
  }
  async mergePatch<T>(ref: ResourceRef, patch: unknown): Promise<T> {
    const k = this.#kindOf(ref);
    const key = this.#key(k.apiVersion, k.kind, ref.namespace, ref.name ?? '');
    const o = this.objects.get(key);
    if (!o) throw new NotFoundError(404, { message: 'not found' });
    const p = patch as Obj;
    this.writes.push(`patch ${k.kind}/${ref.name}${ref.subresource ? `/${ref.subresource}` : ''}`);
    const next: Obj = ref.subresource === 'status' ? { ...o, status: { ...o['status'], ...p['status'] } } : { ...o, metadata: { ...o['metadata'], ...p['metadata'] } };
    this.put(next);
    if (next['metadata']['deletionTimestamp'] && (next['metadata']['finalizers'] ?? []).length === 0) this.objects.delete(key);
    return next as T;
  }
  async delete<T>(ref: ResourceRef): Promise<T> {
    const k = this.#kindOf(ref);
    const key = this.#key(k.apiVersion, k.kind, ref.namespace, ref.name ?? '');
    if (!this.objects.has(key)) throw new NotFoundError(404, { message: 'not found' });
    this.writes.push(`delete ${k.kind}/${ref.name}`);
    this.objects.delete(key);
    return undefined as T;
  }
  emit(about: KubeObjectLike, type: string, reason: string): void {
    this.events.push(`${type} ${reason} ${about.metadata.name}`);
  }
}
