/**
 * The name a child renders to, checked before it is sent: a CR whose values make a name the API
 * server would refuse (empty, upper case, unicode, a leading '-') gets a clear `InvalidChild`
 * status instead of a path error. Most kinds need an RFC 1123 subdomain; RBAC kinds allow any
 * path segment (e.g. `system:viewer`), and the API server still has the last word (its 422 is
 * reported the same way).
 */

/** A rendered child the API server would not accept; the CR's values are the cause. */
export class InvalidChildError extends Error {
  override readonly name = 'InvalidChildError';
}

const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const PATH_SEGMENT = /^[A-Za-z0-9][-A-Za-z0-9_.:]*$/;
const PATH_SEGMENT_KINDS = new Set(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']);

/** Throws an InvalidChildError when `name` cannot name a `kind` object. */
export function checkChildName(kind: string, name: string): void {
  if (PATH_SEGMENT_KINDS.has(kind)) {
    if (!PATH_SEGMENT.test(name) || name.length > 253) throw new InvalidChildError(`${kind} ${JSON.stringify(name)}: not a valid name (letters, digits, '-', '_', '.', ':'; starting with a letter or digit); check the values its name template uses`);
    return;
  }
  if (name.length > 253 || !SUBDOMAIN.test(name)) {
    throw new InvalidChildError(`${kind} ${JSON.stringify(name)}: not a valid object name — it must be a lowercase RFC 1123 subdomain (a-z, 0-9, '-', '.'; starting and ending with a letter or digit; at most 253 characters); check the values its name template uses`);
  }
}
