/**
 * `ork simulate` predicts the real operator: examples/tenant-cleanup is built and run against the
 * real API server, the same CR is simulated offline, and what the operator actually did is held
 * against the prediction — the children (every field simulate shows is on the live object), the
 * finalizers, the status conditions, and the order in which an ordered deletion removes things
 * (read from the DELETED watch events' etcd revisions).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Watch } from '@kubernetes/client-node';
import { createTestNamespace, deleteNamespace, eventually, kubeConfig, testPlane } from '../../helpers/control-plane.ts';
import { runOrk } from '../../helpers/run-ork.ts';
import { startOperator } from '../e2e/operator-process.ts';
import { isSubset } from '../../../runtime-kit/reconcile/subset.ts';
import type { SimulationReport } from '../../../compiler/simulate/run-simulation.ts';

const plane = testPlane();
const kubectl = (...args: string[]): string => execFileSync(plane.kubectl, ['--kubeconfig', plane.kubeconfig, ...args], { encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
const getJson = (...args: string[]): Record<string, any> | undefined => {
  try {
    return JSON.parse(kubectl('get', ...args, '-o', 'json')) as Record<string, any>;
  } catch {
    return undefined;
  }
};

/** A simulated child without what only a server sets (uids differ between the two worlds). */
function predicted(child: Record<string, any>): Record<string, any> {
  const { uid: _u, resourceVersion: _rv, creationTimestamp: _c, generation: _g, ownerReferences, ...metadata } = child['metadata'];
  const { status: _s, ...rest } = child;
  return { ...rest, metadata: { ...metadata, ownerReferences: ownerReferences.map(({ uid: _x, ...r }: Record<string, unknown>) => r) } };
}

test('simulate predicts the operator on a real API server: children, finalizers, status, deletion order', { timeout: 170_000 }, async (t) => {
  const work = mkdtempSync(path.join(tmpdir(), 'ork-sim-vs-op-'));
  t.after(() => rmSync(work, { recursive: true, force: true }));
  const ns = await createTestNamespace('sim-vs-op');
  t.after(() => deleteNamespace(ns));
  const cr = readFileSync('examples/tenant-cleanup/cr.yaml', 'utf8').replace('namespace: default', `namespace: ${ns}`);
  const crFile = path.join(work, 'cr.yaml');
  writeFileSync(crFile, cr);

  const t0 = Date.now();
  const [built, sim] = await Promise.all([
    runOrk(['build', 'examples/tenant-cleanup/katalog.yaml', '-o', path.join(work, 'tenants')]),
    runOrk(['simulate', 'examples/tenant-cleanup/katalog.yaml', '--cr', crFile, '--output', 'json']),
  ]);
  assert.equal(built.code, 0, built.stderr);
  assert.equal(sim.code, 0, sim.stderr);
  t.diagnostic(`ork build + ork simulate (in parallel): ${Date.now() - t0} ms`);
  const report = JSON.parse(sim.stdout) as SimulationReport;

  kubectl('apply', '--server-side', '-f', path.join(work, 'tenants', 'manifests', 'crds.yaml'));
  kubectl('wait', '--for=condition=Established', 'crd/tenants.tenants.ork.dev', '--timeout=60s');
  try {
    kubectl('create', 'namespace', 'tenants-system');
  } catch {
    /* exists from an earlier run */
  }
  const op = await startOperator(path.join(work, 'tenants', 'dist', 'main.js'), plane.kubeconfig, { ORK_NAMESPACE: 'tenants-system' });
  t.after(() => op.stop());
  execFileSync(plane.kubectl, ['--kubeconfig', plane.kubeconfig, 'apply', '-f', '-'], { input: cr, encoding: 'utf8' });

  const live = await eventually('Ready=True on the CR', 60_000, async () => {
    const o = getJson('-n', ns, 'tenant', 'acme');
    const ready = (o?.['status']?.['conditions'] as Array<{ type: string; status: string }> | undefined)?.find((c) => c.type === 'Ready');
    return ready?.status === 'True' && o?.['status']?.['observedGeneration'] === o?.['metadata']['generation'] ? o : undefined;
  });

  // Children: what simulate predicts is on the live objects, field for field.
  assert.deepEqual(report.creationOrder, [`ConfigMap ${ns}/acme-settings`, `Deployment ${ns}/acme-worker`, `Service ${ns}/acme-worker`]);
  for (const child of report.children as unknown as Array<Record<string, any>>) {
    const real = getJson('-n', ns, child['kind'].toLowerCase(), child['metadata']['name']);
    assert.ok(real, `${child['kind']} ${child['metadata']['name']} exists`);
    const want = predicted(child);
    assert.ok(isSubset(want, real), `${child['kind']} ${child['metadata']['name']}: predicted\n${JSON.stringify(want, null, 1)}\nlive\n${JSON.stringify(real, null, 1)}`);
    assert.equal(real['metadata']['ownerReferences'][0]['uid'], live['metadata']['uid']);
  }
  assert.deepEqual([...live['metadata']['finalizers']].sort(), [...report.finalizers].sort());
  const conditions = (s: any): string[] => (s['conditions'] as Array<{ type: string; status: string; reason: string }>).map((c) => `${c.type}=${c.status}/${c.reason}`);
  assert.deepEqual(conditions(live['status']), conditions(report.status));

  // Deletion: objects disappear in the order simulate printed. Each DELETED watch event carries
  // the resourceVersion of the deletion, which the API server takes from etcd's one global
  // revision counter: sorting by it gives the true order, however close together they happened.
  const deleted: Array<{ what: string; rv: number; ms: number }> = [];
  const kc = kubeConfig();
  const t1 = Date.now();
  const paths: Record<string, string> = {
    ConfigMap: `/api/v1/namespaces/${ns}/configmaps`,
    Deployment: `/apis/apps/v1/namespaces/${ns}/deployments`,
    Service: `/api/v1/namespaces/${ns}/services`,
    Tenant: `/apis/tenants.ork.dev/v1/namespaces/${ns}/tenants`,
  };
  const watches = await Promise.all(
    Object.entries(paths).map(([kind, p]) =>
      new Watch(kc).watch(p, {}, (type: string, o: { metadata: { name: string; namespace: string; resourceVersion: string } }) => {
        if (type === 'DELETED') deleted.push({ what: `${kind} ${o.metadata.namespace}/${o.metadata.name}`, rv: Number(o.metadata.resourceVersion), ms: Date.now() - t1 });
      }, () => undefined),
    ),
  );
  t.after(() => watches.forEach((w) => w.abort()));
  kubectl('delete', '-n', ns, 'tenant', 'acme', '--wait=false');
  const expected = report.deletionOrder.map((line) => line.replace(/ \(.*\)$/, ''));
  await eventually('every predicted object deleted', 90_000, async () => (expected.every((e) => deleted.some((d) => d.what === e)) ? true : undefined));
  const observed = [...deleted].sort((a, b) => a.rv - b.rv).filter((d) => expected.includes(d.what));
  t.diagnostic(`deletion observed (etcd revision order): ${observed.map((d) => `${d.what} @${d.ms} ms`).join('; ')}`);
  assert.deepEqual(observed.map((d) => d.what), expected);
  assert.equal(await op.stop(), 0);
});
