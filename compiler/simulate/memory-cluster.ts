/**
 * The cluster of `ork simulate`: an in-memory object store that the real reconcile harness
 * reads and writes through the same ports as the operator (ApiWriter, LiveReader, EventSink).
 * It keeps just enough API-server behaviour for a faithful preview — uids, resourceVersions,
 * `metadata.generation` bumped on spec changes, finalizers holding a deletion, status as a
 * subresource, server-side apply that keeps what other managers set (lists atomic) — and records every write as an op and
 * every API verb used, so simulate can show what the operator would do and which RBAC it needs.
 */
import type { ApplyOptions, DeleteOptions } from '../../runtime-kit/client/rest.ts';
import type { ResourceRef } from '../../runtime-kit/client/paths.ts';
import { NotFoundError } from '../../runtime-kit/client/errors.ts';
import type { KubeObjectLike, ObjectRef } from '../../runtime-kit/reconcile/desired.ts';
import type { ApiWriter, EventSink, KindInfo, LiveReader } from '../../runtime-kit/reconcile/ports.ts';
import { splitApiVersion } from '../../runtime-kit/reconcile/ports.ts';
import { deepEqual } from '../../runtime-kit/reconcile/conditions.ts';

type Obj = Record<string, unknown> & { apiVersion: string; kind: string; metadata: Record<string, unknown> };

/** One change the operator made: `+ created`, `~ updated`, `- deleted`. */
export interface Op {
  readonly op: 'created' | 'updated' | 'deleted';
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
  /** What changed for updates (`spec`, `status`, `finalizers`, ...), or why a delete happened. */
  readonly detail?: string;
}

/** A Kubernetes Event the operator would record. */
export interface SimEvent {
  readonly type: string;
  readonly reason: string;
  readonly message: string;
  readonly about: string;
}

/** One API verb on one resource (`apps`, `deployments`, `create`). */
export interface VerbUse {
  readonly apiGroup: string;
  readonly resource: string;
  readonly verb: string;
}

/** The in-memory cluster; `kinds` is the operator's kind table (CRD kind and child kinds). */
export class MemoryCluster implements ApiWriter, LiveReader, EventSink {
  readonly kinds: readonly KindInfo[];
  #objects = new Map<string, Obj>();
  #ops: Op[] = [];
  #events: SimEvent[] = [];
  #verbs = new Map<string, VerbUse>();
  /** Object key → field manager → the object it last applied (what it owns). */
  #applied = new Map<string, Map<string, Obj>>();
  #rv = 1;
  #uid = 1;
  readonly #now: () => string;

  constructor(kinds: readonly KindInfo[], now: () => string) {
    this.kinds = kinds;
    this.#now = now;
  }

  /**
   * Puts an object as a user would (`kubectl apply` of the whole object, or an edit of a stored
   * copy: the generation goes up when its content changed): not recorded as an operator op.
   */
  seed(o: KubeObjectLike): KubeObjectLike {
    const obj = clone(o) as unknown as Obj;
    this.#store(this.#stamp(obj, this.#objects.get(keyOf(toRef(obj)))));
    return this.find(toRef(obj))!;
  }

  /** The stored object (a copy), or undefined. */
  find(ref: ObjectRef): KubeObjectLike | undefined {
    const o = this.#objects.get(keyOf(ref));
    return o ? (clone(o) as unknown as KubeObjectLike) : undefined;
  }

  /** Every stored object (copies), in creation order. */
  list(): KubeObjectLike[] {
    return [...this.#objects.values()].map((o) => clone(o) as unknown as KubeObjectLike);
  }

  /** Ops recorded since the last call (and forgets them). */
  takeOps(): Op[] {
    return this.#ops.splice(0);
  }

  /** Events recorded since the last call (and forgets them). */
  takeEvents(): SimEvent[] {
    return this.#events.splice(0);
  }

  /** Every verb used so far, sorted by group, resource, verb. */
  verbsUsed(): VerbUse[] {
    return [...this.#verbs.values()].sort((a, b) => a.apiGroup.localeCompare(b.apiGroup) || a.resource.localeCompare(b.resource) || a.verb.localeCompare(b.verb));
  }

  /** Replaces an object's status as a controller of the world would (not an operator op). */
  setStatus(ref: ObjectRef, status: Record<string, unknown>): void {
    const o = this.#objects.get(keyOf(ref));
    if (o) this.#store({ ...o, status, metadata: { ...o.metadata, resourceVersion: String(this.#rv++) } });
  }

  /**
   * The user deletes an object: with finalizers it gets a deletionTimestamp and stays;
   * without, it goes, and the garbage collector removes what it owned (recorded as deletes).
   */
  userDelete(ref: ObjectRef): void {
    const o = this.#objects.get(keyOf(ref));
    if (!o) return;
    if (((o.metadata['finalizers'] as string[] | undefined) ?? []).length > 0) {
      this.#store({ ...o, metadata: { ...o.metadata, deletionTimestamp: this.#now(), resourceVersion: String(this.#rv++) } });
      return;
    }
    this.#remove(o, 'no finalizer');
  }

  // ── LiveReader (the operator reads from informer caches: list + watch) ──────────────────

  async get(refOrObj: ResourceRef | ObjectRef): Promise<any> {
    if ('plural' in refOrObj) {
      this.#use(refOrObj.group, refOrObj.plural, 'get');
      const o = this.#objects.get(keyOf({ ...this.#kindOf(refOrObj), name: refOrObj.name ?? '', ...(refOrObj.namespace ? { namespace: refOrObj.namespace } : {}) }));
      if (!o) throw notFound(refOrObj.name ?? '');
      return clone(o);
    }
    this.#useCache(refOrObj);
    return this.find(refOrObj);
  }

  async ownedBy(ownerUid: string, _namespace: string | undefined, kinds: readonly KindInfo[]): Promise<KubeObjectLike[]> {
    for (const k of kinds) this.#useCache(k);
    return this.list().filter((o) => kinds.some((k) => k.apiVersion === o.apiVersion && k.kind === o.kind) && (o.metadata.ownerReferences ?? []).some((r) => r.uid === ownerUid));
  }

  // ── ApiWriter ───────────────────────────────────────────────────────────────────────────

  async create<T>(ref: ResourceRef, obj: unknown): Promise<T> {
    this.#use(ref.group, ref.plural, 'create');
    const o = clone(obj) as Obj;
    const key = keyOf(toRef(o));
    if (this.#objects.has(key)) throw new Error(`${String(o['kind'])} ${String(o.metadata['name'])} already exists`);
    this.#store(this.#stamp(o, undefined));
    this.#record('created', o);
    return clone(this.#objects.get(key)) as T;
  }

  async apply<T>(ref: ResourceRef, obj: unknown, opts: ApplyOptions): Promise<T> {
    this.#use(ref.group, ref.plural, 'patch');
    const o = clone(obj) as Obj;
    const key = keyOf(toRef(o));
    const prev = this.#objects.get(key);
    // Server-side apply: the manager owns what it sent; fields it sent last time and leaves out
    // now are removed, fields other managers set (a user's spec, finalizers) stay.
    const manager = opts.fieldManager ?? '';
    const owned = this.#applied.get(key) ?? new Map<string, Obj>();
    const base = prev === undefined ? {} : prune(clone(prev), owned.get(manager) ?? {}, o);
    const merged = applyOver(base, o) as Obj;
    const next = this.#stamp({ ...merged, ...(prev?.['status'] !== undefined ? { status: prev['status'] } : {}) }, prev);
    owned.set(manager, clone(o));
    this.#applied.set(key, owned);
    this.#store(next);
    if (!prev) this.#record('created', next);
    else this.#record('updated', next, changedParts(prev, next).join(', ') || 'unchanged');
    return clone(next) as T;
  }

  async mergePatch<T>(ref: ResourceRef, patch: unknown): Promise<T> {
    this.#use(ref.group, ref.subresource ? `${ref.plural}/${ref.subresource}` : ref.plural, 'patch');
    const k = this.#kindOf(ref);
    const key = keyOf({ ...k, name: ref.name ?? '', ...(ref.namespace ? { namespace: ref.namespace } : {}) });
    const prev = this.#objects.get(key);
    if (!prev) throw notFound(ref.name ?? '');
    const p = clone(patch) as Record<string, unknown>;
    const merged = mergePatch(prev, ref.subresource === 'status' ? { status: p['status'] } : { ...p, status: undefined }) as Obj;
    const next = ref.subresource === 'status' ? merged : { ...merged, ...(prev['status'] !== undefined ? { status: prev['status'] } : {}) };
    delete next.metadata['resourceVersion'];
    const stamped = this.#stamp(next, prev);
    const parts = changedParts(prev, stamped);
    if (parts.length === 0) return clone(prev) as T;
    this.#store(stamped);
    this.#record('updated', stamped, parts.join(', '));
    if (stamped.metadata['deletionTimestamp'] && ((stamped.metadata['finalizers'] as string[] | undefined) ?? []).length === 0) this.#remove(stamped, 'finalizers released');
    return clone(stamped) as T;
  }

  async delete<T = unknown>(ref: ResourceRef, opts?: DeleteOptions): Promise<T> {
    this.#use(ref.group, ref.plural, 'delete');
    const k = this.#kindOf(ref);
    const o = this.#objects.get(keyOf({ ...k, name: ref.name ?? '', ...(ref.namespace ? { namespace: ref.namespace } : {}) }));
    if (!o) throw notFound(ref.name ?? '');
    this.#remove(o, opts?.propagationPolicy === 'Foreground' ? 'deletion stage' : 'pruned');
    return undefined as T;
  }

  // ── EventSink ───────────────────────────────────────────────────────────────────────────

  emit(about: KubeObjectLike, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.#use('', 'events', 'create');
    this.#events.push({ type, reason, message, about: `${about.kind} ${nameOf(about.metadata)}` });
  }

  // ── internals ───────────────────────────────────────────────────────────────────────────

  #kindOf(ref: ResourceRef): KindInfo {
    const apiVersion = ref.group ? `${ref.group}/${ref.version}` : ref.version;
    const k = this.kinds.find((x) => x.apiVersion === apiVersion && x.plural === ref.plural);
    if (!k) throw new Error(`${apiVersion} ${ref.plural} is not in the operator's kind table`);
    return k;
  }

  #use(apiGroup: string, resource: string, verb: string): void {
    this.#verbs.set(`${apiGroup}|${resource}|${verb}`, { apiGroup, resource, verb });
  }

  /** A cache read: the operator's informer lists and watches the kind. */
  #useCache(ref: { apiVersion: string; kind: string }): void {
    const k = this.kinds.find((x) => x.apiVersion === ref.apiVersion && x.kind === ref.kind);
    if (!k) return;
    const [group] = splitApiVersion(k.apiVersion);
    for (const verb of ['list', 'watch']) this.#use(group, k.plural, verb);
  }

  /** Server-set metadata: uid and creationTimestamp kept, generation bumped on content changes. */
  #stamp(o: Obj, prev: Obj | undefined): Obj {
    const generation = prev === undefined ? 1 : (prev.metadata['generation'] as number) + (deepEqual(content(o), content(prev)) ? 0 : 1);
    return {
      ...o,
      metadata: {
        ...o.metadata,
        uid: prev?.metadata['uid'] ?? o.metadata['uid'] ?? `00000000-0000-4000-8000-${String(this.#uid++).padStart(12, '0')}`,
        creationTimestamp: prev?.metadata['creationTimestamp'] ?? this.#now(),
        generation,
        resourceVersion: String(this.#rv++),
      },
    };
  }

  #store(o: Obj): void {
    this.#objects.set(keyOf(toRef(o)), o);
  }

  #remove(o: Obj, why: string): void {
    this.#objects.delete(keyOf(toRef(o)));
    this.#applied.delete(keyOf(toRef(o)));
    this.#record('deleted', o, why);
    // The garbage collector: objects owned by the removed one go too.
    const uid = o.metadata['uid'];
    for (const child of [...this.#objects.values()]) {
      const refs = (child.metadata['ownerReferences'] as Array<{ uid: string }> | undefined) ?? [];
      if (refs.some((r) => r.uid === uid)) this.#remove(child, 'garbage collected');
    }
  }

  #record(op: Op['op'], o: Obj, detail?: string): void {
    const ns = o.metadata['namespace'] as string | undefined;
    this.#ops.push({ op, kind: String(o['kind']), name: String(o.metadata['name']), ...(ns ? { namespace: ns } : {}), ...(detail ? { detail } : {}) });
  }
}

/** What differs between two versions of an object: `spec` (content), `status`, `finalizers`, `labels`, ... */
function changedParts(prev: Obj, next: Obj): string[] {
  const out: string[] = [];
  if (!deepEqual(content(prev), content(next))) out.push('spec');
  if (!deepEqual(prev['status'], next['status'])) out.push('status');
  for (const m of ['finalizers', 'labels', 'annotations', 'ownerReferences']) if (!deepEqual(prev.metadata[m], next.metadata[m])) out.push(m);
  return out;
}

/** Everything but metadata and status: what `metadata.generation` tracks. */
function content(o: Obj): Record<string, unknown> {
  const { metadata: _m, status: _s, ...rest } = o;
  return rest;
}

const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Removes from `live` the fields `before` (a manager's last apply) had and `now` (its new apply) lacks; maps recurse, the rest is atomic. */
function prune(live: Record<string, unknown>, before: Record<string, unknown>, now: Record<string, unknown>): Record<string, unknown> {
  for (const [k, v] of Object.entries(before)) {
    if (!(k in now)) delete live[k];
    else if (isMap(v) && isMap(now[k]) && isMap(live[k])) prune(live[k], v, now[k]);
  }
  return live;
}

/** `applied` laid over `live`: maps merge key by key, lists and scalars replace. */
function applyOver(live: unknown, applied: unknown): unknown {
  if (!isMap(applied) || !isMap(live)) return applied;
  const out: Record<string, unknown> = { ...live };
  for (const [k, v] of Object.entries(applied)) out[k] = applyOver(live[k], v);
  return out;
}

/** RFC 7386 JSON merge patch. */
function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> = target !== null && typeof target === 'object' && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else if (v !== undefined) out[k] = mergePatch(out[k], v);
  }
  return out;
}

function notFound(name: string): NotFoundError {
  return new NotFoundError(404, { reason: 'NotFound', message: `${name} not found` });
}

function toRef(o: { apiVersion: unknown; kind: unknown; metadata: Record<string, unknown> }): ObjectRef {
  const ns = o.metadata['namespace'] as string | undefined;
  return { apiVersion: String(o.apiVersion), kind: String(o.kind), name: String(o.metadata['name']), ...(ns ? { namespace: ns } : {}) };
}

function keyOf(r: { apiVersion: string; kind: string; name: string; namespace?: string }): string {
  return `${r.apiVersion}|${r.kind}|${r.namespace ?? ''}|${r.name}`;
}

function nameOf(m: { name: string; namespace?: string }): string {
  return m.namespace ? `${m.namespace}/${m.name}` : m.name;
}

function clone<T>(v: T): T {
  return structuredClone(v);
}
