/**
 * Orkestra's per-CRD namespace guard (`allowedNamespaces` / `restrictedNamespaces`): a CR in a
 * namespace outside the allow-list, or inside the deny-list, is not reconciled — its events are
 * dropped before they reach the queue, silently, as Orkestra skips them. Its deletion still is:
 * a CR being deleted always passes, so a finalizer set earlier is never left behind.
 * Cluster-scoped CRs have no namespace and always pass. Names match exactly.
 */
import type { CrdSpec } from './spec.ts';

/** Whether a CR event is admitted to the queue. */
export type NamespaceGuard = (namespace: string | undefined, deleting: boolean) => boolean;

/** The guard of a CRD; admits everything when it lists no namespaces. */
export function namespaceGuard(spec: Pick<CrdSpec, 'allowedNamespaces' | 'restrictedNamespaces'>): NamespaceGuard {
  const allowed = spec.allowedNamespaces?.length ? new Set(spec.allowedNamespaces) : undefined;
  const restricted = new Set(spec.restrictedNamespaces ?? []);
  return (namespace, deleting) => {
    if (deleting || namespace === undefined) return true;
    if (allowed && !allowed.has(namespace)) return false;
    return !restricted.has(namespace);
  };
}

/**
 * The one namespace the CR informer needs to watch, if any: the Katalog's `namespace`, else the
 * single entry of `allowedNamespaces` (Orkestra's "tier 1": one allowed namespace is watched
 * alone, so nothing else is even listed). Undefined = all namespaces, filtered by the guard.
 */
export function watchedNamespace(spec: Pick<CrdSpec, 'namespace' | 'allowedNamespaces'>): string | undefined {
  if (spec.namespace) return spec.namespace;
  return spec.allowedNamespaces?.length === 1 ? spec.allowedNamespaces[0] : undefined;
}
