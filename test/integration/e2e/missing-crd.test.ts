/**
 * A CRD that is not installed when the operator starts does not block it: the operator serves
 * HTTP and waits; once the CRD appears, the CRD's workers start and its CRs are reconciled
 * (forEach children, a gated child, a user note, status) — issue 7, "missing CRDs are
 * activated when they appear".
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestNamespace, eventually, testPlane } from '../../helpers/control-plane.ts';
import { runOrk } from '../../helpers/run-ork.ts';
import { startOperator } from './operator-process.ts';

const plane = testPlane();
const kubectl = (args: string[], input?: string): string =>
  execFileSync(plane.kubectl, ['--kubeconfig', plane.kubeconfig, ...args], { encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], ...(input !== undefined ? { input } : {}) });

test('app-config: started before its CRD exists, the operator activates the CRD when it appears', { timeout: 240_000 }, async () => {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'ork-missing-')), 'app-config');
  const built = await runOrk(['build', 'examples/app-config/katalog.yaml', '-o', out]);
  assert.equal(built.code, 0, built.stderr);
  try {
    kubectl(['create', 'namespace', 'config-system']);
  } catch {
    /* exists */
  }
  const op = await startOperator(path.join(out, 'dist', 'main.js'), plane.kubeconfig, { ORK_NAMESPACE: 'config-system' });
  try {
    await new Promise((r) => setTimeout(r, 3000));
    assert.equal(op.child.exitCode, null, 'still running without its CRD');
    const before = (await (await fetch(`http://127.0.0.1:${op.port}/katalog/appconfig/health`)).json()) as { started: boolean };
    assert.equal(before.started, false, 'not started while the CRD is missing');

    kubectl(['apply', '--server-side', '-f', path.join(out, 'manifests', 'crds.yaml')]);
    kubectl(['wait', '--for=condition=Established', '--timeout=60s', '-f', path.join(out, 'manifests', 'crds.yaml')]);
    const ns = await createTestNamespace('e2e-missing');
    const cr = readFileSync('examples/app-config/cr.yaml', 'utf8').replace(/\n  namespace: default\n/, '\n');
    kubectl(['apply', '-n', ns, '-f', '-'], cr);
    const names = await eventually('the forEach and gated ConfigMaps', 90_000, async () => {
      const list = JSON.parse(kubectl(['get', 'configmaps', '-n', ns, '-l', 'orkestra-owner=shop', '-o', 'json'])) as { items: Array<{ metadata: { name: string }; data?: Record<string, string> }> };
      const n = list.items.map((i) => i.metadata.name).sort();
      return n.length === 4 ? list.items : undefined;
    });
    assert.deepEqual(names.map((i) => i.metadata.name).sort(), ['shop-dev', 'shop-prod', 'shop-production', 'shop-staging']);
    assert.equal(names.find((i) => i.metadata.name === 'shop-production')?.data?.['production'], 'true', 'the user note rendered');
    kubectl(['patch', '-n', ns, 'appconfig', 'shop', '--type', 'merge', '-p', '{"spec":{"stage":"staging","environments":["dev"]}}']);
    await eventually('gated-off and no-longer-declared ConfigMaps pruned', 60_000, async () => {
      const list = JSON.parse(kubectl(['get', 'configmaps', '-n', ns, '-l', 'orkestra-owner=shop', '-o', 'json'])) as { items: Array<{ metadata: { name: string } }> };
      const n = list.items.map((i) => i.metadata.name).sort();
      return n.length === 1 && n[0] === 'shop-dev' ? true : undefined;
    });
    kubectl(['delete', 'namespace', ns, '--wait=false']);
  } finally {
    assert.equal(await op.stop(), 0);
  }
});
