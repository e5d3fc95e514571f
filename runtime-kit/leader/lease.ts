/**
 * The `coordination.k8s.io/v1` Lease used for leader election, and where it is stored.
 * `kubeLeaseStore` reads and writes one Lease through `KubeClient` with optimistic concurrency
 * (every update carries the resourceVersion it read; a concurrent write answers 409).
 */
import type { ResourceRef } from '../client/paths.ts';
import type { KubeClient } from '../client/rest.ts';
import { isNotFound } from '../client/errors.ts';

/** `LeaseSpec` (times are MicroTime strings, `2006-01-02T15:04:05.000000Z`). */
export interface LeaseSpec {
  readonly holderIdentity?: string;
  readonly leaseDurationSeconds?: number;
  readonly acquireTime?: string;
  readonly renewTime?: string;
  readonly leaseTransitions?: number;
}

export interface Lease {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly metadata: { readonly name: string; readonly namespace?: string; readonly resourceVersion?: string; readonly [k: string]: unknown };
  readonly spec?: LeaseSpec;
}

/** One Lease's storage. Errors are the client's typed errors (`AlreadyExistsError`, `ConflictError`, …). */
export interface LeaseStore {
  /** `namespace/name`, for logs. */
  readonly description: string;
  /** The Lease, or undefined when it does not exist. */
  get(): Promise<Lease | undefined>;
  /** Creates it; `AlreadyExistsError` when someone was first. */
  create(spec: LeaseSpec): Promise<Lease>;
  /** Replaces it; must carry the `resourceVersion` read (`ConflictError` when stale). */
  update(lease: Lease): Promise<Lease>;
}

/** Formats epoch ms as a Kubernetes MicroTime (6 fractional digits, UTC). */
export function microTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/**
 * The Lease `namespace/name` through `client`. Use a client dedicated to leader election with
 * few retries and a short timeout (e.g. `retry: { attempts: 1 }`, `timeoutMs` ≤ half the renew
 * deadline), so a slow API server is noticed before the renew deadline.
 */
export function kubeLeaseStore(client: KubeClient, namespace: string, name: string): LeaseStore {
  const ref = (n?: string): ResourceRef => ({ group: 'coordination.k8s.io', version: 'v1', plural: 'leases', namespace, name: n });
  return {
    description: `${namespace}/${name}`,
    async get() {
      try {
        return await client.get<Lease>(ref(name));
      } catch (err) {
        if (isNotFound(err)) return undefined;
        throw err;
      }
    },
    create(spec) {
      return client.create<Lease>(ref(), { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name, namespace }, spec });
    },
    update(lease) {
      return client.replace<Lease>(ref(name), { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', ...lease });
    },
  };
}
