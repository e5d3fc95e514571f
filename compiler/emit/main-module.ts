/**
 * The generated `src/main.ts`: the operator's specification as plain data — its CRDs in
 * dependency order with their kinds, children, finalizers and settings from the Katalog —
 * wired to the generated reconcilers, handed to the runtime kit's `main`.
 */
import type { CrdModel, KatalogModel } from '../model/katalog-model.ts';
import { topologicalOrder } from '../graph/dependency-graph.ts';
import { childTarget } from '../rbac/derive.ts';
import { parseGoDurationMs } from '../../runtime-kit/duration.ts';
import { DEFAULT_RESYNC, DEFAULT_WORKERS } from '../expand/expanded-katalog.ts';
import { crTypeName } from './types/cr-types.ts';
import { reconcileFunctionName } from './reconciler/reconciler-module.ts';

/** Orkestra's system finalizer, on every CR unless `removeFinalizers` is set. */
export const SYSTEM_FINALIZER = 'orkestra.orkspace.io/cleanup';

/** The finalizers the operator keeps on every CR of `crd` (the system one first). */
export function crFinalizers(crd: CrdModel): string[] {
  return crd.raw.removeFinalizers ? [] : [...new Set([SYSTEM_FINALIZER, ...crd.box.finalizers])];
}

interface KindLiteral {
  apiVersion: string;
  kind: string;
  plural: string;
  namespaced: boolean;
}

/** The kinds of a CRD's children (deduplicated, in first-declared order). */
export function childKinds(crd: CrdModel): KindLiteral[] {
  const out = new Map<string, KindLiteral>();
  const visit = (blocks: CrdModel['box']['hooks']): void => {
    for (const b of blocks) {
      for (const d of b.resources) {
        const t = childTarget(d);
        if (t) out.set(`${t.apiVersion}|${t.kind}`, { apiVersion: t.apiVersion, kind: t.kind, plural: t.resource, namespaced: t.namespaced });
      }
      visit(b.groups);
    }
  };
  visit(crd.box.hooks);
  return [...out.values()];
}

/** `queue.retryBackoff` in ms: `"5s"` is the initial delay; the object form sets what it names. */
export function retryBackoffLiteral(rb: unknown): Record<string, number> | undefined {
  const ms = (v: unknown): number | undefined => (typeof v === 'string' ? parseGoDurationMs(v) : undefined);
  if (typeof rb === 'string') return ms(rb) === undefined ? undefined : { initialMs: ms(rb)! };
  if (typeof rb !== 'object' || rb === null) return undefined;
  const o = rb as Record<string, unknown>;
  const out: Record<string, number> = {};
  if (ms(o.initial) !== undefined) out.initialMs = ms(o.initial)!;
  if (ms(o.max) !== undefined) out.maxMs = ms(o.max)!;
  if (typeof o.multiplier === 'number') out.multiplier = o.multiplier;
  if (typeof o.maxAttempts === 'number') out.maxAttempts = o.maxAttempts;
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * A `labelSelector`/`fieldSelector` map as the API server's selector text, `k=v` joined by
 * commas in the Katalog's order (values are static: ORK031 refuses templates there).
 */
export function selectorText(map: unknown): string | undefined {
  if (typeof map !== 'object' || map === null) return undefined;
  const pairs = Object.entries(map as Record<string, unknown>).map(([k, v]) => `${k}=${String(v ?? '')}`);
  return pairs.length > 0 ? pairs.join(',') : undefined;
}

/** A non-empty list of namespace names, or undefined. */
function namespaceList(v: unknown): string[] | undefined {
  const names = Array.isArray(v) ? v.filter((n): n is string => typeof n === 'string' && n !== '') : [];
  return names.length > 0 ? names : undefined;
}

/** The optional settings of a CRD literal, in a fixed order: each line only when the Katalog sets it. */
function optionalSettings(crd: CrdModel): string[] {
  const settings: Array<[string, unknown]> = [
    ['namespace', crd.raw.namespace || undefined],
    ['retryBackoff', retryBackoffLiteral(crd.box.reconciler?.raw.queue?.retryBackoff)],
    ['labelSelector', selectorText(crd.raw.labelSelector)],
    ['fieldSelector', selectorText(crd.raw.fieldSelector)],
    ['allowedNamespaces', namespaceList(crd.raw.allowedNamespaces)],
    ['restrictedNamespaces', namespaceList(crd.raw.restrictedNamespaces)],
  ];
  return settings.filter(([, v]) => v !== undefined).map(([k, v]) => `  ${k}: ${JSON.stringify(v)},`);
}

function crdLiteral(crd: CrdModel, model: KatalogModel): string {
  const api = crd.api!;
  const r = crd.box.reconciler?.raw;
  const finalizers = crFinalizers(crd);
  const resyncMs = parseGoDurationMs(r?.resync ?? DEFAULT_RESYNC) ?? 30_000;
  const kind: KindLiteral = { apiVersion: api.group ? `${api.group}/${api.version}` : api.version, kind: api.kind, plural: api.plural, namespaced: api.namespaced };
  void model;
  return [
    '{',
    `  name: ${JSON.stringify(crd.name)},`,
    `  kind: ${JSON.stringify(kind)},`,
    `  reconcile: (cr, input) => ${reconcileFunctionName(crd)}(cr as unknown as ${crTypeName(crd)}, input),`,
    `  childKinds: ${JSON.stringify(childKinds(crd))},`,
    `  finalizers: ${JSON.stringify(finalizers)},`,
    `  workers: ${r?.workers ?? DEFAULT_WORKERS},`,
    `  resyncMs: ${resyncMs},`,
    `  failureThreshold: ${r?.queue?.failureThreshold || 5},`,
    `  maxDepth: ${r?.queue?.maxDepth ?? 0},`,
    `  dependsOn: ${JSON.stringify(crd.dependsOn.map((d) => ({ name: d.name, condition: d.condition })))},`,
    `  skipStatus: ${crd.raw.ignoreStatusPatch === true || api.builtIn},`,
    ...optionalSettings(crd),
    '}',
  ].join('\n');
}

/** Source text of `src/main.ts`. */
export function mainModule(model: KatalogModel, header: string): string {
  const enabled = model.crds.filter((c) => c.enabled && c.api);
  const order = topologicalOrder(new Map(enabled.map((c) => [c.name, c.dependsOn.map((d) => d.name)] as const)));
  const ordered = order.map((n) => enabled.find((c) => c.name === n)!);
  const imports = ordered.flatMap((c) => [
    `import { ${reconcileFunctionName(c)} } from './reconcilers/${c.name}.ts';`,
    `import type { ${crTypeName(c)} } from './types/${c.name}.ts';`,
  ]);
  return [
    header,
    `/**\n * Entry point of the ${model.name} operator: its CRDs in start order (${order.join(' → ') || 'none'}),\n * wired to their generated reconcilers. \`node main.js version\` prints the version.\n */`,
    "import { main, type OperatorSpec } from '@ork/runtime-kit/operator';",
    ...imports,
    '',
    '/** The operator, as the Katalog declares it. */',
    'export const spec: OperatorSpec = {',
    `  name: ${JSON.stringify(model.name)},`,
    `  version: ${JSON.stringify(model.version ?? '0.0.0')},`,
    `  namespace: ${JSON.stringify(model.namespace)},`,
    `  crds: [${ordered.map((c) => crdLiteral(c, model)).join(', ')}],`,
    ...(model.gatewayEndpoint ? [`  gatewayEndpoint: ${JSON.stringify(model.gatewayEndpoint)},`] : []),
    '};',
    '',
    'await main(spec);',
    '',
  ].join('\n');
}
