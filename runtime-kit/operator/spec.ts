/**
 * What a generated `main.ts` hands the runtime kit: the operator's identity and, per CRD in
 * start order, its kind, its reconcile function and its settings from the Katalog. Plain data
 * plus the generated functions; everything else (clients, caches, queues, leader election,
 * the HTTP server) the kit builds.
 */
import type { KindInfo, ReconcileFn } from '../reconcile/index.ts';
import type { RetryBackoff } from '../queue/create.ts';

/** One CRD the operator reconciles. */
export interface CrdSpec {
  /** The Katalog's CRD name (`spec.crds.<name>`). */
  readonly name: string;
  readonly kind: KindInfo;
  readonly reconcile: ReconcileFn;
  /** Kinds of the children it manages (their informers drive drift correction). */
  readonly childKinds: readonly KindInfo[];
  /** Finalizers every CR carries (system finalizer included). */
  readonly finalizers: readonly string[];
  /** Workers (Katalog `workers`, default 3). */
  readonly workers: number;
  /** Informer resync in ms (Katalog `resync`, default 30 s). */
  readonly resyncMs: number;
  /** Consecutive failures before the CRD is degraded (default 5). */
  readonly failureThreshold: number;
  /** Queue depth limit; 0 = unlimited. */
  readonly maxDepth: number;
  /** CRDs whose condition must hold before this one starts (`started` or `healthy`). */
  readonly dependsOn: ReadonlyArray<{ readonly name: string; readonly condition: string }>;
  /** Watch only this namespace (Katalog `namespace`); undefined = all. */
  readonly namespace?: string;
  /** `ignoreStatusPatch`. */
  readonly skipStatus: boolean;
  /** `queue.retryBackoff` in ms (unset fields keep the defaults: 5 ms, 1000 s, ×2, no limit). */
  readonly retryBackoff?: RetryBackoff;
  /** `labelSelector`, as the API server's selector text (`k=v,k2=v2`): only these CRs are watched. */
  readonly labelSelector?: string;
  /** `fieldSelector`, as the API server's selector text (`metadata.name=x`). */
  readonly fieldSelector?: string;
  /** `allowedNamespaces`: only CRs in these namespaces are reconciled (deletions always are). */
  readonly allowedNamespaces?: readonly string[];
  /** `restrictedNamespaces`: CRs in these namespaces are not reconciled (deletions still are). */
  readonly restrictedNamespaces?: readonly string[];
}

/** The whole operator. */
export interface OperatorSpec {
  /** Katalog name: names the Lease, the field manager and the metrics. */
  readonly name: string;
  readonly version: string;
  /** Namespace of the operator when `ORK_NAMESPACE` is not set. */
  readonly namespace: string;
  /** CRDs in dependency (start) order. */
  readonly crds: readonly CrdSpec[];
  /** `gateway.endpoint`: the only outbound host besides the API server. */
  readonly gatewayEndpoint?: string;
  readonly leaseDurationMs?: number;
  readonly renewDeadlineMs?: number;
  readonly retryPeriodMs?: number;
}
