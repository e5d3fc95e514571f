/**
 * The cluster of the harness unit tests: `ork simulate`'s in-memory cluster
 * (compiler/simulate/memory-cluster.ts) with every write call the operator sends recorded as a
 * line — `create|apply|patch|delete <Kind>/<name>[/<subresource>]` — so a test can assert that a
 * reconcile with nothing to do sends nothing at all (MemoryCluster's own ops leave out a patch
 * that changes nothing). Failure injection stays in the tests: they replace a method
 * (`cluster.apply = async () => { throw … }`).
 */
import type { ResourceRef } from '../../../../runtime-kit/client/paths.ts';
import type { ApplyOptions, DeleteOptions } from '../../../../runtime-kit/client/rest.ts';
import type { Clock } from '../../../../runtime-kit/clock.ts';
import type { KindInfo } from '../../../../runtime-kit/reconcile/ports.ts';
import { MemoryCluster } from '../../../../compiler/simulate/memory-cluster.ts';

/** A MemoryCluster that records the write calls it receives. */
export class RecordedCluster extends MemoryCluster {
  /** Every write call so far, in order (tests may clear it with `writes.length = 0`). */
  readonly writes: string[] = [];

  /** `clock` sets creation and deletion timestamps. */
  constructor(kinds: readonly KindInfo[], clock: Clock) {
    super(kinds, () => new Date(clock.now()).toISOString());
  }

  /** The stored object of `kind` named `name` (a copy, loosely typed for assertions), or undefined. */
  named(kind: string, name: string): Record<string, any> | undefined {
    return this.list().find((o) => o.kind === kind && o.metadata.name === name);
  }

  override create<T>(ref: ResourceRef, obj: unknown): Promise<T> {
    this.#record('create', ref, (obj as { metadata: { name: string } }).metadata.name);
    return super.create<T>(ref, obj);
  }

  override apply<T>(ref: ResourceRef, obj: unknown, opts: ApplyOptions): Promise<T> {
    this.#record('apply', ref);
    return super.apply<T>(ref, obj, opts);
  }

  override mergePatch<T>(ref: ResourceRef, patch: unknown): Promise<T> {
    this.#record('patch', ref);
    return super.mergePatch<T>(ref, patch);
  }

  override delete<T = unknown>(ref: ResourceRef, opts?: DeleteOptions): Promise<T> {
    this.#record('delete', ref);
    return super.delete<T>(ref, opts);
  }

  #record(verb: string, ref: ResourceRef, name = ref.name ?? ''): void {
    const apiVersion = ref.group ? `${ref.group}/${ref.version}` : ref.version;
    const kind = this.kinds.find((k) => k.apiVersion === apiVersion && k.plural === ref.plural)?.kind ?? ref.plural;
    this.writes.push(`${verb} ${kind}/${name}${ref.subresource ? `/${ref.subresource}` : ''}`);
  }
}
