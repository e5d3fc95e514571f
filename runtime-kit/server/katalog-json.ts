/**
 * The JSON bodies of the `/katalog` routes (Orkestra reference §4.7), built from an
 * `OperatorView`. Pure functions: no I/O, `now` passed in. Each returns `{status, body}`.
 */
import type { HealthSnapshot } from './health.ts';
import { isServing } from './health.ts';
import type { CrdView, KubeObject, OperatorView } from './view.ts';
import { goDuration, gvkString, ratio, rfc3339 } from './format.ts';

/** A JSON response: HTTP status and a value to serialize. */
export interface JsonReply {
  readonly status: number;
  readonly body: unknown;
}

const gvk = (c: CrdView): string => gvkString(c.group, c.version, c.kind);
const uptime = (h: HealthSnapshot, now: number): string => (h.startedAt === undefined ? '0s' : goDuration(now - h.startedAt));

/** `GET /katalog`: the Katalog summary; 503 when any CRD is degraded. */
export function katalogSummary(view: OperatorView, now: number): JsonReply {
  const crds = view.crds();
  const health = new Map(crds.map((c) => [c.name, c.health()]));
  const degraded = crds.filter((c) => health.get(c.name)?.state === 'degraded');
  const count = (pred: (h: HealthSnapshot) => boolean): number => crds.filter((c) => pred(health.get(c.name) as HealthSnapshot)).length;
  const namespaces: Record<string, string[]> = {};
  for (const c of crds) (namespaces[c.namespace === '' ? '*' : c.namespace] ??= []).push(c.name);
  const status = degraded.length > 0 ? 503 : 200;
  const info = view.katalog();
  return {
    status,
    body: {
      name: info.name,
      version: info.version,
      healthy: degraded.length === 0,
      OrkReady: view.probes().ready,
      isKonductor: view.isLeader(),
      status,
      degradedReason: degraded.length === 0 ? '' : degraded.map((c) => `${c.name}: ${health.get(c.name)?.degradedReason ?? 'degraded'}`).join('; '),
      total: crds.length,
      totalEnabled: crds.filter((c) => c.enabled).length,
      totalDegraded: degraded.length,
      statusCounts: {
        healthy: count((h) => h.state === 'healthy'),
        degraded: degraded.length,
        started: count((h) => h.started),
        pending: count((h) => h.state === 'pending'),
      },
      namespaces,
      gatewayEndpoint: info.gatewayEndpoint ?? '',
      crds: crds.map((c) => {
        const h = health.get(c.name) as HealthSnapshot;
        return {
          name: c.name,
          gvk: gvk(c),
          workers: c.workers,
          resync: goDuration(c.resyncMs),
          state: h.state,
          healthy: isServing(h.state),
          uptime: uptime(h, now),
          endpoints: {
            health: c.endpoints?.enabled === false || c.endpoints?.health === false ? '' : `/katalog/${c.name}/health`,
            info: c.endpoints?.enabled === false || c.endpoints?.info === false ? '' : `/katalog/${c.name}`,
          },
        };
      }),
    },
  };
}

/** `GET /katalog/{crd}`: configuration and live worker/queue figures. */
export function crdInfo(view: OperatorView, c: CrdView): JsonReply {
  const h = c.health();
  const running = h.started ? c.workers : 0;
  const busy = c.workersBusy();
  const depth = c.queueDepth();
  const workerDetails: Record<string, string> = {};
  for (let i = 0; i < running; i++) workerDetails[String(i)] = i < busy ? 'processing' : 'idle';
  return {
    status: 200,
    body: {
      name: c.name,
      gvk: gvk(c),
      isKonductor: view.isLeader(),
      enabled: c.enabled,
      namespace: c.namespace,
      dependsOn: [...c.dependsOn],
      workers: c.workers,
      workersActive: running,
      workersIdle: Math.max(0, running - busy),
      workersProcessing: busy,
      workerDetails,
      resync: goDuration(c.resyncMs),
      queueDepth: depth,
      maxDepth: c.maxDepth,
      queue: { depth, maxDepth: c.maxDepth, failureThreshold: h.failureThreshold },
      metrics: {
        workers: c.workers,
        workersActive: running,
        queueDepth: depth,
        errorRate: ratio(h.errorRate),
        successRate: h.totalReconciles === 0 ? 0 : ratio(1 - h.errorRate),
        totalReconciles: h.totalReconciles,
        consecutiveFails: h.consecutiveFails,
        resourceCount: c.resourceCount(),
      },
    },
  };
}

/** `GET /katalog/{crd}/health`: 200 for pending/healthy/gated, 503 for degraded/not started. */
export function crdHealth(view: OperatorView, c: CrdView, now: number): JsonReply {
  const h = c.health();
  const status = isServing(h.state) ? 200 : 503;
  const byName = new Map(view.crds().map((d) => [d.name, d]));
  const unhealthyDeps = c.dependsOn.filter((d) => {
    const dep = byName.get(d);
    return dep === undefined || !isServing(dep.health().state);
  });
  return {
    status,
    body: {
      name: c.name,
      state: h.state,
      status,
      isKonductor: view.isLeader(),
      healthy: status === 200,
      started: h.started,
      pending: h.state === 'pending',
      gated: h.gated,
      startedAt: rfc3339(h.startedAt),
      uptime: uptime(h, now),
      queueDepth: c.queueDepth(),
      errorRate: ratio(h.errorRate),
      consecutiveFails: h.consecutiveFails,
      failureThreshold: h.failureThreshold,
      totalReconciles: h.totalReconciles,
      resourceCount: c.resourceCount(),
      lastError: h.lastError ?? '',
      lastReconcile: rfc3339(h.lastReconcile),
      degradedReason: h.degradedReason ?? '',
      hasUnhealthyDependencies: unhealthyDeps.length > 0,
      unhealthyDependencies: unhealthyDeps,
    },
  };
}

/** One row of the CR list. */
function crRow(o: KubeObject, now: number) {
  const created = Date.parse(o.metadata?.creationTimestamp ?? '');
  return {
    name: o.metadata?.name ?? '',
    namespace: o.metadata?.namespace ?? '',
    phase: phaseOf(o),
    ready: readyOf(o),
    age: Number.isNaN(created) ? '' : goDuration(now - created),
  };
}

/** `GET /katalog/{crd}/cr`: cached CRs sorted by namespace, name. */
export function crList(c: CrdView, now: number): JsonReply {
  const items = c.list().map((o) => crRow(o, now));
  items.sort((a, b) => (a.namespace === b.namespace ? cmp(a.name, b.name) : cmp(a.namespace, b.namespace)));
  return { status: 200, body: { crd: c.name, gvk: gvk(c), total: items.length, items } };
}

/** `GET /katalog/{crd}/cr/{ns}/{name}`: one cached CR and its children by kind; 404 if absent. */
export function crDetail(c: CrdView, namespace: string, name: string, now: number): JsonReply | undefined {
  const o = c.get(namespace, name);
  if (o === undefined) return undefined;
  const children: Record<string, unknown[]> = {};
  for (const [kind, list] of Object.entries(c.children?.(o) ?? {})) {
    children[kind] = list.map((ch) => ({ name: ch.metadata?.name ?? '', namespace: ch.metadata?.namespace ?? '' }));
  }
  return { status: 200, body: { ...crRow(o, now), crd: c.name, object: o, children } };
}

function phaseOf(o: KubeObject): string {
  const s = o.status as { phase?: unknown } | undefined;
  return typeof s?.phase === 'string' ? s.phase : '';
}

function readyOf(o: KubeObject): boolean {
  const s = o.status as { conditions?: unknown } | undefined;
  if (!Array.isArray(s?.conditions)) return false;
  return s.conditions.some((c: unknown) => {
    const cond = c as { type?: unknown; status?: unknown };
    return cond.type === 'Ready' && cond.status === 'True';
  });
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
