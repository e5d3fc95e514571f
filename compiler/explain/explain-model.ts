/**
 * What the operator of a Katalog will do, as data (`ork explain`): its CRDs, the children each
 * declares and how they are written, ordered deletion, status, the dependency graph, RBAC,
 * the HTTP endpoints, leader election, notifications, and the parts ork does not compile yet.
 * Everything is read from the compiler's own model and derivations, never re-implemented.
 */
import type { CrdModel, HookBlockModel, KatalogModel } from '../model/katalog-model.ts';
import type { YamlDocument } from '../load/yaml-document.ts';
import { childTarget, deriveRbac, leaseName } from '../rbac/derive.ts';
import type { RbacRules } from '../rbac/rules.ts';
import { startWaves } from '../graph/dependency-graph.ts';
import { expandCrd } from '../expand/expanded-katalog.ts';
import { conditionListsIn } from '../check/data-walk.ts';
import { notCompiledWarnings } from '../emit/not-compiled.ts';
import { DEFAULT_PORT } from '../../runtime-kit/server/http.ts';
import { crFinalizers } from '../emit/main-module.ts';
import { mermaidGraph } from './mermaid.ts';

/** One declared child. */
export interface ExplainedChild {
  readonly kind: string;
  readonly apiVersion: string;
  /** The `name` as written (usually a template). */
  readonly name: string;
  /** `create` (once, if absent), `apply` (server-side apply on every reconcile), `delete` (on CR deletion). */
  readonly mode: 'create' | 'apply' | 'delete';
  readonly phase: string;
  /** Written only while its `when`/`or` gate holds (deleted when it turns false). */
  readonly gated: boolean;
  /** One child per item of a `forEach` list. */
  readonly forEach: boolean;
  readonly declaredAt: string;
}

/** One CRD the operator reconciles. */
export interface ExplainedCrd {
  readonly name: string;
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly plural: string;
  readonly scope: 'Namespaced' | 'Cluster';
  readonly builtIn: boolean;
  readonly description?: string;
  readonly workers: number;
  readonly resync: string;
  readonly finalizers: readonly string[];
  readonly dependsOn: ReadonlyArray<{ readonly name: string; readonly condition: string }>;
  readonly children: readonly ExplainedChild[];
  /** Ordered deletion stages (`onDelete.ordered` with `groups`): names and kinds, in order. */
  readonly deletionStages: ReadonlyArray<{ readonly name: string; readonly children: readonly string[] }>;
  readonly status: { readonly written: boolean; readonly fields: readonly string[]; readonly conditions: readonly string[] };
  /** HTTP routes of this CRD on the operator's port. */
  readonly endpoints: readonly string[];
  /** The Katalog's `endpoints` switches as written (the operator does not apply them yet). */
  readonly endpointSwitches?: Readonly<Record<string, unknown>>;
}

/** The whole explanation. */
export interface Explanation {
  readonly katalog: { readonly name: string; readonly file: string; readonly version?: string; readonly description?: string; readonly namespace: string };
  readonly crds: readonly ExplainedCrd[];
  readonly disabledCrds: readonly string[];
  /** Start waves: CRDs that start together, dependencies first; stopped in reverse. */
  readonly startOrder: readonly (readonly string[])[];
  readonly mermaid: string;
  readonly rbac: RbacRules;
  readonly server: { readonly port: number; readonly portFrom: string; readonly routes: ReadonlyArray<{ readonly path: string; readonly what: string }> };
  readonly leaderElection: { readonly lease: string; readonly namespace: string };
  readonly notifications: {
    readonly gateway?: string;
    readonly teams: readonly string[];
    readonly triggers: ReadonlyArray<{ readonly crd: string; readonly at: string; readonly field?: string; readonly teams: readonly string[] }>;
  };
  /** Parts that validate but are not compiled into the operator (ORK046). */
  readonly notCompiled: ReadonlyArray<{ readonly path: string; readonly what: string }>;
}

const GLOBAL_ROUTES = [
  { path: '/health, /healthz', what: 'liveness (200 while the process serves)' },
  { path: '/ready, /readyz', what: 'readiness (caches synced)' },
  { path: '/startup', what: 'startup probe' },
  { path: '/metrics', what: 'Prometheus metrics' },
  { path: '/katalog', what: 'the Katalog summary: CRDs, leader, health (JSON)' },
];

/** Explains `model` (`doc` is the loaded Katalog document, for ORK046 positions). */
export function explainKatalog(model: KatalogModel, doc: YamlDocument): Explanation {
  const enabled = model.crds.filter((c) => c.enabled && c.api);
  const edges = new Map(enabled.map((c) => [c.name, c.dependsOn.map((d) => d.name)] as const));
  const crds = enabled.map(explainCrd);
  const teams = Object.keys((model.raw as { notification?: { teams?: Record<string, unknown> } }).notification?.teams ?? {});
  return {
    katalog: { name: model.name, file: model.file, ...(model.version ? { version: model.version } : {}), ...(model.description ? { description: model.description } : {}), namespace: model.namespace },
    crds,
    disabledCrds: model.crds.filter((c) => !c.enabled).map((c) => c.name),
    startOrder: startWaves(edges),
    mermaid: mermaidGraph(crds),
    rbac: deriveRbac(model),
    server: { port: DEFAULT_PORT, portFrom: 'ORK_PORT or --port', routes: GLOBAL_ROUTES },
    leaderElection: { lease: leaseName(model), namespace: model.namespace },
    notifications: { ...(model.gatewayEndpoint ? { gateway: model.gatewayEndpoint } : {}), teams, triggers: enabled.flatMap(notifyTriggers) },
    notCompiled: notCompiledWarnings(model, doc).map((d) => ({ path: d.path ?? '', what: d.message })),
  };
}

function explainCrd(crd: CrdModel): ExplainedCrd {
  const api = crd.api!;
  const runtime = (expandCrd(crd)['runtime'] ?? {}) as { workers: number; resync: string };
  const status = crd.box.status?.raw as { fields?: Array<{ path?: string }>; conditions?: unknown } | undefined;
  const statusOff = crd.raw.ignoreStatusPatch === true || api.builtIn;
  const ordered = crd.box.hooks.filter((b) => b.phase === 'onDelete' && b.raw.ordered === true);
  const switches = (crd.raw as { endpoints?: Record<string, unknown> }).endpoints;
  return {
    name: crd.name,
    group: api.group,
    version: api.version,
    kind: api.kind,
    plural: api.plural,
    scope: api.namespaced ? 'Namespaced' : 'Cluster',
    builtIn: api.builtIn,
    ...(typeof crd.raw.description === 'string' ? { description: crd.raw.description } : {}),
    workers: runtime.workers,
    resync: runtime.resync,
    finalizers: crFinalizers(crd),
    dependsOn: crd.dependsOn.map((d) => ({ name: d.name, condition: d.condition })),
    children: crd.box.hooks.flatMap((b) => childrenOf(b)),
    deletionStages: ordered.flatMap((b) => b.groups.map((g, i) => ({ name: typeof g.raw['name'] === 'string' ? (g.raw['name'] as string) : `stage ${i + 1}`, children: childrenOf(g).map((c) => `${c.kind} ${c.name}`) }))),
    status: { written: !statusOff, fields: statusOff ? [] : (status?.fields ?? []).map((f) => f.path ?? '').filter((p) => p !== ''), conditions: statusOff ? [] : ['Ready', 'Degraded'] },
    endpoints: [`/katalog/${crd.name}`, `/katalog/${crd.name}/health`, `/katalog/${crd.name}/cr`, api.namespaced ? `/katalog/${crd.name}/cr/{namespace}/{name}` : `/katalog/${crd.name}/cr/{name}`],
    ...(switches ? { endpointSwitches: switches } : {}),
  };
}

function childrenOf(block: HookBlockModel): ExplainedChild[] {
  const own = block.resources.map((decl): ExplainedChild => {
    const t = childTarget(decl);
    const applied = block.phase === 'onReconcile' || decl.raw['reconcile'] === true;
    return {
      kind: t?.kind ?? String(decl.raw['kind'] ?? '(templated kind)'),
      apiVersion: t?.apiVersion ?? String(decl.raw['apiVersion'] ?? '(templated)'),
      name: typeof decl.raw['name'] === 'string' ? decl.raw['name'] : '(unnamed)',
      mode: block.phase === 'onDelete' ? (decl.listKey === 'jobs' && block.raw.ordered !== true ? 'create' : 'delete') : applied ? 'apply' : 'create',
      phase: block.phase,
      gated: decl.raw['when'] !== undefined || decl.raw['or'] !== undefined,
      forEach: decl.raw['forEach'] !== undefined,
      declaredAt: decl.at.join('.'),
    };
  });
  return [...own, ...block.groups.flatMap(childrenOf)];
}

function notifyTriggers(crd: CrdModel): Explanation['notifications']['triggers'] {
  return conditionListsIn(crd.raw, crd.at).flatMap((l) =>
    l.conditions.flatMap((c, i) => {
      const n = (c as { notify?: { teams?: string[] }; field?: string }).notify;
      if (n === undefined) return [];
      const field = (c as { field?: string }).field;
      return [{ crd: crd.name, at: [...l.at, i].join('.'), ...(field ? { field } : {}), teams: n.teams ?? [] }];
    }),
  );
}
