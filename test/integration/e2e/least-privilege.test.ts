/**
 * Least privilege, proven on the RBAC-enforcing API server: the platform example's operator
 * runs with the token of the generated ServiceAccount, bound only by the generated ClusterRole
 * and Role, and reconciles all three CRDs (in dependency order); `kubectl auth can-i --list`
 * as that ServiceAccount shows no wildcard and nothing beyond the Katalog's resources. The CRs
 * are deleted while the operator still runs, so it releases their finalizers with the same RBAC;
 * whatever a failure left behind is released and deleted before the namespace goes
 * (test/soak/cleanup.ts), so no CR keeps it Terminating.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';
import type { ResourceRef } from '../../../runtime-kit/client/paths.ts';
import { createTestNamespace, eventually, testPlane } from '../../helpers/control-plane.ts';
import { kubectl } from '../../helpers/kubectl.ts';
import { runOrk } from '../../helpers/run-ork.ts';
import { releaseAndDeleteAll } from '../../soak/cleanup.ts';
import { adminClient } from '../../soak/webapps.ts';
import { startOperator } from './operator-process.ts';
import { serviceAccountKubeconfig } from './sa-kubeconfig.ts';

const plane = testPlane();
/** The platform CR collections in `ns`, dependents first. */
const platformCrs = (ns: string): ResourceRef[] => ['apps', 'caches', 'databases'].map((plural) => ({ group: 'platform.ork.dev', version: 'v1alpha1', plural, namespace: ns }));

test('platform: the operator works with exactly the generated RBAC, and that RBAC has no wildcard', { timeout: 240_000 }, async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ork-lp-'));
  const out = path.join(dir, 'platform');
  const built = await runOrk(['build', 'examples/platform/katalog.yaml', '-o', out]);
  assert.equal(built.code, 0, built.stderr);
  kubectl(['apply', '--server-side', '-f', path.join(out, 'manifests', 'crds.yaml')]);
  kubectl(['wait', '--for=condition=Established', '--timeout=60s', '-f', path.join(out, 'manifests', 'crds.yaml')]);
  // Everything of the bundle but the Deployment (no kubelet runs pods here; the test runs the operator as a process).
  const docs = parseAllDocuments(readFileSync(path.join(out, 'manifests', 'operator.yaml'), 'utf8')).map((d) => d.toJS() as { kind: string });
  kubectl(['apply', '-f', '-'], docs.filter((d) => d.kind !== 'Deployment').map((d) => `---\n${stringify(d)}`).join(''));
  const saConfig = serviceAccountKubeconfig(plane.kubectl, plane.kubeconfig, 'platform-system', 'platform-operator', dir);

  const canI = kubectl(['auth', 'can-i', '--list', '-n', 'default'], undefined, saConfig);
  assert.doesNotMatch(canI, /^\*\.\*\s/m, `no wildcard resource:\n${canI}`);
  for (const line of canI.split('\n').slice(1).filter(Boolean)) assert.doesNotMatch(line, /\[\*\]/, `no wildcard verb: ${line}`);
  assert.match(canI, /deployments\.apps\s+\[\]\s+\[\]\s+\[create delete list patch watch\]/);
  const canCreatePods = ((): string => {
    try {
      return kubectl(['auth', 'can-i', 'create', 'pods', '-n', 'default'], undefined, saConfig).trim();
    } catch (e) {
      return String((e as { stdout?: string }).stdout ?? '').trim(); // exit 1 means "no"
    }
  })();
  assert.equal(canCreatePods, 'no', 'pods are not declared by the Katalog');

  const ns = await createTestNamespace('e2e-lp');
  const op = await startOperator(path.join(out, 'dist', 'main.js'), saConfig, { ORK_NAMESPACE: 'platform-system' });
  try {
    const cr = (kind: string, name: string, spec: object): string => stringify({ apiVersion: 'platform.ork.dev/v1alpha1', kind, metadata: { name }, spec });
    kubectl(['apply', '-n', ns, '-f', '-'], [cr('Database', 'orders', { user: 'shop' }), cr('Cache', 'sessions', { replicas: 2 }), cr('App', 'shop', { image: 'nginx:1.27', database: 'orders', cache: 'sessions' })].join('---\n'));
    for (const [kind, name] of [['deployment', 'orders-db'], ['secret', 'orders-credentials'], ['deployment', 'sessions-cache'], ['configmap', 'shop-wiring'], ['deployment', 'shop']] as const) {
      await eventually(`${kind}/${name} made with the SA's token`, 60_000, async () => {
        try {
          return kubectl(['get', '-n', ns, kind, name, '-o', 'name']);
        } catch {
          return undefined;
        }
      });
    }
    const t0 = Date.now();
    kubectl(['delete', '-n', ns, 'apps.platform.ork.dev,caches.platform.ork.dev,databases.platform.ork.dev', '--all', '--wait=false']);
    await eventually('the operator released every CR it finalized', 60_000, async () => (kubectl(['get', '-n', ns, 'apps.platform.ork.dev,caches.platform.ork.dev,databases.platform.ork.dev', '-o', 'name']).trim() === '' ? true : undefined), 250);
    t.diagnostic(`the three CRs were gone ${Date.now() - t0} ms after the delete (finalizers released by the operator with the SA's token)`);
    const forbidden = op.lines.filter((l) => /forbidden/i.test(l));
    assert.deepEqual(forbidden, [], 'no request was forbidden');
  } finally {
    const code = await op.stop();
    await releaseAndDeleteAll(await adminClient(plane.kubeconfig), platformCrs(ns), ns);
    assert.equal(code, 0);
  }
});
