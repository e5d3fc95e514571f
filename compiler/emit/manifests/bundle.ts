/**
 * `ork generate bundle --for runtime`: everything to run the operator in a cluster —
 * Namespace, ServiceAccount, least-privilege RBAC, a ConfigMap with the expanded Katalog
 * (served by /katalog/raw), and the Deployment. CRDs are separate (`ork generate crd`).
 */
import { stringify } from 'yaml';
import type { KatalogModel } from '../../model/katalog-model.ts';
import { deriveRbac } from '../../rbac/derive.ts';
import { expandKatalog } from '../../expand/expanded-katalog.ts';
import { commonLabels, operatorName } from './labels.ts';
import { rbacManifests } from './rbac.ts';
import { operatorDeployment } from './deployment.ts';

/** Options of the bundle. */
export interface BundleOptions {
  /** Namespace of the operator (default: the Katalog's metadata.namespace). */
  readonly namespace?: string;
  readonly image: string;
}

/** The bundle's objects, in apply order. */
export function runtimeBundle(model: KatalogModel, opts: BundleOptions): Array<Record<string, unknown>> {
  const namespace = opts.namespace ?? model.namespace;
  const rules = deriveRbac({ ...model, namespace });
  const labels = commonLabels(model);
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace, labels: { 'app.kubernetes.io/managed-by': 'ork' } } },
    ...rbacManifests(model, rules, namespace),
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: `${operatorName(model)}-katalog`, namespace, labels },
      data: { 'katalog.yaml': stringify(expandKatalog(model), { lineWidth: 0 }) },
    },
    operatorDeployment(model, { namespace, image: opts.image }),
  ];
}
