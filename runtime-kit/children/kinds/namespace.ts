/**
 * `namespaces[i]` → v1 Namespace (cluster-scoped; Orkestra `namespaces`). Default name `<cr>-ns`;
 * `finalizers` become `metadata.finalizers`. Owner reference only when the CR is cluster-scoped
 * (otherwise tracked by the `orkestra-owner` label and deleted explicitly).
 */
import type { NamespaceInput } from '../inputs/kinds.ts';
import type { Namespace } from '../k8s/core.ts';
import { buildMeta, defaultName } from '../meta.ts';
import type { BuildContext } from '../types.ts';

/** Default name suffix: `<cr>-ns`. */
export const NAMESPACE_NAME_SUFFIX = '-ns';

/** The Namespace's name: declared, else `<cr>-ns`. */
export function namespaceName(input: NamespaceInput, ctx: BuildContext): string {
  return defaultName(input.name, ctx, NAMESPACE_NAME_SUFFIX);
}

/** Builds the Namespace. */
export function buildNamespace(input: NamespaceInput, ctx: BuildContext): Namespace {
  const name = namespaceName(input, ctx);
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: buildMeta(ctx, { name, labels: input.labels, annotations: input.annotations, finalizers: input.finalizers }),
  };
}
