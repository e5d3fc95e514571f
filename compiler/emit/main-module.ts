/**
 * The generated `src/main.ts`: the operator's specification as plain data — its CRDs in
 * dependency order with their kinds, children, finalizers and settings from the Katalog —
 * wired to the generated reconcilers, handed to the runtime kit's `main`.
 */
import type { CrdModel, KatalogModel } from '../model/katalog-model.ts';
import { topologicalOrder } from '../graph/dependency-graph.ts';
import { childTarget } from '../rbac/derive.ts';
import { parseGoDurationMs } from '../../runtime-kit/reconcile/duration.ts';
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
    ...(crd.raw.namespace ? [`  namespace: ${JSON.stringify(crd.raw.namespace)},`] : []),
    `  skipStatus: ${crd.raw.ignoreStatusPatch === true || api.builtIn},`,
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
