/** REST paths of Kubernetes resources. */

/** Identifies a resource type (and optionally one object of it). */
export interface ResourceRef {
  /** API group; '' for the core group. */
  readonly group: string;
  readonly version: string;
  /** Lowercase plural, e.g. `deployments`. */
  readonly plural: string;
  /** Namespace for namespaced resources; omit for cluster-scoped or all-namespace lists. */
  readonly namespace?: string;
  readonly name?: string;
  /** e.g. `status`. */
  readonly subresource?: string;
}

const SEGMENT = /^[A-Za-z0-9][-A-Za-z0-9_.:]*$/;

function seg(s: string, what: string): string {
  if (!SEGMENT.test(s)) throw new Error(`invalid ${what} for a resource path: ${JSON.stringify(s)}`);
  return s;
}

/** `/api/v1/namespaces/ns/pods/name/status` or `/apis/group/version/...`. Validates segments. */
export function resourcePath(r: ResourceRef): string {
  const parts = r.group === '' ? ['api', seg(r.version, 'version')] : ['apis', seg(r.group, 'group'), seg(r.version, 'version')];
  if (r.namespace !== undefined && r.namespace !== '') parts.push('namespaces', seg(r.namespace, 'namespace'));
  parts.push(seg(r.plural, 'plural'));
  if (r.name !== undefined) parts.push(seg(r.name, 'name'));
  if (r.subresource !== undefined) parts.push(seg(r.subresource, 'subresource'));
  return '/' + parts.join('/');
}
