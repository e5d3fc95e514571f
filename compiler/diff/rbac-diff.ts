/**
 * RBAC comparison of the two sides' ClusterRoles and Roles. Rules are expanded to one key
 * per (role kind, namespace, API group, resource, resourceNames) with the union of their
 * verbs — what the operator's ServiceAccount may effectively do — then compared: every added
 * verb (a new rule or a new verb on a rule) is an escalation; removed verbs are reductions.
 */
import type { RbacChange } from './report.ts';
import { asNode, type SchemaNode } from './schema-node.ts';

/** A ClusterRole or Role as parsed from YAML. */
export type RoleObject = SchemaNode;

interface Grant {
  roleKind: 'ClusterRole' | 'Role';
  namespace?: string;
  apiGroup: string;
  resource: string;
  resourceNames: string[];
  verbs: Set<string>;
  roles: Set<string>;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** Expands the rules of every ClusterRole/Role into grants by key. */
export function grants(roles: readonly RoleObject[]): Map<string, Grant> {
  const out = new Map<string, Grant>();
  for (const role of roles) {
    const roleKind = role['kind'] === 'ClusterRole' ? 'ClusterRole' : role['kind'] === 'Role' ? 'Role' : undefined;
    if (!roleKind) continue;
    const meta = asNode(role['metadata']) ?? {};
    const name = typeof meta['name'] === 'string' ? meta['name'] : '';
    const namespace = roleKind === 'Role' ? (typeof meta['namespace'] === 'string' ? meta['namespace'] : 'default') : undefined;
    for (const r of Array.isArray(role['rules']) ? role['rules'] : []) {
      const rule = asNode(r);
      if (!rule) continue;
      const resourceNames = strings(rule['resourceNames']).sort();
      const groups = strings(rule['apiGroups']);
      const resources = [...strings(rule['resources']), ...strings(rule['nonResourceURLs'])];
      for (const apiGroup of groups.length ? groups : ['']) {
        for (const resource of resources) {
          const key = JSON.stringify([roleKind, namespace ?? '', apiGroup, resource, resourceNames]);
          let g = out.get(key);
          if (!g) {
            g = { roleKind, ...(namespace !== undefined ? { namespace } : {}), apiGroup, resource, resourceNames, verbs: new Set(), roles: new Set() };
            out.set(key, g);
          }
          for (const v of strings(rule['verbs'])) g.verbs.add(v);
          g.roles.add(name);
        }
      }
    }
  }
  return out;
}

/** Compares two sides' roles; unchanged rules are left out. ClusterRole rules first, then by group and resource. */
export function diffRbac(a: readonly RoleObject[], b: readonly RoleObject[]): RbacChange[] {
  const ga = grants(a);
  const gb = grants(b);
  const out: RbacChange[] = [];
  for (const key of new Set([...ga.keys(), ...gb.keys()])) {
    const x = ga.get(key);
    const y = gb.get(key);
    const g = (y ?? x)!;
    const addedVerbs = [...(y?.verbs ?? [])].filter((v) => !x?.verbs.has(v)).sort();
    const removedVerbs = [...(x?.verbs ?? [])].filter((v) => !y?.verbs.has(v)).sort();
    if (addedVerbs.length === 0 && removedVerbs.length === 0) continue;
    out.push({
      roleKind: g.roleKind,
      ...(g.namespace !== undefined ? { namespace: g.namespace } : {}),
      roles: [...new Set([...(x?.roles ?? []), ...(y?.roles ?? [])])].sort(),
      apiGroup: g.apiGroup,
      resource: g.resource,
      resourceNames: g.resourceNames,
      change: !x || x.verbs.size === 0 ? 'added' : !y || y.verbs.size === 0 ? 'removed' : 'changed',
      addedVerbs,
      removedVerbs,
      escalation: addedVerbs.length > 0,
    });
  }
  const order = (c: RbacChange): string => JSON.stringify([c.roleKind === 'ClusterRole' ? 0 : 1, c.namespace ?? '', c.apiGroup, c.resource, c.resourceNames]);
  return out.sort((p, q) => (order(p) < order(q) ? -1 : order(p) > order(q) ? 1 : 0));
}
