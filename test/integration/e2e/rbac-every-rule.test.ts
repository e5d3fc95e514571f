/**
 * Every generated RBAC rule is necessary (issue 8, "least privilege, proven"): the platform
 * example (the Katalog with the most distinct rules: 11 in its ClusterRole, 2 in its Role) runs
 * first with exactly its generated RBAC — everything it declares happens, and `kubectl auth
 * can-i --list` as its ServiceAccount lists exactly those rules — and then once per rule
 * with that one rule removed, each time showing something the Katalog declares failing: the API
 * server's 403 for that resource in the operator's log, and a declared child, status, Event or
 * the leader Lease missing while an unrelated declared behaviour (the control) still works.
 *
 * Runs are sequential (the operator watches all namespaces, so two at once would serve each
 * other's CRs); each uses a fresh namespace and a deleted Lease. The ServiceAccount, ClusterRole
 * and Role get unique names so this file does not disturb least-privilege.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';
import { createTestNamespace, eventually, testPlane, uniqueSuffix } from '../../helpers/control-plane.ts';
import { getJson, kubectl } from '../../helpers/kubectl.ts';
import { runOrk } from '../../helpers/run-ork.ts';
import { startOperator, type OperatorProcess } from './operator-process.ts';
import { serviceAccountKubeconfig } from './sa-kubeconfig.ts';

interface PolicyRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
  resourceNames?: string[];
}
interface Manifest {
  kind: string;
  metadata: { name: string; namespace?: string };
  rules?: PolicyRule[];
  roleRef?: { name: string };
  subjects?: Array<{ namespace?: string }>;
}
type Obj = { status?: { conditions?: Array<{ type: string; status: string }> } };

const suffix = uniqueSuffix();
const opNs = `rbac-op-${suffix}`;
const roleName = `platform-operator-${suffix}`;
const LEASE = 'platform-leader';
const GROUP = 'platform.ork.dev';

/** `group/resource[:names]` of a rule, as the table below names it. */
const ruleKey = (r: PolicyRule): string => `${r.apiGroups[0] || 'core'}/${r.resources[0]}${r.resourceNames ? `:${r.resourceNames.join(',')}` : ''}`;

/** One declared outcome: a description and a check that holds once it happened. */
interface Outcome {
  readonly what: string;
  readonly holds: (ns: string, op: OperatorProcess) => boolean;
}
const exists = (kind: string, name: string): Outcome => ({ what: `${kind}/${name} created`, holds: (ns) => getJson([kind, name, '-n', ns]) !== undefined });
const statusWritten = (kind: string, name: string): Outcome => ({
  what: `${kind}/${name} status Ready=True`,
  holds: (ns) => getJson<Obj>([`${kind}.${GROUP}`, name, '-n', ns])?.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false,
});
const eventsRecorded: Outcome = {
  what: 'Events recorded',
  holds: (ns) => (getJson<{ items: Array<{ source?: { component?: string } }> }>(['events', '-n', ns])?.items ?? []).some((e) => e.source?.component === 'platform-operator'),
};
const logSays = (msg: string): Outcome => ({ what: `operator logs "${msg}"`, holds: (_ns, op) => op.lines.some((l) => l.includes(`"msg":"${msg}"`)) });
const leaseHeld: Outcome = { what: `Lease ${LEASE} held`, holds: () => Boolean((getJson<{ spec?: { holderIdentity?: string } }>(['lease', LEASE, '-n', opNs])?.spec?.holderIdentity ?? '') !== '') };

/** Everything the platform Katalog declares for the three CRs below (the baseline must show all). */
const ALL: Outcome[] = [
  exists('secret', 'orders-credentials'),
  exists('deployment', 'orders-db'),
  exists('service', 'orders-db'),
  exists('deployment', 'sessions-cache'),
  exists('service', 'sessions-cache'),
  exists('configmap', 'shop-wiring'),
  exists('deployment', 'shop'),
  statusWritten('database', 'orders'),
  statusWritten('cache', 'sessions'),
  statusWritten('app', 'shop'),
  eventsRecorded,
  leaseHeld,
];

/**
 * Per rule: what still works without it (control; proves the run got that far) and what the
 * Katalog declares that must now fail (broken). A generated rule missing here fails the test.
 */
const EXPECT: Record<string, { control: Outcome[]; broken: Outcome[] }> = {
  'core/configmaps': { control: [exists('deployment', 'orders-db'), exists('deployment', 'sessions-cache')], broken: [exists('configmap', 'shop-wiring'), exists('deployment', 'shop')] },
  'core/events': { control: [exists('deployment', 'shop'), statusWritten('app', 'shop')], broken: [eventsRecorded] },
  'core/secrets': { control: [exists('deployment', 'sessions-cache')], broken: [exists('secret', 'orders-credentials'), exists('deployment', 'orders-db')] },
  'core/services': { control: [logSays('leading')], broken: [exists('service', 'orders-db'), exists('service', 'sessions-cache'), exists('deployment', 'shop')] },
  'apps/deployments': { control: [logSays('leading')], broken: [exists('deployment', 'orders-db'), exists('deployment', 'sessions-cache'), exists('deployment', 'shop')] },
  [`${GROUP}/apps`]: { control: [exists('deployment', 'orders-db'), exists('deployment', 'sessions-cache')], broken: [exists('configmap', 'shop-wiring'), statusWritten('app', 'shop')] },
  [`${GROUP}/apps/status`]: { control: [exists('deployment', 'shop')], broken: [statusWritten('app', 'shop')] },
  [`${GROUP}/caches`]: { control: [exists('deployment', 'orders-db')], broken: [exists('deployment', 'sessions-cache'), statusWritten('cache', 'sessions')] },
  [`${GROUP}/caches/status`]: { control: [exists('deployment', 'sessions-cache')], broken: [statusWritten('cache', 'sessions')] },
  [`${GROUP}/databases`]: { control: [exists('deployment', 'sessions-cache')], broken: [exists('deployment', 'orders-db'), exists('secret', 'orders-credentials')] },
  [`${GROUP}/databases/status`]: { control: [exists('deployment', 'orders-db')], broken: [statusWritten('database', 'orders')] },
  'coordination.k8s.io/leases': { control: [logSays('caches synced')], broken: [leaseHeld, logSays('leading'), exists('deployment', 'sessions-cache')] },
  [`coordination.k8s.io/leases:${LEASE}`]: { control: [logSays('caches synced')], broken: [leaseHeld, logSays('leading'), exists('deployment', 'sessions-cache')] },
};

/** `resource[.group][/sub] [names] [verbs]` — one grant, as compared with `kubectl auth can-i --list`. */
function grantKey(group: string, resource: string, names: readonly string[], verbs: readonly string[]): string {
  const [res, sub] = resource.split('/');
  return `${res}${group ? `.${group}` : ''}${sub ? `/${sub}` : ''} [${[...names].sort().join(' ')}] [${[...verbs].sort().join(' ')}]`;
}

/**
 * The resource grants of `kubectl auth can-i --list` (non-resource URLs left out), as grantKeys.
 * A `*` anywhere fails the caller's compare.
 */
function canIList(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n').slice(1)) {
    const m = /^(\S+)\s+\[(.*?)\]\s+\[(.*?)\]\s+\[(.*?)\]\s*$/.exec(line);
    if (!m) continue;
    out.push(`${m[1]} [${m[3]!.split(' ').filter(Boolean).sort().join(' ')}] [${m[4]!.split(' ').filter(Boolean).sort().join(' ')}]`);
  }
  return out.sort();
}

/** The 403 the API server answers for `rule`, as the kit logs it (`… cannot <verb> resource "<r>" in API group "<g>"`). */
function forbiddenLine(op: OperatorProcess, rule: PolicyRule, verb = '\\w+'): string | undefined {
  const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const re = new RegExp(`cannot (${verb}) resource \\\\?"${esc(rule.resources[0]!)}\\\\?" in API group \\\\?"${esc(rule.apiGroups[0]!)}\\\\?"`);
  return op.lines.find((l) => re.test(l))?.match(re)?.[0];
}

test('platform: with its generated RBAC everything works; without any one rule, something declared fails', { timeout: process.env['ORK_RBAC_VERBS'] === '1' ? 3_600_000 : 600_000 }, async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ork-rbac-'));
  const out = path.join(dir, 'platform');
  const built = await runOrk(['build', 'examples/platform/katalog.yaml', '-o', out]);
  assert.equal(built.code, 0, built.stderr);
  const crds = path.join(out, 'manifests', 'crds.yaml');
  kubectl(['apply', '--server-side', '-f', crds]);
  kubectl(['wait', '--for=condition=Established', '--timeout=60s', '-f', crds]);

  // The bundle's RBAC, moved to this file's own names; the Deployment is left out (the operator runs as a process).
  const docs = parseAllDocuments(readFileSync(path.join(out, 'manifests', 'operator.yaml'), 'utf8'))
    .map((d) => d.toJS() as Manifest)
    .filter((d) => d.kind !== 'Deployment');
  for (const d of docs) {
    if (d.kind === 'Namespace') d.metadata.name = opNs;
    else if (d.metadata.namespace) d.metadata.namespace = opNs;
    if (d.kind === 'ClusterRole' || d.kind === 'ClusterRoleBinding') d.metadata.name = roleName;
    if (d.kind === 'ClusterRoleBinding') d.roleRef!.name = roleName;
    for (const s of d.subjects ?? []) s.namespace = opNs;
  }
  const clusterRole = docs.find((d) => d.kind === 'ClusterRole')!;
  const leaseRole = docs.find((d) => d.kind === 'Role')!;
  const fullCluster = clusterRole.rules!;
  const fullLease = leaseRole.rules!;
  /** Applies the RBAC without rule `without` (only its `verb`, when given). */
  const apply = (without?: PolicyRule, verb?: string): void => {
    const minus = (rules: PolicyRule[]): PolicyRule[] =>
      rules.flatMap((r) => (r !== without ? [r] : verb === undefined || r.verbs.length === 1 ? [] : [{ ...r, verbs: r.verbs.filter((v) => v !== verb) }]));
    clusterRole.rules = minus(fullCluster);
    leaseRole.rules = minus(fullLease);
    kubectl(['apply', '--server-side', '--force-conflicts', '-f', '-'], docs.map((d) => `---\n${stringify(d)}`).join(''));
  };
  apply();
  const saConfig = serviceAccountKubeconfig(testPlane().kubectl, testPlane().kubeconfig, opNs, 'platform-operator', dir);
  const bundle = path.join(out, 'dist', 'main.js');

  /** Applies the RBAC (minus `without`), runs the operator on three fresh CRs until `until` holds, then `verify` (before clean-up); returns the ms to `until`. */
  const run = async (without: PolicyRule | undefined, until: Outcome[], waitMs: number, verify: (ns: string, op: OperatorProcess) => void, onlyVerb?: string): Promise<number> => {
    apply(without, onlyVerb);
    if (without) {
      // the server's authorizer sees the change before the operator starts
      const verb = onlyVerb ?? without.verbs[0]!;
      const [res, sub] = without.resources[0]!.split('/');
      const target = `${res}${without.apiGroups[0] ? `.${without.apiGroups[0]}` : ''}${without.resourceNames ? `/${without.resourceNames[0]}` : ''}`;
      await eventually(`can-i ${verb} ${target} = no`, 10_000, async () => {
        try {
          kubectl(['auth', 'can-i', verb, target, '-n', opNs, ...(sub ? [`--subresource=${sub}`] : [])], undefined, saConfig);
          return undefined;
        } catch {
          return true; // exit 1: "no"
        }
      }, 200);
    }
    kubectl(['delete', 'lease', LEASE, '-n', opNs, '--ignore-not-found']);
    const ns = await createTestNamespace('rbac-rule');
    const t0 = Date.now();
    const op = await startOperator(bundle, saConfig, { ORK_NAMESPACE: opNs });
    try {
      const cr = (kind: string, name: string, spec: object): string => stringify({ apiVersion: `${GROUP}/v1alpha1`, kind, metadata: { name }, spec });
      kubectl(['apply', '-n', ns, '-f', '-'], [cr('Database', 'orders', { user: 'shop' }), cr('Cache', 'sessions', { replicas: 2 }), cr('App', 'shop', { image: 'nginx:1.27', database: 'orders', cache: 'sessions' })].join('---\n'));
      await eventually(until.map((o) => o.what).join(', '), waitMs, async () => (until.every((o) => o.holds(ns, op)) ? true : undefined), 250);
      const ms = Date.now() - t0;
      if (without) await new Promise((r) => setTimeout(r, 2_000)); // room for what must not happen to happen anyway
      verify(ns, op);
      return ms;
    } finally {
      const code = await op.stop();
      assert.equal(code, 0, 'the operator exits 0 on SIGTERM');
      // the operator is gone: release its finalizers and delete the CRs, so the next run starts clean
      for (const kind of ['apps', 'caches', 'databases']) {
        for (const name of kubectl(['get', `${kind}.${GROUP}`, '-n', ns, '-o', 'name']).split('\n').filter(Boolean)) {
          kubectl(['patch', name, '-n', ns, '--type=merge', '-p', '{"metadata":{"finalizers":null}}']);
        }
      }
      kubectl(['delete', `apps.${GROUP},caches.${GROUP},databases.${GROUP}`, '--all', '-n', ns, '--wait=true']);
      kubectl(['delete', 'namespace', ns, '--wait=false']);
    }
  };

  const table: string[] = [];
  await t.test('baseline: the full generated RBAC — every declared outcome happens, no RBAC denial, can-i lists exactly the rules', async () => {
    const ms = await run(undefined, ALL, 90_000, (ns, op) => {
      // RBAC denials only ("cannot <verb> resource"): a namespace another test left terminating also answers 403
      assert.deepEqual(op.lines.filter((l) => /cannot \w+ resource/.test(l)), [], 'no request was denied by RBAC');
      for (const o of ALL) assert.ok(o.holds(ns, op), o.what);
    });
    // what the API server says the ServiceAccount may do, beyond what any authenticated user may
    // (an unbound ServiceAccount's list), is exactly the generated rules: no wildcard, nothing else
    kubectl(['create', 'serviceaccount', 'nobody', '-n', opNs]);
    const everyone = new Set(canIList(kubectl(['auth', 'can-i', '--list', '-n', opNs], undefined, serviceAccountKubeconfig(testPlane().kubectl, testPlane().kubeconfig, opNs, 'nobody', dir))));
    const listed = canIList(kubectl(['auth', 'can-i', '--list', '-n', opNs], undefined, saConfig)).filter((g) => !everyone.has(g));
    const expected = [...fullCluster, ...fullLease].map((r) => grantKey(r.apiGroups[0]!, r.resources[0]!, r.resourceNames ?? [], r.verbs)).sort();
    assert.deepEqual(listed, expected, 'kubectl auth can-i --list = the generated rules');
    table.push(`(none removed) | all ${ALL.length} declared outcomes in ${ms} ms`);
  });

  const rules = [...fullCluster, ...fullLease];
  assert.deepEqual(rules.map(ruleKey).sort(), Object.keys(EXPECT).sort(), 'every generated rule has a necessity check (update EXPECT when the derivation changes)');
  for (const rule of rules) {
    const key = ruleKey(rule);
    const expect = EXPECT[key]!;
    await t.test(`without ${key} [${rule.verbs.join(' ')}]: ${expect.broken.map((b) => b.what).join(', ')} fails`, async () => {
      let seen: string | undefined;
      const forbidden: Outcome = { what: `a 403 for ${key} in the operator's log`, holds: (_ns, op) => (seen = forbiddenLine(op, rule)) !== undefined };
      const ms = await run(rule, [forbidden, ...expect.control], 60_000, (ns, op) => {
        for (const b of expect.broken) assert.equal(b.holds(ns, op), false, `without ${key}, "${b.what}" must not happen`);
      });
      table.push(`${key} | ${expect.broken.map((b) => `no ${b.what}`).join('; ')} | "${seen}" after ${ms} ms`);
    });
  }
  t.diagnostic(`rule removed → what failed (403 seen):\n${table.join('\n')}`);

  // ORK_RBAC_VERBS=1: one verb at a time — a probe that reports (does not assert) which verbs the
  // scenario above needs; a verb whose removal changes nothing is unused by these CRs.
  if (process.env['ORK_RBAC_VERBS'] === '1') {
    const probe: string[] = [];
    for (const rule of rules) {
      for (const verb of rule.verbs) {
        await t.test(`probe: without ${verb} on ${ruleKey(rule)}`, async () => {
          const start = Date.now();
          const settled: Outcome = {
            what: 'every declared outcome, or a 403 for the verb and 10 s, or 30 s',
            holds: (ns, op) => ALL.every((o) => o.holds(ns, op)) || (forbiddenLine(op, rule, verb) !== undefined && Date.now() - start > 10_000) || Date.now() - start > 30_000,
          };
          await run(rule, [settled], 60_000, (ns, op) => {
            const missing = ALL.filter((o) => !o.holds(ns, op)).map((o) => o.what);
            probe.push(`${verb} ${ruleKey(rule)} | ${missing.length > 0 ? `fails: ${missing.join(', ')}` : 'NOT NEEDED here: every declared outcome happened'} | ${forbiddenLine(op, rule, verb) ?? 'no 403'}`);
          }, verb);
        });
      }
    }
    t.diagnostic(`verb removed → effect (403 seen):\n${probe.join('\n')}`);
  }
  kubectl(['delete', 'namespace', opNs, '--wait=false']);
  kubectl(['delete', 'clusterrole,clusterrolebinding', roleName, '--ignore-not-found']);
});
