/**
 * Where a child lives and whether it may point at the CR with an owner reference.
 *
 * Kubernetes allows an owner reference only to an owner in the same namespace, or to a
 * cluster-scoped owner; a namespaced owner cannot own a cluster-scoped object or an object in
 * another namespace (the garbage collector would delete such a child as orphaned). In those
 * cases ork writes no owner reference and the child is tracked by its `orkestra-owner` label.
 */
import type { Owner, OwnerReference } from './types.ts';

/** True when the CR itself is cluster-scoped. */
export function isClusterScoped(owner: Owner): boolean {
  return owner.namespace === undefined || owner.namespace === '';
}

/** Orkestra `ResolveNamespace`: the declared namespace, else the CR's, else `default`. */
export function resolveNamespace(declared: string | undefined, owner: Owner): string {
  if (declared !== undefined && declared !== '') return declared;
  return isClusterScoped(owner) ? 'default' : (owner.namespace as string);
}

/** True when a child in `childNamespace` (undefined = cluster-scoped child) may reference the CR. */
export function mayOwn(owner: Owner, childNamespace: string | undefined): boolean {
  if (isClusterScoped(owner)) return true;
  return childNamespace !== undefined && childNamespace === owner.namespace;
}

/** The controller reference to the CR (Orkestra `ResolveOwnerReferences`). */
export function controllerReference(owner: Owner): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.name,
    uid: owner.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** `[controllerReference]` when allowed (see {@link mayOwn}), else undefined. */
export function ownerReferences(owner: Owner, childNamespace: string | undefined): OwnerReference[] | undefined {
  return mayOwn(owner, childNamespace) ? [controllerReference(owner)] : undefined;
}
