/**
 * The soak auditor: compares what the workload meant (the expected final spec of every CR it
 * touched, or that it deleted it) with what the cluster holds, once the operator had time to
 * converge. It checks that
 * - every live CR converged: Ready=True, `observedGeneration == generation`, a Deployment and a
 *   Service owned by it (ownerReference uid) whose image/replicas/port match the spec;
 * - every deleted CR is gone (its finalizer was released);
 * - no managed child is left without a live owner (after the garbage collector settled);
 * - no CR exists that the workload did not create.
 */
import type { KubeClient } from '../../runtime-kit/client/rest.ts';
import { webappRef, type WebApp, type WebAppSpec } from './webapps.ts';

/** What the workload expects of one CR name at the end. */
export type Expected = { readonly deleted: false; readonly spec: WebAppSpec } | { readonly deleted: true };

interface Child {
  readonly metadata: { name: string; uid: string; ownerReferences?: Array<{ kind: string; uid: string; name: string }>; deletionTimestamp?: string };
  readonly spec?: { replicas?: number; template?: { spec?: { containers?: Array<{ image?: string }> } }; ports?: Array<{ port?: number; targetPort?: number | string }> };
}

/** The auditor's findings; `problems` is empty when everything converged. */
export interface AuditReport {
  /** CRs expected alive / found converged. */
  readonly live: number;
  readonly converged: number;
  /** CRs expected deleted / found gone. */
  readonly deleted: number;
  readonly gone: number;
  readonly deployments: number;
  readonly services: number;
  readonly orphans: number;
  /** Human-readable findings, one per problem (first 20 kept, plus a count). */
  readonly problems: readonly string[];
  readonly problemCount: number;
}

const MANAGED = 'orkestra.orkspace.io/managed=true';

/** Audits namespace `ns` against `expected` (name → final intent). */
export async function audit(client: KubeClient, ns: string, expected: ReadonlyMap<string, Expected>): Promise<AuditReport> {
  const [crs, deps, svcs] = await Promise.all([
    client.list<{ items: WebApp[] }>(webappRef(ns)),
    client.list<{ items: Child[] }>({ group: 'apps', version: 'v1', plural: 'deployments', namespace: ns }, { labelSelector: MANAGED }),
    client.list<{ items: Child[] }>({ group: '', version: 'v1', plural: 'services', namespace: ns }, { labelSelector: MANAGED }),
  ]);
  const problems: string[] = [];
  const byName = new Map(crs.items.map((c) => [c.metadata.name, c]));
  const ownedBy = (items: Child[]): Map<string, Child> => {
    const m = new Map<string, Child>();
    for (const c of items) for (const r of c.metadata.ownerReferences ?? []) if (r.kind === 'WebApp') m.set(r.uid, c);
    return m;
  };
  const depOf = ownedBy(deps.items);
  const svcOf = ownedBy(svcs.items);
  let live = 0;
  let converged = 0;
  let deleted = 0;
  let gone = 0;
  for (const [name, want] of expected) {
    const cr = byName.get(name);
    if (want.deleted) {
      deleted++;
      if (cr === undefined) gone++;
      else problems.push(`${name}: deleted but still present (finalizers ${JSON.stringify(cr.metadata.finalizers ?? [])}, deletionTimestamp ${cr.metadata.deletionTimestamp ?? 'none'})`);
      continue;
    }
    live++;
    const why = cr === undefined ? ['missing'] : notConverged(cr, want.spec, depOf.get(cr.metadata.uid), svcOf.get(cr.metadata.uid));
    if (why.length === 0) converged++;
    else problems.push(`${name}: ${why.join('; ')}`);
  }
  for (const name of byName.keys()) if (!expected.has(name)) problems.push(`${name}: a CR the workload never created`);
  const liveUids = new Set(crs.items.map((c) => c.metadata.uid));
  let orphans = 0;
  for (const [kind, items] of [['Deployment', deps.items], ['Service', svcs.items]] as const) {
    for (const c of items) {
      const owner = (c.metadata.ownerReferences ?? []).find((r) => r.kind === 'WebApp');
      if (owner !== undefined && liveUids.has(owner.uid)) continue;
      orphans++;
      problems.push(`${kind}/${c.metadata.name}: orphan (owner ${owner ? `${owner.name} ${owner.uid}` : 'none'} not live)`);
    }
  }
  return { live, converged, deleted, gone, deployments: deps.items.length, services: svcs.items.length, orphans, problems: problems.slice(0, 20), problemCount: problems.length };
}

/** Why `cr` has not converged to `spec` (empty when it has). */
function notConverged(cr: WebApp, spec: WebAppSpec, dep: Child | undefined, svc: Child | undefined): string[] {
  const why: string[] = [];
  if (cr.metadata.deletionTimestamp) why.push('being deleted');
  const ready = cr.status?.conditions?.find((c) => c.type === 'Ready');
  if (ready?.status !== 'True') why.push(`Ready=${ready?.status ?? 'absent'}`);
  if (cr.status?.observedGeneration !== cr.metadata.generation) why.push(`observedGeneration ${cr.status?.observedGeneration} != generation ${cr.metadata.generation}`);
  if (dep === undefined) why.push('no Deployment');
  else {
    const image = dep.spec?.template?.spec?.containers?.[0]?.image;
    if (image !== spec.image) why.push(`Deployment image ${image} != ${spec.image}`);
    if (dep.spec?.replicas !== spec.replicas) why.push(`Deployment replicas ${dep.spec?.replicas} != ${spec.replicas}`);
  }
  if (svc === undefined) why.push('no Service');
  else if (svc.spec?.ports?.[0]?.port !== 80) why.push(`Service port ${svc.spec?.ports?.[0]?.port} != 80`);
  return why;
}
