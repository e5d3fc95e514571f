/**
 * Measure 2 — drift correction: a managed Deployment's replicas changed from outside (a merge
 * patch with the admin credentials, as `kubectl patch` sends it) → the operator restores
 * replicas 2; time from sending the patch to the bench's informer seeing the restored object.
 */
import type { KubeClient } from '../../runtime-kit/client/rest.ts';
import { percentile } from './stats.ts';
import { DEPLOYMENTS, type NamespaceObserver } from './webapps.ts';

export interface DriftResult {
  readonly samples: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/** Drifts `samples` Deployments (spread over `names`), one at a time, and times each correction. */
export async function measureDrift(admin: KubeClient, observer: NamespaceObserver, names: readonly string[], samples: number): Promise<DriftResult> {
  const ns = observer.namespace;
  const times: number[] = [];
  const step = Math.max(1, Math.floor(names.length / samples));
  for (let i = 0; i < samples; i++) {
    const name = names[(i * step) % names.length]!;
    let drifted = false; // the bench's informer saw replicas 9 (events may overtake the patch's answer)
    const restored = observer.nextDeployment((d) => {
      if (d.metadata.name !== name) return false;
      if ((d.spec?.['replicas'] as number) === 9) drifted = true;
      return drifted && (d.spec?.['replicas'] as number) === 2;
    }, 60_000);
    const t0 = Date.now();
    await admin.mergePatch({ ...DEPLOYMENTS, namespace: ns, name }, { spec: { replicas: 9 } });
    times.push((await restored) - t0);
  }
  return { samples, p50Ms: percentile(times, 50), p99Ms: percentile(times, 99) };
}
