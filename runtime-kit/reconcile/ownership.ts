/**
 * Marks a child as the CR's: an ownerReference (controller, so garbage collection removes
 * it with the CR — only when Kubernetes allows it: same namespace, or a cluster-scoped
 * owner), Orkestra's labels (`orkestra.orkspace.io/managed=true`, `orkestra-owner=<cr>`),
 * and the annotation naming the Katalog declaration, which is how pruning knows a child it
 * may delete when no declaration produces it any more.
 */
import type { KubeObjectLike } from './desired.ts';

export const MANAGED_LABEL = 'orkestra.orkspace.io/managed';
export const OWNER_LABEL = 'orkestra-owner';
export const DECLARED_BY = 'ork.dev/declared-by';

/** The child with ownership stamped (a new object; the input is not modified). */
export function withOwnership(child: KubeObjectLike, owner: KubeObjectLike, declaredAt: string): KubeObjectLike {
  const sameScope = !owner.metadata.namespace || owner.metadata.namespace === child.metadata.namespace;
  const ownerRef = {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid ?? '',
    controller: true,
  };
  return {
    ...child,
    metadata: {
      ...child.metadata,
      labels: { ...child.metadata.labels, [MANAGED_LABEL]: 'true', [OWNER_LABEL]: owner.metadata.name },
      annotations: { ...child.metadata.annotations, [DECLARED_BY]: declaredAt },
      ...(sameScope && owner.metadata.uid ? { ownerReferences: [ownerRef] } : {}),
    },
  };
}

/** The declaration that produced a live child, when ork made it. */
export function declaredBy(o: KubeObjectLike): string | undefined {
  return o.metadata.annotations?.[DECLARED_BY];
}
