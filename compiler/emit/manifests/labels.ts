/** Names and labels shared by every manifest ork generates for one operator. */
import type { KatalogModel } from '../../model/katalog-model.ts';
import { ORK_VERSION } from '../../version.ts';

/** Name of the operator's Deployment, ServiceAccount and RBAC objects. */
export function operatorName(model: KatalogModel): string {
  return `${model.name}-operator`;
}

/** The default image reference of an operator (what `ork build --image` tags unless told otherwise). */
export function defaultImage(model: KatalogModel): string {
  return `localhost/ork/${operatorName(model)}:${model.version ?? '0.0.0'}`;
}

/** Recommended labels (app.kubernetes.io/*) on every generated object. */
export function commonLabels(model: KatalogModel): Record<string, string> {
  return {
    'app.kubernetes.io/name': operatorName(model),
    'app.kubernetes.io/part-of': model.name,
    'app.kubernetes.io/managed-by': 'ork',
    'app.kubernetes.io/version': model.version ?? '0.0.0',
    'ork.dev/compiler-version': ORK_VERSION,
  };
}
