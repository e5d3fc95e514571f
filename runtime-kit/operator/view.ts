/** The read-only view the HTTP server renders (`/katalog`, probes, `/metrics`), over the running operator. */
import type { OperatorMetrics } from '../metrics/operator-metrics.ts';
import type { CrdView, KubeObject, OperatorView, Probes } from '../server/view.ts';
import type { CrdRuntime } from './crd-runtime.ts';
import { splitApiVersion } from '../reconcile/ports.ts';
import type { OperatorSpec } from './spec.ts';

/** Mutable facts the view reads. */
export interface OperatorState {
  leader: boolean;
  synced: boolean;
  shuttingDown: boolean;
}

/** Builds the OperatorView. */
export function operatorView(spec: OperatorSpec, runtimes: readonly CrdRuntime[], state: OperatorState, metrics: OperatorMetrics): OperatorView {
  const crds: CrdView[] = runtimes.map((rt) => {
    const s = rt.spec;
    const [group, version] = splitApiVersion(s.kind.apiVersion);
    const list = (): readonly KubeObject[] => (rt.crInformer()?.cache.list() ?? []) as unknown as KubeObject[];
    return {
      name: s.name,
      group,
      version,
      kind: s.kind.kind,
      enabled: true,
      namespace: s.namespace ?? '',
      workers: s.workers,
      resyncMs: s.resyncMs,
      maxDepth: s.maxDepth,
      dependsOn: s.dependsOn.map((d) => d.name),
      health: () => rt.health.snapshot(),
      queueDepth: () => rt.queue.len(),
      workersBusy: () => 0,
      resourceCount: () => rt.crInformer()?.cache.size ?? 0,
      list,
      get: (ns, name) => rt.crInformer()?.cache.get(ns ? `${ns}/${name}` : name) as unknown as KubeObject | undefined,
    };
  });
  return {
    katalog: () => ({ name: spec.name, version: spec.version, ...(spec.gatewayEndpoint ? { gatewayEndpoint: spec.gatewayEndpoint } : {}) }),
    isLeader: () => state.leader,
    // Ready once every informer listed (a CRD not installed yet keeps the operator unready but alive).
    probes: (): Probes => ({ live: true, ready: state.synced && !state.shuttingDown, started: true }),
    crds: () => crds,
    metrics: async () => ({ contentType: metrics.registry.contentType, body: await metrics.registry.metrics() }),
  };
}
