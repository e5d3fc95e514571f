/**
 * Input keys the pure builders do not implement because they need the cluster or state:
 * copying from an existing object, fanning out to other namespaces, generating credentials or
 * certificates once, rotating them, writing status, live autoscaling. A builder ignores these
 * keys (it builds the declared part); the harness must refuse them or handle them before or
 * after calling the builder (e.g. read `fromSecret`, merge its data into `data`, drop the key).
 */

/** Per child list key: each runtime key and what it needs. Dotted keys are nested fields. */
export const RUNTIME_IO_KEYS = {
  secrets: {
    fromSecret: 'reads an existing Secret (in fromNamespace, default the CR namespace) and copies its data',
    once: 'creates the Secret only when absent and never updates it (stable generated values)',
    rotateAfter: 'with once: recreates the Secret when older than this age (needs its creation time)',
    tls: 'generates a self-signed CA and server certificate (type kubernetes.io/tls)',
    toNamespaces: 'writes a copy into each listed namespace (create when absent)',
  },
  configMaps: {
    fromConfigMap: 'reads an existing ConfigMap (in fromNamespace, default the CR namespace); declared data keys win',
    toNamespaces: 'writes a copy into each listed namespace (create when absent)',
  },
  networkPolicies: {
    fromNetworkPolicy: 'reads an existing NetworkPolicy (in fromNamespace) and copies its spec',
    toNamespaces: 'writes a copy into each listed namespace (create when absent)',
  },
  resourceQuotas: {
    fromResourceQuota: 'reads an existing ResourceQuota (in fromNamespace) and copies its hard limits',
    toNamespaces: 'writes a copy into each listed namespace (create when absent)',
  },
  limitRanges: {
    fromLimitRange: 'reads an existing LimitRange (in fromNamespace) and copies its limits',
    toNamespaces: 'writes a copy into each listed namespace (create when absent)',
  },
  ingresses: {
    'tls.create': 'generates the self-signed TLS Secret the Ingress references (the Ingress itself is built)',
  },
  custom: {
    status: 'writes an initial status through the status subresource',
    hasStatus: 'discovers (or forces) whether the kind has a status subresource',
  },
  deployments: {
    autoscale: 'patches spec.replicas from metrics and conditions at reconcile time',
  },
  replicaSets: {
    autoscale: 'patches spec.replicas from metrics and conditions at reconcile time',
  },
  statefulSets: {
    autoscale: 'patches spec.replicas from metrics and conditions at reconcile time',
  },
} as const satisfies Readonly<Record<string, Readonly<Record<string, string>>>>;

/** A child list key that has runtime keys. */
export type RuntimeIoListKey = keyof typeof RUNTIME_IO_KEYS;

function present(input: unknown, path: string): boolean {
  let v: unknown = input;
  for (const part of path.split('.')) {
    if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, part)) return false;
    v = (v as Record<string, unknown>)[part];
  }
  if (v === undefined || v === null || v === false || v === '') return false;
  return !(Array.isArray(v) && v.length === 0);
}

/** The runtime keys a rendered declaration of `listKey` actually uses (set, non-empty, not false). */
export function runtimeIoKeys(listKey: string, input: unknown): string[] {
  const table: Readonly<Record<string, string>> | undefined = Object.prototype.hasOwnProperty.call(RUNTIME_IO_KEYS, listKey)
    ? RUNTIME_IO_KEYS[listKey as RuntimeIoListKey]
    : undefined;
  if (table === undefined) return [];
  return Object.keys(table).filter((k) => present(input, k));
}
