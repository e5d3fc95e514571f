/**
 * One example Katalog end to end, the way a user lives it (issue #8), whatever runs the operator
 * (a process, or its image under podman: an `OperatorLauncher`). An isolated copy of the example
 * (unique API groups, Katalog name and operator namespace: isolated-example.ts) is built, its
 * CRDs and generated RBAC bundle installed, the operator started with the generated
 * ServiceAccount's token (TokenRequest) on the RBAC-enforcing API server and a fake Gateway, the
 * sample CRs applied with kubectl. Then, held against what `ork simulate` predicts for the same
 * CRs: every predicted child exists with a controller ownerReference to its CR and every
 * predicted field; the CR's conditions and status fields match with observedGeneration ==
 * generation; an Event is recorded; a Katalog with notifications reaches the Gateway's /notify
 * (one without sends nothing). A declared field of a child changed from outside converges back;
 * a CR spec change that simulate shows moving a child rolls out (children appear/disappear as
 * predicted); deleting the CRs deletes what the operator deletes itself in simulate's order (etcd
 * revisions), releases the finalizers and leaves no child owned by them; no
 * request was forbidden; stopping the operator ends it with exit code 0.
 */
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { createTestNamespace, deleteNamespace, eventually } from '../../helpers/control-plane.ts';
import { getJson, kubectl } from '../../helpers/kubectl.ts';
import { startFakeGateway } from '../../helpers/fake-gateway.ts';
import { isSubset } from '../../../runtime-kit/reconcile/subset.ts';
import type { SimulationReport } from '../../../compiler/simulate/run-simulation.ts';
import { builtServiceAccount, installBuilt, uninstallBuilt } from './install-built.ts';
import { watchDeletions } from './deletion-watch.ts';
import { isolatedExample, type IsolatedExample, type SampleCr } from './isolated-example.ts';
import { childKey, driftTarget, isReconciled, predictedChild, simulateCr, simulatedUid, specChangeThatMovesAChild, type Obj, type SpecChange } from './predicted-children.ts';

type Condition = { type: string; status: string; reason?: string };

/** `kind.group` of a sample CR, as kubectl takes it. */
const crResource = (cr: SampleCr['object']): string => `${cr.kind.toLowerCase()}.${cr.apiVersion.split('/')[0]}`;
const conditions = (status: unknown): string[] =>
  ((status as { conditions?: Condition[] } | undefined)?.conditions ?? []).map((c) => `${c.type}=${c.status}/${c.reason ?? ''}`).sort();
/** The value at a JSON pointer. */
const at = (o: unknown, pointer: string): unknown =>
  pointer.split('/').slice(1).reduce<unknown>((n, k) => (n as Record<string, unknown> | undefined)?.[k.replaceAll('~1', '/').replaceAll('~0', '~')], o);

/** The live CR once its conditions are simulate's and observedGeneration == generation. */
function settledCr(ns: string, cr: SampleCr['object'], report: SimulationReport, timeoutMs = 60_000): Promise<Obj> {
  const want = conditions(report.status);
  return eventually(`${cr.kind} ${ns}/${cr.metadata.name}: conditions ${want.join(', ')} at its generation`, timeoutMs, async () => {
    const live = getJson<Obj>(['-n', ns, crResource(cr), cr.metadata.name]);
    const status = live?.['status'] as Obj | undefined;
    const fresh = status?.['observedGeneration'] === live?.['metadata']['generation'] && (status?.['conditions'] as Condition[] | undefined)?.every((c) => !('observedGeneration' in c) || (c as Obj)['observedGeneration'] === live?.['metadata']['generation']);
    return live && fresh && JSON.stringify(conditions(status)) === JSON.stringify(want) ? live : undefined;
  });
}

/**
 * Waits until every child `report` predicts is live, owned (controller) by `crUid`, with its
 * predicted fields (after a spec change: only the reconciled children's, as onCreate / `once`
 * children keep what they were created with), and `gone` children are absent.
 */
function childrenAsPredicted(ns: string, report: SimulationReport, crUid: string, afterChange = false, gone: readonly Obj[] = [], timeoutMs = 60_000): Promise<boolean> {
  const simUid = simulatedUid(report);
  const last = new Map<string, string>();
  return eventually(`children ${report.children.map((c) => childKey(c as Obj)).join(', ')} as predicted${gone.length ? `, ${gone.map(childKey).join(', ')} gone` : ''}`, timeoutMs, async () => {
    for (const c of report.children as readonly Obj[]) {
      const live = getJson<Obj>(['-n', ns, String(c['kind']).toLowerCase(), c['metadata']['name']]);
      const want = afterChange && !isReconciled(c) ? {} : predictedChild(c, simUid, crUid);
      const owner = (live?.['metadata']['ownerReferences'] as Obj[] | undefined)?.find((r) => r['controller'] === true);
      if (!live || owner?.['uid'] !== crUid || !isSubset(want, live)) {
        last.set(childKey(c), live ? `live ${JSON.stringify(live)}\npredicted ${JSON.stringify(want)}` : 'missing');
        throw new Error(`${childKey(c)}: ${last.get(childKey(c))}`);
      }
    }
    for (const g of gone) if (getJson<Obj>(['-n', ns, String(g['kind']).toLowerCase(), g['metadata']['name']])) throw new Error(`${childKey(g)} still exists`);
    return true;
  });
}

/** Children of kinds `kinds` in `ns` still carrying an ownerReference to `uid`. */
function ownedBy(ns: string, kinds: readonly string[], uid: string): string[] {
  if (kinds.length === 0) return [];
  const list = JSON.parse(kubectl(['get', '-n', ns, kinds.join(','), '-o', 'json'])) as { items: Obj[] };
  return list.items.filter((o) => (o['metadata']['ownerReferences'] as Obj[] | undefined)?.some((r) => r['uid'] === uid)).map(childKey);
}


/** A running operator, however it was started. */
export interface RunningOperator {
  /** Its log lines so far. */
  logs(): readonly string[];
  /** Stops it (SIGTERM) and returns its exit code (null when it had to be killed). */
  stop(): Promise<number | null>;
}

/** How a test builds and runs an example's operator. */
export interface OperatorLauncher {
  /** `process` or `image`, for the diagnostics. */
  readonly label: string;
  /** Builds the isolated Katalog `iso` into `out` (at least `ork build`); cleanup via `t.after`. */
  build(t: TestContext, iso: IsolatedExample, out: string): Promise<void>;
  /** Starts the operator built in `out` with the kubeconfig `kubeconfig` and extra `env`; cleanup via `t.after`. */
  start(t: TestContext, out: string, kubeconfig: string, env: Record<string, string>): Promise<RunningOperator>;
}

/** Runs the whole life of `example` (see the module comment) with `launcher`. */
export async function exampleEndToEnd(t: TestContext, example: string, launcher: OperatorLauncher): Promise<void> {
  const times: Record<string, number> = {};
  const mark = (what: string, since: number): void => void (times[what] = Date.now() - since);
  const ns = await createTestNamespace(`e2e-${launcher.label}-${example}`.slice(0, 40));
  const iso: IsolatedExample = isolatedExample(example, ns);
  const out = path.join(path.dirname(iso.dir), 'out');
  t.after(() => deleteNamespace(ns));

  // The build (at least generate + bundle) while simulate predicts every sample CR and finds a spec change.
  const t0 = Date.now();
  const predict = (async () => {
    const reports: SimulationReport[] = [];
    for (const cr of iso.crs) reports.push(await simulateCr(iso.katalog, cr.file));
    let change: { cr: SampleCr; report: SimulationReport; change: SpecChange } | undefined;
    for (const [i, cr] of iso.crs.entries()) {
      const c = await specChangeThatMovesAChild(iso.katalog, cr.object, cr.file, reports[i]!);
      if (c) {
        change = { cr, report: reports[i]!, change: c };
        break;
      }
    }
    return { reports, change };
  })();
  await launcher.build(t, iso, out);
  const { reports, change } = await predict;
  mark('build+simulate', t0);
  const missing = [...new Set(reports.flatMap((r) => r.rbac.missing.map((v) => `${v.apiGroup || 'core'}/${v.resource} ${v.verb}`)))];
  if (missing.length > 0) t.diagnostic(`${example}: simulate says the derived RBAC lacks ${missing.join(', ')} (the live run below checks nothing is forbidden)`);

  const sa = builtServiceAccount(out);
  const saConfig = installBuilt(out, sa.namespace, sa.name, path.dirname(iso.dir));
  t.after(() => uninstallBuilt(out));
  const gw = await startFakeGateway();
  t.after(() => gw.close());
  const op = await launcher.start(t, out, saConfig, { ORK_NAMESPACE: iso.operatorNamespace, ORK_GATEWAY_ENDPOINT: gw.endpoint });
  let stopped = false;
  t.after(async () => {
    if (!stopped) await op.stop();
    rmSync(path.dirname(iso.dir), { recursive: true, force: true });
  });

  // kubectl apply of the sample CRs → children, status, Events, as simulate predicted.
  const t1 = Date.now();
  kubectl(['apply', '-f', '-'], iso.crs.map((c) => `---\n${stringify(c.object)}`).join(''));
  const uids = new Map<SampleCr, string>();
  for (const [i, cr] of iso.crs.entries()) {
    const report = reports[i]!;
    const live = await settledCr(ns, cr.object, report);
    const uid = String(live['metadata']['uid']);
    uids.set(cr, uid);
    await childrenAsPredicted(ns, report, uid);
    assert.ok(report.children.length > 0, `simulate predicts children for ${cr.object.kind} ${cr.object.metadata.name}`);
    const { conditions: _c, ...fields } = (report.status ?? {}) as Obj;
    assert.ok(isSubset(fields, live['status']), `${cr.object.kind} ${cr.object.metadata.name} status: predicted ${JSON.stringify(fields)}, live ${JSON.stringify(live['status'])}`);
    assert.deepEqual([...(live['metadata']['finalizers'] ?? [])].sort(), [...report.finalizers].sort(), 'finalizers as simulated');
    const events = await eventually(`an Event about ${cr.object.metadata.name}`, 15_000, async () => {
      const list = JSON.parse(kubectl(['get', '-n', ns, 'events', '-o', 'json'])) as { items: Array<{ reason: string; involvedObject: { uid?: string } }> };
      const mine = list.items.filter((e) => e.involvedObject.uid === uid);
      return mine.length > 0 ? mine : undefined;
    });
    t.diagnostic(`${example}: ${cr.object.kind} ${cr.object.metadata.name}: ${report.children.length} children, conditions ${conditions(live['status']).join(' ')}, Events ${[...new Set(events.map((e) => e.reason))].join(',')}`);
  }
  mark('apply→settled', t1);

  const declaresNotifications = Object.keys(iso.model['notification']?.['teams'] ?? {}).length > 0;
  if (declaresNotifications) {
    const names = new Set(iso.crs.map((c) => c.object.metadata.name));
    await eventually('a /notify about a sample CR', 30_000, async () =>
      gw.received.some((r) => r.path === '/notify' && names.has(String((JSON.parse(r.body) as Obj)['crName']))) ? true : undefined);
    t.diagnostic(`${example}: the Gateway received ${gw.received.length} /notify`);
  }

  // A declared field of a reconciled child changed from outside → restored.
  const first = iso.crs[0]!;
  const target = (reports[0]!.children as readonly Obj[]).filter(isReconciled).map((c) => ({ c, leaf: driftTarget(c) })).find((x) => x.leaf);
  assert.ok(target?.leaf, `simulate shows a reconciled child with a declared field for ${first.object.metadata.name}`);
  const { c: child, leaf } = target;
  const resource = String(child['kind']).toLowerCase();
  const t2 = Date.now();
  const patched = JSON.parse(kubectl(['patch', '-n', ns, resource, child['metadata']['name'], '--type=json', '-o', 'json', '-p', JSON.stringify([{ op: 'replace', path: leaf!.pointer, value: leaf!.drifted }])])) as Obj;
  assert.equal(String(at(patched, leaf!.pointer)), String(leaf!.drifted), 'the outside change landed');
  await eventually(`${childKey(child)} ${leaf!.pointer} back to ${leaf!.declared}`, 30_000, async () => {
    const live = getJson<Obj>(['-n', ns, resource, child['metadata']['name']]);
    return live && live['metadata']['resourceVersion'] !== patched['metadata']['resourceVersion'] && String(at(live, leaf!.pointer)) === String(leaf!.declared) ? true : undefined;
  });
  mark('drift corrected', t2);
  t.diagnostic(`${example}: ${childKey(child)} ${leaf!.pointer} ${leaf!.declared}→${leaf!.drifted} restored`);

  // A CR spec change that simulate shows moving a child → rolled out as predicted.
  assert.ok(change, 'a spec field whose change moves a child');
  const t3 = Date.now();
  kubectl(['patch', '-n', ns, crResource(change.cr.object), change.cr.object.metadata.name, '--type=merge', '-p', JSON.stringify({ spec: { [change.change.field]: change.change.to } })]);
  const after = change.change.report;
  const gone = (change.report.children as readonly Obj[]).filter((c) => !(after.children as readonly Obj[]).some((a) => childKey(a) === childKey(c)));
  const uid = uids.get(change.cr)!;
  await childrenAsPredicted(ns, after, uid, true, gone);
  await settledCr(ns, change.cr.object, after);
  mark('spec change rolled out', t3);
  t.diagnostic(`${example}: spec.${change.change.field} ${change.change.from}→${change.change.to}${gone.length ? `; removed ${gone.map(childKey).join(', ')}` : ''}`);

  // kubectl delete → ordered deletion as simulated, finalizers released, CR gone, nothing left owned by it.
  const latest = (i: number): SimulationReport => (change?.cr === iso.crs[i] ? after : reports[i]!);
  const watch = await watchDeletions(ns, iso.crs.flatMap((cr, i) => [cr.object, ...(latest(i).children as readonly Obj[]).map((c) => ({ apiVersion: String(c['apiVersion']), kind: String(c['kind']) }))]));
  t.after(() => watch.stop());
  const t4 = Date.now();
  for (const cr of iso.crs) kubectl(['delete', '-n', ns, crResource(cr.object), cr.object.metadata.name, '--wait=false']);
  for (const [i, cr] of iso.crs.entries()) {
    await eventually(`${cr.object.kind} ${cr.object.metadata.name} gone (finalizers released)`, 60_000, async () => (getJson(['-n', ns, crResource(cr.object), cr.object.metadata.name]) ? undefined : true));
    mark('delete→CRs gone', t4);
    // What the operator deletes itself (deletion stages) and the finalizer release, in simulate's order; garbage collection has no order.
    const ordered = latest(i).deletionOrder.filter((l) => !l.endsWith('(garbage collected)')).map((l) => l.replace(/ \(.*\)$/, ''));
    if (ordered.length > 1) {
      await eventually(`deletions of ${ordered.join(', ')} seen`, 30_000, async () => (ordered.every((w) => watch.deleted.some((d) => d.what === w)) ? true : undefined));
      assert.deepEqual(watch.order(ordered), ordered, 'deleted in the order simulate predicts (etcd revision order)');
      t.diagnostic(`${example}: ordered deletion ${ordered.join(' → ')}`);
    }
    const kinds = [...new Set([...reports[i]!.children, ...(change?.cr === cr ? after.children : [])].map((c) => String((c as Obj)['kind']).toLowerCase()))];
    await eventually(`nothing owned by ${cr.object.metadata.name} left`, 60_000, async () => {
      const left = ownedBy(ns, kinds, uids.get(cr)!);
      if (left.length > 0) throw new Error(`still owned: ${left.join(', ')}`);
      return true;
    });
  }
  mark('delete→nothing owned left (garbage collector)', t4);

  if (!declaresNotifications) assert.deepEqual(gw.received.map((r) => r.path), [], 'a Katalog without notifications sends nothing to the Gateway');
  stopped = true;
  const code = await op.stop();
  assert.equal(code, 0, `SIGTERM → exit 0; log tail:\n${op.logs().slice(-10).join('\n')}`);
  const forbidden = op.logs().filter((l: string) => /forbidden/i.test(l));
  assert.deepEqual(forbidden, [], 'no request was forbidden with the generated RBAC');
  t.diagnostic(`${example} (${launcher.label}) timings (ms): ${Object.entries(times).map(([k, v]) => `${k} ${v}`).join(', ')}; total ${Date.now() - t0}`);
}
