/**
 * End to end, as a user lives it: ork build (generate + bundle) of examples/web-app, the
 * operator started as a process against the real API server, a CR applied with kubectl,
 * children and status checked, an outside change to a child converging back, a spec change
 * rolled out, the CR deleted (finalizer released), and SIGTERM ending the process cleanly
 * with its Lease released.
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
const kubectl = (...args: string[]): string => execFileSync(plane.kubectl, ['--kubeconfig', plane.kubeconfig, ...args], { encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
const json = <T>(...args: string[]): T => JSON.parse(kubectl(...args, '-o', 'json')) as T;
const tryJson = <T>(...args: string[]): T | undefined => {
  try {
    return json<T>(...args);
  } catch {
    return undefined;
  }
};

type Obj = { metadata: { ownerReferences?: Array<{ kind: string; name: string }>; finalizers?: string[]; generation?: number }; spec?: Record<string, any>; status?: Record<string, any> };

test('web-app: generate, build, run, reconcile, correct drift, roll out a change, delete, shut down', { timeout: 240_000 }, async () => {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'ork-e2e-')), 'web-app');
  const built = await runOrk(['build', 'examples/web-app/katalog.yaml', '-o', out]);
  assert.equal(built.code, 0, built.stderr);
  kubectl('apply', '--server-side', '-f', path.join(out, 'manifests', 'crds.yaml'));
  kubectl('wait', '--for=condition=Established', 'crd/webapps.demo.ork.dev', '--timeout=60s');
  try {
    kubectl('create', 'namespace', 'web-system');
  } catch {
    /* exists from an earlier run */
  }
  const ns = await createTestNamespace('e2e-web');
  const op = await startOperator(path.join(out, 'dist', 'main.js'), plane.kubeconfig, { ORK_NAMESPACE: 'web-system' });
  const cr = readFileSync('examples/web-app/cr.yaml', 'utf8').replace(/\n  namespace: default\n/, '\n');
  execFileSync(plane.kubectl, ['--kubeconfig', plane.kubeconfig, 'apply', '-n', ns, '-f', '-'], { input: cr, encoding: 'utf8' });

  const t0 = Date.now();
  const dep = await eventually('the Deployment', 30_000, async () => tryJson<Obj>('get', '-n', ns, 'deployment', 'hello'));
  process.stdout.write(`# children appeared ${Date.now() - t0} ms after the CR\n`);
  assert.equal(dep.metadata.ownerReferences?.[0]?.kind, 'WebApp');
  assert.equal(dep.spec?.['replicas'], 2);
  assert.equal(dep.spec?.['template']['spec']['containers'][0]['image'], 'nginx:1.27');
  const svc = json<Obj>('get', '-n', ns, 'service', 'hello');
  assert.equal(svc.spec?.['ports'][0]['port'], 80);

  const ready = await eventually('Ready=True with observedGeneration', 30_000, async () => {
    const cr = json<Obj>('get', '-n', ns, 'webapp', 'hello');
    const c = (cr.status?.['conditions'] as Array<{ type: string; status: string }> | undefined)?.find((x) => x.type === 'Ready');
    return c?.status === 'True' && cr.status?.['observedGeneration'] === cr.metadata.generation ? cr : undefined;
  });
  assert.equal(ready.status?.['url'], `http://hello.${ns}.svc`);
  assert.deepEqual(ready.metadata.finalizers, ['orkestra.orkspace.io/cleanup']);

  kubectl('patch', '-n', ns, 'deployment', 'hello', '--type', 'merge', '-p', '{"spec":{"replicas":9}}');
  const t1 = Date.now();
  await eventually('drift corrected (replicas back to 2)', 30_000, async () => (json<Obj>('get', '-n', ns, 'deployment', 'hello').spec?.['replicas'] === 2 ? true : undefined));
  process.stdout.write(`# drift corrected in ${Date.now() - t1} ms\n`);

  kubectl('patch', '-n', ns, 'webapp', 'hello', '--type', 'merge', '-p', '{"spec":{"replicas":3,"image":"nginx:1.28"}}');
  await eventually('spec change rolled out', 30_000, async () => {
    const d = json<Obj>('get', '-n', ns, 'deployment', 'hello');
    return d.spec?.['replicas'] === 3 && d.spec?.['template']['spec']['containers'][0]['image'] === 'nginx:1.28' ? true : undefined;
  });

  const events = json<{ items: Array<{ reason: string; involvedObject: { name: string } }> }>('get', '-n', ns, 'events');
  assert.ok(events.items.some((e) => e.involvedObject.name === 'hello' && e.reason === 'Reconciled'), 'a Reconciled Event');

  const metrics = await (await fetch(`http://127.0.0.1:${op.port}/metrics`)).text();
  assert.match(metrics, /ork_reconcile_total\{crd="webapp",result="success"/);
  const katalog = (await (await fetch(`http://127.0.0.1:${op.port}/katalog`)).json()) as { name: string; isKonductor: boolean };
  assert.equal(katalog.name, 'web-app');
  assert.equal(katalog.isKonductor, true);

  kubectl('delete', '-n', ns, 'webapp', 'hello', '--wait=false');
  await eventually('CR gone (finalizer released)', 30_000, async () => (tryJson<Obj>('get', '-n', ns, 'webapp', 'hello') === undefined ? true : undefined));

  const code = await op.stop();
  assert.equal(code, 0, `exit code; log tail:\n${op.lines.slice(-10).join('\n')}`);
  const lease = json<{ spec: { holderIdentity?: string } }>('get', '-n', 'web-system', 'lease', 'web-app-leader');
  assert.ok(!lease.spec.holderIdentity, `lease released, holder=${lease.spec.holderIdentity}`);
  kubectl('delete', 'namespace', ns, '--wait=false');
});
