/**
 * One CRD at run time: its queue (deduplicating, rate-limited), its workers running the
 * reconcile harness, its health record, and the event handlers that feed the queue — CR
 * events enqueue the CR; events of owned children enqueue their owner, which is how an
 * outside change to a child is corrected within moments (drift correction on the child's own
 * watch event, spec README §4 fix 7), with the informer resync as a safety net.
 */
import type { Clock } from '../clock.ts';
import type { Logger } from '../log/logger.ts';
import type { OperatorMetrics } from '../metrics/operator-metrics.ts';
import type { Informer } from '../informer/informer.ts';
import type { HandlerRegistration } from '../informer/handlers.ts';
import type { KubeObject as InformerObject } from '../informer/object.ts';
import { createWorkQueue } from '../queue/create.ts';
import { queueInstruments } from '../queue/instrument.ts';
import { OverflowParking } from '../queue/overflow.ts';
import type { RateLimitingQueue } from '../queue/rate-limiting.ts';
import { startWorkers, type WorkerPool } from '../queue/worker-pool.ts';
import { CrdHealth } from '../server/health.ts';
import { createHarness, type ApiWriter, type EventSink, type LiveReader } from '../reconcile/index.ts';
import type { CrdSpec } from './spec.ts';
import { kindKey, type InformersByKind } from './live-reader.ts';
import type { NotifyWiring } from './notify-wiring.ts';
import { namespaceGuard } from './namespace-guard.ts';

/** What a CrdRuntime needs from the operator. */
export interface CrdDeps {
  readonly api: ApiWriter;
  /** Child informers by kind (managed selector), read for children and the owner index. */
  readonly informers: InformersByKind;
  /** Each CRD's own CR informer (its namespace, labelSelector, fieldSelector), by CRD name. */
  readonly crInformers: ReadonlyMap<string, Informer<InformerObject>>;
  readonly live: LiveReader;
  readonly events: EventSink;
  readonly metrics: OperatorMetrics;
  readonly log: Logger;
  readonly clock: Clock;
  readonly fieldManager: string;
  readonly ork: Readonly<Record<string, unknown>>;
  /** Gateway notifications; absent when no Gateway endpoint is configured. */
  readonly notify?: NotifyWiring;
}

/** The queue key of an object: `namespace/name`, or `name` when cluster-scoped. */
export function keyOf(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

/** A CRD's queue, workers and health. */
export class CrdRuntime {
  readonly spec: CrdSpec;
  readonly health: CrdHealth;
  readonly #deps: CrdDeps;
  #queue: RateLimitingQueue<string>;
  /** Keys the full queue refused (maxDepth), offered again as soon as it has room. */
  #parking: OverflowParking<string>;
  #pool: WorkerPool | undefined;
  #registrations: HandlerRegistration[] = [];

  constructor(spec: CrdSpec, deps: CrdDeps) {
    this.spec = spec;
    this.#deps = deps;
    this.health = new CrdHealth({ failureThreshold: spec.failureThreshold, clock: deps.clock });
    this.#queue = this.#newQueue();
    this.#parking = new OverflowParking(this.#queue, spec.maxDepth);
  }

  /** The work queue of the current (or last) leadership term. */
  get queue(): RateLimitingQueue<string> {
    return this.#queue;
  }

  /**
   * A fresh queue. The observer counts adds, keeps ork_workqueue_depth current and makes a
   * maxDepth refusal visible (ork_workqueue_parked_total + a warn line); the refused key is parked, never dropped.
   */
  #newQueue(): RateLimitingQueue<string> {
    return createWorkQueue<string>({ maxDepth: this.spec.maxDepth, ...(this.spec.retryBackoff ? { retryBackoff: this.spec.retryBackoff } : {}), clock: this.#deps.clock, observer: queueInstruments(this.spec.name, this.#deps.metrics, this.#deps.log) });
  }

  /** True while workers run. */
  get running(): boolean {
    return this.#pool !== undefined;
  }

  /** The CR informer of this CRD. */
  crInformer(): Informer<InformerObject> | undefined {
    return this.#deps.crInformers.get(this.spec.name);
  }

  /** True when the CR informer and every child informer have listed once. */
  synced(): boolean {
    const children = this.spec.childKinds.map((k) => this.#deps.informers.get(kindKey(k.apiVersion, k.kind)));
    return [this.crInformer(), ...children].every((inf) => inf?.hasSynced() ?? false);
  }

  /**
   * Resolves once `synced()` holds (at once if it does); resolves false if an informer is
   * missing or stops, or `signal` aborts first.
   */
  async waitForSync(signal?: AbortSignal): Promise<boolean> {
    const children = this.spec.childKinds.map((k) => this.#deps.informers.get(kindKey(k.apiVersion, k.kind)));
    const all = [this.crInformer(), ...children].filter((inf): inf is Informer<InformerObject> => inf !== undefined);
    if (all.length !== children.length + 1) return false;
    const results = await Promise.all(all.map((inf) => inf.waitForSync(signal)));
    return results.every(Boolean);
  }

  /** The live reader of the harness: this CRD's CRs from its own informer, children from theirs. */
  #live(): LiveReader {
    const { kind } = this.spec;
    const base = this.#deps.live;
    return {
      get: async (ref) => {
        if (ref.apiVersion !== kind.apiVersion || ref.kind !== kind.kind) return base.get(ref);
        return this.crInformer()?.cache.get(keyOf(ref.namespace, ref.name)) as unknown as Awaited<ReturnType<LiveReader['get']>>;
      },
      ownedBy: (uid, ns, kinds) => base.ownedBy(uid, ns, kinds),
    };
  }

  /** Starts feeding the queue and the workers (on becoming leader). */
  start(): void {
    if (this.#pool) return;
    // stop() shut the last term's queue down for good: a replica leading again needs a new one
    // (its informer handlers replay every cached CR into it).
    if (this.#queue.shuttingDown()) {
      this.#queue = this.#newQueue();
      this.#parking = new OverflowParking(this.#queue, this.spec.maxDepth);
    }
    const { spec } = this;
    const log = this.#deps.log;
    const harness = createHarness({
      crdKind: spec.kind,
      kinds: [spec.kind, ...spec.childKinds],
      reconcile: this.#deps.notify ? this.#deps.notify.wrap(spec.reconcile) : spec.reconcile,
      api: this.#deps.api,
      live: this.#live(),
      events: this.#deps.events,
      finalizers: spec.finalizers,
      skipStatus: spec.skipStatus,
      fieldManager: this.#deps.fieldManager,
      clock: this.#deps.clock,
      log,
      ork: this.#deps.ork,
    });
    this.#watch();
    this.health.markStarted();
    this.#pool = startWorkers<string>({
      queue: this.queue,
      workers: spec.workers,
      idPrefix: spec.name,
      clock: this.#deps.clock,
      handler: async (key, ctx) => {
        const slash = key.indexOf('/');
        const [ns, name] = slash < 0 ? [undefined, key] : [key.slice(0, slash), key.slice(slash + 1)];
        const r = await harness(ns, name);
        if (r.kind === 'error') {
          log.warn('reconcile failed', { crd: spec.name, key, reconcileId: ctx.reconcileId, retries: ctx.retries, err: r.error.message });
          throw r.error;
        }
        if (r.kind === 'requeue') {
          log.debug('requeue', { crd: spec.name, key, reconcileId: ctx.reconcileId, afterMs: r.afterMs, reason: r.reason });
          return { requeueAfterMs: r.afterMs };
        }
        return {};
      },
      onResult: (report) => {
        const secs = report.durationMs / 1000;
        this.#deps.metrics.reconcile(spec.name, report.outcome, secs);
        if (report.outcome === 'error') this.health.recordFailure(report.error, spec.failureThreshold);
        else this.health.recordSuccess();
        this.#parking.readmit();
      },
      onActive: (busy) => this.#deps.metrics.workersActive(spec.name, busy),
    });
    log.info('crd workers started', { crd: spec.name, workers: spec.workers });
  }

  /** Stops taking work; in-flight reconciles finish within `drainMs`. Returns whether they all did. */
  async stop(drainMs: number): Promise<boolean> {
    for (const r of this.#registrations) r.remove();
    this.#registrations = [];
    const pool = this.#pool;
    this.#pool = undefined;
    this.health.markStopped();
    if (!pool) return true;
    const t0 = this.#deps.clock.now();
    this.#deps.log.info('crd workers stopping', { crd: this.spec.name, inFlight: pool.busy(), waiting: this.queue.len(), parked: this.#parking.size, drainMs });
    const drained = await pool.stop(drainMs);
    this.#deps.log.info('crd workers stopped', { crd: this.spec.name, drained, tookMs: this.#deps.clock.now() - t0 });
    return drained;
  }

  /** Registers the handlers that enqueue keys. Late registration replays existing objects as adds. */
  #watch(): void {
    const { spec } = this;
    const admits = namespaceGuard(spec);
    const enqueue = (o: InformerObject, deleting = o.metadata.deletionTimestamp != null): void => {
      if (!admits(o.metadata.namespace, deleting)) return; // allowed/restrictedNamespaces: skipped silently
      this.#parking.offer(keyOf(o.metadata.namespace, o.metadata.name ?? '')); // adds, depth and refusals are counted by the queue observer
    };
    const cr = this.crInformer();
    const deleted = (o: InformerObject): void => {
      this.#deps.notify?.forget(keyOf(o.metadata.namespace, o.metadata.name ?? ''));
      enqueue(o, true);
    };
    if (cr) this.#registrations.push(cr.addEventHandler({ onAdd: (o) => enqueue(o), onUpdate: (_o, n) => enqueue(n), onDelete: deleted }));
    const owner = (child: InformerObject): void => {
      const ns = spec.kind.namespaced ? child.metadata.namespace : undefined;
      if (!admits(ns, false)) return; // the owner is not reconciled here: its children's drift is not ours either
      for (const ref of child.metadata.ownerReferences ?? []) {
        if (ref.kind !== spec.kind.kind || ref.apiVersion !== spec.kind.apiVersion) continue;
        this.#parking.offer(keyOf(ns, ref.name));
      }
    };
    const seen = new Set<string>();
    for (const k of spec.childKinds) {
      const key = kindKey(k.apiVersion, k.kind);
      if (seen.has(key)) continue;
      seen.add(key);
      const inf = this.#deps.informers.get(key);
      if (inf) this.#registrations.push(inf.addEventHandler({ onAdd: (o, initial) => (initial ? undefined : owner(o)), onUpdate: (_o, n) => owner(n), onDelete: owner }));
    }
  }
}
