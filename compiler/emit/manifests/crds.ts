/**
 * CustomResourceDefinition manifests of a Katalog (`ork generate crd`). An entry with a
 * `crdFile` ships that CRD as written; an entry with only `apiTypes` gets a CRD whose schema
 * preserves unknown fields (with a status subresource) — its template paths are unchecked,
 * which `ork generate` says in a warning. Built-in kinds (ConfigMap, Pod, ...) get none.
 */
import type { CrdModel, KatalogModel } from '../../model/katalog-model.ts';

/** One CRD manifest per enabled custom CRD entry, in document order. */
export function crdManifests(model: KatalogModel): Array<Record<string, unknown>> {
  return model.crds.filter((c) => c.enabled && c.api && !c.api.builtIn).map(crdManifest);
}

/** True when an entry's CRD is generated without a schema (no crdFile). */
export function isSchemaless(crd: CrdModel): boolean {
  return !crd.crd && crd.api !== undefined && !crd.api.builtIn;
}

function crdManifest(crd: CrdModel): Record<string, unknown> {
  if (crd.crd) {
    const { status: _status, ...withoutStatus } = crd.crd as typeof crd.crd & { status?: unknown };
    return withoutStatus as Record<string, unknown>;
  }
  const api = crd.api!;
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${api.plural}.${api.group}` },
    spec: {
      group: api.group,
      names: { kind: api.kind, plural: api.plural, singular: api.kind.toLowerCase(), listKind: `${api.kind}List` },
      scope: api.namespaced ? 'Namespaced' : 'Cluster',
      versions: [
        {
          name: api.version,
          served: true,
          storage: true,
          subresources: { status: {} },
          schema: {
            openAPIV3Schema: {
              type: 'object',
              description: crd.raw.description ?? `${api.kind} (schema not declared: add a crdFile to type it)`,
              properties: {
                spec: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
                status: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
              },
            },
          },
        },
      ],
    },
  };
}
