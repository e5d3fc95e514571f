/**
 * The "fully expanded" Katalog of `ork template` (Orkestra's meaning): the enabled CRD entries
 * as the operator will run them, with `apiTypes` completed from `crdFile` and the built-in kind
 * table, and the runtime defaults made explicit (workers, resync, finalizers).
 */
import type { CrdModel, KatalogModel } from '../model/katalog-model.ts';

/** Runtime defaults (spec README §4): 3 workers, 30 s resync. */
export const DEFAULT_WORKERS = 3;
export const DEFAULT_RESYNC = '30s';

/** One expanded CRD entry: the entry as written plus what the runtime fills in. */
export function expandCrd(crd: CrdModel): Record<string, unknown> {
  const api = crd.api;
  const r = crd.box.reconciler?.raw;
  return {
    ...crd.raw,
    ...(api ? { apiTypes: { group: api.group, version: api.version, kind: api.kind, plural: api.plural, apiPath: api.apiPath } } : {}),
    namespaced: api?.namespaced ?? crd.raw.namespaced ?? true,
    runtime: {
      workers: r?.workers ?? DEFAULT_WORKERS,
      resync: r?.resync ?? DEFAULT_RESYNC,
      finalizers: crd.box.finalizers,
      dependsOn: Object.fromEntries(crd.dependsOn.map((d) => [d.name, d.condition])),
    },
  };
}

/** The expanded Katalog: identity plus enabled CRD entries (disabled ones are dropped). */
export function expandKatalog(model: KatalogModel): Record<string, unknown> {
  const meta = model.raw.metadata;
  return {
    apiVersion: model.raw.apiVersion,
    kind: model.raw.kind,
    metadata: Object.fromEntries(
      Object.entries({ name: meta?.name, namespace: model.namespace, version: meta?.version, author: meta?.author, description: meta?.description }).filter(([, v]) => v !== undefined),
    ),
    spec: { crds: Object.fromEntries(model.crds.filter((c) => c.enabled).map((c) => [c.name, expandCrd(c)])) },
  };
}
