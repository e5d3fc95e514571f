/**
 * The read-only view of a running operator that the HTTP server renders. The operator layer
 * implements it; the server knows nothing else about the runtime.
 */
import type { HealthSnapshot } from './health.ts';

/** A Kubernetes object as cached (managedFields already stripped by the cache). */
export interface KubeObject {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly metadata?: {
    readonly name?: string;
    readonly namespace?: string;
    readonly creationTimestamp?: string;
    readonly [k: string]: unknown;
  };
  readonly status?: unknown;
  readonly [k: string]: unknown;
}

/** One CRD of the Katalog, as the server sees it. */
export interface CrdView {
  /** The Katalog's lowercase CRD key; the route segment in `/katalog/{crd}`. */
  readonly name: string;
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly enabled: boolean;
  /** Watched namespace; '' = all namespaces (or cluster-scoped). */
  readonly namespace: string;
  /** Configured workers. */
  readonly workers: number;
  readonly resyncMs: number;
  /** 0 = unlimited. */
  readonly maxDepth: number;
  /** CRD keys this one depends on. */
  readonly dependsOn: readonly string[];
  /**
   * The Katalog's `endpoints` switches (all default true): `enabled: false` hides every
   * `/katalog/{crd}/…` route, `health: false` hides `/health`, `info: false` hides
   * `/katalog/{crd}` itself. Hidden routes answer 404.
   */
  readonly endpoints?: { readonly enabled?: boolean; readonly health?: boolean; readonly info?: boolean };
  health(): HealthSnapshot;
  queueDepth(): number;
  /** Workers currently reconciling. */
  workersBusy(): number;
  /** Objects in the informer cache. */
  resourceCount(): number;
  /** Cached CRs. */
  list(): readonly KubeObject[];
  /** One cached CR; namespace '' for cluster-scoped. */
  get(namespace: string, name: string): KubeObject | undefined;
  /** Owned children of a CR grouped by kind. Optional. */
  children?(cr: KubeObject): Readonly<Record<string, readonly KubeObject[]>>;
}

/** Process-level probe answers. */
export interface Probes {
  /** Liveness: false → `/health` answers 500. */
  readonly live: boolean;
  /** Readiness: false during startup and shutdown → 503. */
  readonly ready: boolean;
  /** Startup finished → `/startup` 200, else 503. */
  readonly started: boolean;
}

/** Everything the server reads. */
export interface OperatorView {
  katalog(): { readonly name: string; readonly version: string; readonly gatewayEndpoint?: string };
  isLeader(): boolean;
  probes(): Probes;
  crds(): readonly CrdView[];
  /** Prometheus exposition text and its content type. */
  metrics(): Promise<{ readonly contentType: string; readonly body: string }>;
}
