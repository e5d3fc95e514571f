/**
 * Runs an operator: connect, start the informers (on every replica, so a standby is warm and
 * serves `/katalog`), serve HTTP, elect a leader; the leader starts CRD workers in dependency
 * order, each once its dependencies are `started` or `healthy` as the Katalog says, and
 * stops them in reverse order when it loses the Lease (then stands for election again, so a
 * replica cut off from the API server leads again once it is back). SIGTERM/SIGINT: stop taking work, let
 * in-flight reconciles finish, release the Lease, close the server, exit 0.
 */
import { realClock } from '../clock.ts';
import { createLogger, type Logger } from '../log/logger.ts';
import { createMetrics } from '../metrics/operator-metrics.ts';
import { loadConnection } from '../client/config.ts';
import { KubeClient } from '../client/rest.ts';
import { InformerFactory } from '../informer/factory.ts';
import type { Informer } from '../informer/informer.ts';
import type { KubeObject as InformerObject } from '../informer/object.ts';
import { LeaderElector } from '../leader/elector.ts';
import { kubeLeaseStore } from '../leader/lease.ts';
import { startServer } from '../server/http.ts';
import { splitApiVersion, type KindInfo } from '../reconcile/index.ts';
import { apiEventSink } from './events.ts';
import { cacheReader, kindKey } from './live-reader.ts';
import { CrdRuntime } from './crd-runtime.ts';
import { createNotifyWiring, type NotifyWiring } from './notify-wiring.ts';
import { operatorView, type OperatorState } from './view.ts';
import type { OperatorSpec } from './spec.ts';
import { startInOrder } from './startup.ts';
import { watchedNamespace } from './namespace-guard.ts';

/** How long in-flight reconciles may run after SIGTERM before the process exits anyway. */
export const DRAIN_MS = 20_000;

/** How long queued notifications may still be sent after SIGTERM. */
export const NOTIFY_DRAIN_MS = 3_000;

/** Label every child ork creates carries; child informers watch only those. */
const MANAGED_SELECTOR = 'orkestra.orkspace.io/managed=true';

/** Options of a run. */
export interface RunOptions {
  readonly kubeconfig?: string;
  readonly port?: number;
  readonly log?: Logger;
  /** Client-side API request rate of the reconcile client, per resource (default 20 qps, burst 30, as controller-runtime). */
  readonly apiQps?: number;
  readonly apiBurst?: number;
}

/** Runs the operator until SIGTERM/SIGINT. */
export async function runOperator(spec: OperatorSpec, opts: RunOptions = {}): Promise<void> {
  const clock = realClock;
  const log = opts.log ?? createLogger({ fields: { operator: `${spec.name}-operator` } });
  const namespace = process.env['ORK_NAMESPACE'] || spec.namespace;
  const connection = await loadConnection({ ...(opts.kubeconfig ? { kubeconfig: opts.kubeconfig } : {}) });
  const metrics = createMetrics({ defaultLabels: { katalog: spec.name } });
  // A bad gateway endpoint throws: `main` reports it as a start-up failure (exit 2).
  const notify: NotifyWiring | undefined = createNotifyWiring({ katalogName: spec.name, katalogEndpoint: spec.gatewayEndpoint, metrics, log, clock });
  log.info(notify ? 'notifications go to the gateway' : 'notifications disabled: no gateway endpoint', notify ? { url: notify.notifier.url() } : {});
  const fieldManager = `ork-${spec.name}`;
  const client = new KubeClient({ connection, fieldManager, logger: log, onAttempt: metrics.apiRequest, ...(opts.apiQps !== undefined ? { qps: opts.apiQps } : {}), ...(opts.apiBurst !== undefined ? { burst: opts.apiBurst } : {}) });
  const leaseClient = new KubeClient({ connection, fieldManager, logger: log, onAttempt: metrics.apiRequest, retry: { attempts: 1 }, timeoutMs: 5_000 });
  // Events get their own client, as controller-runtime's recorder has its own clientset. Rate
  // limits are per resource now, so fire-and-forget Events would not share a budget with
  // reconcile writes on the reconcile client either; the separate client is kept for parity.
  const eventClient = new KubeClient({ connection, fieldManager, logger: log, onAttempt: metrics.apiRequest });
  const factory = new InformerFactory(client, { logger: log });
  const resource = (k: KindInfo, ns?: string) => {
    const [group, version] = splitApiVersion(k.apiVersion);
    return { group, version, plural: k.plural, ...(ns ? { namespace: ns } : {}) };
  };
  // Each CRD watches its CRs with its own selection (namespace, labelSelector, fieldSelector), so
  // two entries of one kind with different selectors stay apart; equal selections share one informer.
  const crInformers = new Map<string, Informer<InformerObject>>();
  for (const c of spec.crds) {
    const sel = { ...(c.labelSelector ? { labelSelector: c.labelSelector } : {}), ...(c.fieldSelector ? { fieldSelector: c.fieldSelector } : {}) };
    crInformers.set(c.name, factory.informer(resource(c.kind, watchedNamespace(c)), sel, { resyncMs: c.resyncMs }));
  }
  const informers = new Map<string, Informer<InformerObject>>();
  for (const k of spec.crds.flatMap((c) => c.childKinds)) {
    const key = kindKey(k.apiVersion, k.kind);
    if (!informers.has(key)) informers.set(key, factory.informer(resource(k), { labelSelector: MANAGED_SELECTOR }, { resyncMs: 0 }));
  }
  const deps = { api: client, informers, crInformers, live: cacheReader(informers), events: apiEventSink(eventClient, `${spec.name}-operator`, clock, log), metrics, log, clock, fieldManager, ork: { namespace, version: spec.version, katalog: spec.name }, ...(notify ? { notify } : {}) };
  const runtimes = spec.crds.map((c) => new CrdRuntime(c, deps));
  const state: OperatorState = { leader: false, synced: false, shuttingDown: false };
  const server = await startServer({ view: operatorView(spec, runtimes, state, metrics), ...(opts.port !== undefined ? { port: opts.port } : {}), logger: log });
  log.info('operator starting', { namespace, port: server.port, crds: spec.crds.map((c) => c.name) });
  factory.start();
  let stopOrdered: (() => Promise<void>) | undefined;
  const elector = new LeaderElector({
    store: kubeLeaseStore(leaseClient, namespace, `${spec.name}-leader`),
    ...(spec.leaseDurationMs ? { leaseDurationMs: spec.leaseDurationMs } : {}),
    ...(spec.renewDeadlineMs ? { renewDeadlineMs: spec.renewDeadlineMs } : {}),
    ...(spec.retryPeriodMs ? { retryPeriodMs: spec.retryPeriodMs } : {}),
    reelect: true, // cut off past the renew deadline (API server down): lead again once back
    // A standby reads the Lease every second (one GET): a released Lease is taken over within
    // ~1.2 s plus one round trip, inside the 2 s failover target (issue 8).
    standbyRetryMs: Math.min(spec.retryPeriodMs ?? 2_000, 1_000),
    logger: log,
    callbacks: {
      onStartedLeading: (signal) => {
        state.leader = true;
        metrics.leader(true);
        log.info('leading', {});
        stopOrdered = startInOrder(runtimes, signal, log, DRAIN_MS);
      },
      onStoppedLeading: () => {
        state.leader = false;
        metrics.leader(false);
        log.warn('lost leadership: stopping workers', {});
        void stopOrdered?.();
      },
    },
  });
  const synced = factory.waitForSync().then((ok) => {
    state.synced = ok;
    log.info('caches synced', { informers: factory.size });
  });
  const done = new Promise<void>((resolve) => {
    const shutdown = (sig: string): void => {
      if (state.shuttingDown) return;
      state.shuttingDown = true;
      log.info('shutting down', { signal: sig });
      void (async () => {
        await stopOrdered?.();
        await notify?.close(NOTIFY_DRAIN_MS);
        await elector.stop();
        await factory.stop();
        await server.close();
        log.info('stopped', {});
        resolve();
      })();
    };
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
  });
  void synced;
  void elector.run();
  await done;
}
