/**
 * What the rest of a cluster would do between two reconciles, reduced to what status
 * templates read: the Deployment controller rolls every Deployment out and reports it
 * Available with all replicas ready (Orkestra's simulate does the same after cycle 1).
 */
import type { KubeObjectLike } from '../../runtime-kit/reconcile/desired.ts';
import { deepEqual } from '../../runtime-kit/reconcile/conditions.ts';
import type { MemoryCluster } from './memory-cluster.ts';

/** Advances every Deployment whose status is behind; returns one line per change. */
export function advanceWorld(cluster: MemoryCluster): string[] {
  const out: string[] = [];
  for (const o of cluster.list()) {
    if (o.apiVersion !== 'apps/v1' || o.kind !== 'Deployment') continue;
    const status = availableStatus(o);
    if (deepEqual(o['status'], status)) continue;
    cluster.setStatus({ apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name, ...(o.metadata.namespace ? { namespace: o.metadata.namespace } : {}) }, status);
    out.push(`Deployment ${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata.name} rolled out: Available, ${String(status['readyReplicas'])}/${String(status['replicas'])} ready`);
  }
  return out;
}

function availableStatus(d: KubeObjectLike): Record<string, unknown> {
  const spec = (d['spec'] ?? {}) as { replicas?: unknown };
  const replicas = typeof spec.replicas === 'number' ? spec.replicas : 1;
  return {
    observedGeneration: d.metadata.generation ?? 1,
    replicas,
    updatedReplicas: replicas,
    readyReplicas: replicas,
    availableReplicas: replicas,
    conditions: [
      { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' },
      { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${d.metadata.name}" has successfully progressed.` },
    ],
  };
}
