/**
 * Least-privilege RBAC derived from the normalized model, once, for `ork validate --full`,
 * the generator's manifests and `ork diff`. Rules (docs/rbac.md):
 * - each enabled CRD: list/watch its CRs, patch them (finalizers, labels), patch
 *   `<plural>/status` unless status patching is off;
 * - each child kind: list/watch (cache, drift, `.children`), create for onCreate, create
 *   + patch for server-side apply (onReconcile, `reconcile: true`), delete where children are
 *   pruned (gates, forEach, onReconcile) or deleted in `onDelete`;
 * - Events: create; the Lease: create, get/update by name, in the operator namespace only.
 * No `get` on CRs or children: the operator reads them only from its informers' caches (list +
 * watch), and it never patches an Event (it deduplicates before writing). Removing any verb that
 * is derived makes something declared fail (test/integration/e2e/rbac-every-rule.test.ts).
 * No wildcard, no cluster-admin; CRD definitions are found through discovery (no rule).
 */
import type { CrdModel, KatalogModel, ResourceDeclModel, HookBlockModel } from '../model/katalog-model.ts';
import { childKind } from '../schema/child-kinds.ts';
import { splitApiVersion } from '../../runtime-kit/reconcile/ports.ts';
import type { RbacRule, RbacRules, RuleReason } from './rules.ts';

type Acc = Map<string, { apiGroup: string; resource: string; verbs: Set<string>; reasons: RuleReason[]; resourceNames?: string[] }>;

function add(acc: Acc, apiGroup: string, resource: string, verbs: readonly string[], reason: RuleReason): void {
  const key = `${apiGroup}|${resource}`;
  let r = acc.get(key);
  if (!r) {
    r = { apiGroup, resource, verbs: new Set(), reasons: [] };
    acc.set(key, r);
  }
  for (const v of verbs) r.verbs.add(v);
  if (!r.reasons.some((x) => x.path === reason.path && x.why === reason.why)) r.reasons.push(reason);
}

function finish(acc: Acc): RbacRule[] {
  return [...acc.values()]
    .map((r) => ({ apiGroup: r.apiGroup, resource: r.resource, verbs: [...r.verbs].sort(), reasons: r.reasons, ...(r.resourceNames ? { resourceNames: r.resourceNames } : {}) }))
    .sort((a, b) => a.apiGroup.localeCompare(b.apiGroup) || a.resource.localeCompare(b.resource));
}

/** The Lease name of an operator: one per Katalog, so several operators coexist. */
export function leaseName(model: KatalogModel): string {
  return `${model.name}-leader`;
}

/** Derives every rule the operator of `model` needs. */
export function deriveRbac(model: KatalogModel): RbacRules {
  const acc: Acc = new Map();
  for (const crd of model.crds.filter((c) => c.enabled && c.api)) {
    addCrdRules(acc, crd);
    for (const block of crd.box.hooks) addBlockRules(acc, crd, block, false);
  }
  const ns: Acc = new Map();
  const lease = leaseName(model);
  if (model.crds.some((c) => c.enabled)) {
    add(acc, '', 'events', ['create'], { path: 'spec.crds', why: 'record Kubernetes Events on CRs' });
    add(ns, 'coordination.k8s.io', 'leases', ['create'], { path: 'metadata.name', why: `create the leader-election Lease ${lease}` });
  }
  const nsRules = finish(ns);
  if (model.crds.some((c) => c.enabled)) {
    nsRules.push({ apiGroup: 'coordination.k8s.io', resource: 'leases', verbs: ['get', 'update'], resourceNames: [lease], reasons: [{ path: 'metadata.name', why: `hold and renew the Lease ${lease}` }] });
  }
  return { cluster: finish(acc), namespace: nsRules, operatorNamespace: model.namespace };
}

function addCrdRules(acc: Acc, crd: CrdModel): void {
  const api = crd.api;
  if (!api) return;
  const path = crd.at.join('.');
  add(acc, api.group, api.plural, ['list', 'watch'], { path, why: `watch ${api.kind} CRs` });
  add(acc, api.group, api.plural, ['patch'], { path, why: `add and remove finalizers and labels on ${api.kind} CRs` });
  const statusOff = crd.raw.ignoreStatusPatch === true || api.builtIn;
  if (!statusOff) add(acc, api.group, `${api.plural}/status`, ['patch'], { path, why: `write ${api.kind} status (conditions, observedGeneration, fields)` });
}

function addBlockRules(acc: Acc, crd: CrdModel, block: HookBlockModel, inGroup: boolean): void {
  for (const decl of block.resources) {
    const target = childTarget(decl);
    if (!target) continue;
    const path = decl.at.join('.');
    for (const [verbs, why] of verbsFor(block, decl, inGroup)) add(acc, target.group, target.resource, verbs, { path, why: `${why} ${target.kind} children of ${crd.api?.kind ?? crd.name}` });
  }
  for (const g of block.groups) addBlockRules(acc, crd, g, true);
}

function verbsFor(block: HookBlockModel, decl: ResourceDeclModel, inGroup: boolean): Array<[string[], string]> {
  const out: Array<[string[], string]> = [[['list', 'watch'], 'read']];
  const gated = decl.raw['when'] !== undefined || decl.raw['or'] !== undefined || decl.raw['forEach'] !== undefined;
  if (block.phase === 'onDelete') {
    if (block.raw.ordered === true || inGroup) out.push([['delete'], 'delete (ordered deletion)']);
    else if (decl.listKey === 'jobs') out.push([['create'], 'run clean-up']);
    else out.push([['delete'], 'delete on CR deletion']);
    return out;
  }
  const applied = block.phase === 'onReconcile' || decl.raw['reconcile'] === true;
  if (applied) out.push([['create', 'patch'], 'server-side apply']);
  else out.push([['create'], 'create']);
  if (applied || gated) out.push([['delete'], 'prune']);
  return out;
}

/**
 * The API type of a child declaration: its list's kind, or for `custom:` the written
 * apiVersion/kind (plural written, else Kubernetes' default). Undefined when a custom
 * entry's type is a template (it cannot be known before run time).
 */
export function childTarget(decl: ResourceDeclModel): { apiVersion: string; group: string; resource: string; kind: string; namespaced: boolean } | undefined {
  if (decl.listKey !== 'custom') {
    const k = childKind(decl.listKey);
    return { apiVersion: k.group ? `${k.group}/${k.version}` : k.version, group: k.group, resource: k.plural, kind: k.kind, namespaced: k.namespaced };
  }
  const apiVersion = decl.raw['apiVersion'];
  const kind = decl.raw['kind'];
  if (typeof apiVersion !== 'string' || typeof kind !== 'string' || apiVersion.includes('{{') || kind.includes('{{')) return undefined;
  const [group] = splitApiVersion(apiVersion);
  const plural = typeof decl.raw['plural'] === 'string' ? decl.raw['plural'] : guessPlural(kind);
  return { apiVersion, group, resource: plural, kind, namespaced: true };
}

/** Kubernetes' default plural of a kind (lowercase; -y → -ies; -s/-x/-ch/-sh → -es; else -s). */
export function guessPlural(kind: string): string {
  const k = kind.toLowerCase();
  if (/[^aeiou]y$/.test(k)) return `${k.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(k)) return `${k}es`;
  return `${k}s`;
}
