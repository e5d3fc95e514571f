/** An in-memory OperatorView for server tests. */
import type { Clock } from '../../../../runtime-kit/clock.ts';
import { CrdHealth } from '../../../../runtime-kit/server/health.ts';
import type { CrdView, KubeObject, OperatorView, Probes } from '../../../../runtime-kit/server/view.ts';

export interface FakeCrd extends CrdView {
  readonly healthRecord: CrdHealth;
  objects: KubeObject[];
  depth: number;
  busy: number;
}

export function fakeCrd(clock: Clock, name: string, over: Partial<Pick<CrdView, 'kind' | 'namespace' | 'dependsOn' | 'workers' | 'endpoints'>> = {}): FakeCrd {
  const healthRecord = new CrdHealth({ clock, failureThreshold: 2 });
  const crd: FakeCrd = {
    name,
    group: 'apps.example.com',
    version: 'v1',
    kind: over.kind ?? 'WebApp',
    enabled: true,
    namespace: over.namespace ?? '',
    workers: over.workers ?? 3,
    resyncMs: 30_000,
    maxDepth: 0,
    dependsOn: over.dependsOn ?? [],
    endpoints: over.endpoints,
    healthRecord,
    objects: [],
    depth: 0,
    busy: 0,
    health: () => healthRecord.snapshot(),
    queueDepth: () => crd.depth,
    workersBusy: () => crd.busy,
    resourceCount: () => crd.objects.length,
    list: () => crd.objects,
    get: (ns, n) => crd.objects.find((o) => o.metadata?.name === n && (o.metadata?.namespace ?? '') === ns),
    children: () => ({ Deployment: [{ metadata: { name: 'web', namespace: 'shop' } }] }),
  };
  return crd;
}

export function fakeView(crds: FakeCrd[], probes: Probes = { live: true, ready: true, started: true }): OperatorView & { probeState: Probes } {
  const v = {
    probeState: probes,
    katalog: () => ({ name: 'shop', version: '1.2.0', gatewayEndpoint: 'http://gw:8443' }),
    isLeader: () => true,
    probes: () => v.probeState,
    crds: () => crds,
    metrics: async () => ({ contentType: 'text/plain; version=0.0.4; charset=utf-8', body: 'ork_leader 1\n' }),
  };
  return v;
}
