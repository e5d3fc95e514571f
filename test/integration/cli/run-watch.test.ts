/**
 * `ork run` watch mode against the real control plane: a copy of examples/web-app (plus a
 * `setup` file) runs; editing the Katalog's template changes what the operator does on the
 * cluster; an invalid Katalog prints diagnostics while the old operator keeps reconciling;
 * fixing it works again; an edited sample CR is re-applied; Ctrl-C exits 0 and releases the Lease.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { createTestNamespace, deleteNamespace, eventually, testPlane } from '../../helpers/control-plane.ts';
import { startOrk, type OrkProcess } from '../../helpers/ork-process.ts';
import { isolatedWebApp, type IsolatedWebApp } from './isolated-web-app.ts';

const exec = promisify(execFile);

async function kubectl(...args: string[]): Promise<string> {
  const { kubectl: bin, kubeconfig } = testPlane();
  return (await exec(bin, ['--kubeconfig', kubeconfig, ...args], { encoding: 'utf8' })).stdout;
}

/** The GREETING env value of a Deployment's first container, undefined while it does not exist. */
async function greeting(ns: string, name: string): Promise<string | undefined> {
  const out = await kubectl('get', 'deployment', name, '-n', ns, '-o', 'jsonpath={.spec.template.spec.containers[0].env[?(@.name=="GREETING")].value}').catch(() => undefined);
  return out === undefined || out === '' ? undefined : out;
}

async function createWebApp(app: IsolatedWebApp, ns: string, name: string): Promise<void> {
  const cr = { apiVersion: `${app.group}/v1`, kind: 'WebApp', metadata: { name, namespace: ns }, spec: { image: 'nginx:1.27', replicas: 1 } };
  await new Promise<void>((resolve, reject) => {
    const { kubectl: bin, kubeconfig } = testPlane();
    const p = execFile(bin, ['--kubeconfig', kubeconfig, 'apply', '-f', '-'], (err) => (err ? reject(err) : resolve()));
    p.stdin!.end(JSON.stringify(cr));
  });
}

const WATCH_BOUND_MS = 90_000;

describe('ork run: watch mode', { timeout: 170_000 }, () => {
  let ns: string;
  let app: IsolatedWebApp;
  let ork: OrkProcess | undefined;
  let original: string;

  before(async () => {
    ns = await createTestNamespace('run-watch');
    app = await isolatedWebApp('rw', ns);
    // A `setup` file (the list form): applied before the operator starts.
    await writeFile(`${app.dir}/setup.yaml`, JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'rw-setup', namespace: ns }, data: { from: 'setup' } }));
    original = (await readFile(app.katalog, 'utf8')).replace('        - ./cr.yaml\n', '        - ./cr.yaml\n      setup:\n        - ./setup.yaml\n');
    assert.match(original, /setup:\n {8}- \.\/setup\.yaml/);
    await writeFile(app.katalog, original);
  });
  after(async () => {
    await ork?.stop();
    await deleteNamespace(ns);
    await rm(app.dir, { recursive: true, force: true });
  });

  it('runs the operator: the sample CR and a new CR get their Deployments', async (t) => {
    const t0 = Date.now();
    ork = startOrk(['run', 'katalog.yaml', '--port', '0', '--kubeconfig', testPlane().kubeconfig], { cwd: app.dir });
    await ork.waitFor(/watching katalog\.yaml, crd\.yaml, cr\.yaml, setup\.yaml/, 60_000);
    assert.match(ork.output(), /applying setup file .*setup\.yaml[\s\S]*operator started \(pid \d+\)[\s\S]*applying sample CR .*cr\.yaml/, 'setup before the operator, sample CRs after');
    assert.equal(await kubectl('get', 'configmap', 'rw-setup', '-n', ns, '-o', 'jsonpath={.data.from}'), 'setup');
    assert.equal(await eventually('the sample CR\'s Deployment', 60_000, () => greeting(ns, 'hello'), 250), 'hi there');
    t.diagnostic(`ork run → sample CR's Deployment: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    await createWebApp(app, ns, 'plain');
    assert.equal(await eventually('the new CR\'s Deployment', 30_000, () => greeting(ns, 'plain'), 250), 'hello');
  });

  it('an edited template is regenerated, rebuilt and restarted: the child shows the new value', async (t) => {
    const from = ork!.output().length;
    const t0 = Date.now();
    await writeFile(app.katalog, original.replace('default \\"hello\\"', 'default \\"bonjour\\"'));
    await eventually('GREETING=bonjour', WATCH_BOUND_MS, async () => ((await greeting(ns, 'plain')) === 'bonjour' ? true : undefined), 250);
    t.diagnostic(`edit saved → child updated on the cluster: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const restarted = ork!.output().slice(from);
    assert.match(restarted, /katalog\.yaml changed: regenerating/);
    assert.match(restarted, /stopping the old operator \(pid \d+\)/);
    assert.match(restarted, /"msg":"lease released"/, 'the old operator released its Lease');
    const m = /restarted in ([\d.]+) s/.exec(restarted);
    assert.ok(m, restarted);
    t.diagnostic(`rebuild + restart as ork run measured it: ${m[1]} s`);
    assert.equal(await greeting(ns, 'hello'), 'hi there', 'a CR that sets the value keeps it');
  });

  it('an invalid Katalog prints diagnostics; ork and the running operator carry on', async () => {
    const from = ork!.output().length;
    const broken = original.replace('default \\"hello\\"', 'default \\"bonjour\\"').replace('replicas: "{{ .spec.replicas | default 2 }}"', 'replicas: "{{ .spec.replicas | default 2 }"');
    await writeFile(app.katalog, broken);
    await ork!.waitFor(/katalog\.yaml is invalid \(\d+ errors?\): the running operator keeps running/, 30_000, from);
    assert.match(ork!.output().slice(from), /error\[ORK\d{3}\]|ORK\d{3}/, 'the diagnostics are printed');
    assert.doesNotMatch(ork!.output().slice(from), /regenerating|stopping the old operator/);
    assert.equal(ork!.child.exitCode, null, 'ork run is still running');
    // The old operator still reconciles: a new CR gets its Deployment, with the last valid template.
    await createWebApp(app, ns, 'during-error');
    assert.equal(await eventually('a Deployment while the Katalog is invalid', 30_000, () => greeting(ns, 'during-error'), 250), 'bonjour');
  });

  it('fixing the Katalog works again', async (t) => {
    const from = ork!.output().length;
    const t0 = Date.now();
    await writeFile(app.katalog, original.replace('default \\"hello\\"', 'default \\"hola\\"'));
    await eventually('GREETING=hola', WATCH_BOUND_MS, async () => ((await greeting(ns, 'during-error')) === 'hola' ? true : undefined), 250);
    t.diagnostic(`fix saved → child updated: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    assert.match(ork!.output().slice(from), /restarted in/);
  });

  it('an edited sample CR (crFiles) is applied again, without a restart', async (t) => {
    const from = ork!.output().length;
    const t0 = Date.now();
    const cr = `${app.dir}/cr.yaml`;
    await writeFile(cr, (await readFile(cr, 'utf8')).replace('greeting: hi there', 'greeting: hi again'));
    assert.equal(await eventually('the sample CR re-applied', 30_000, async () => ((await greeting(ns, 'hello')) === 'hi again' ? 'hi again' : undefined), 250), 'hi again');
    t.diagnostic(`sample CR saved → child updated: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    assert.match(ork!.output().slice(from), /applying sample CR .*cr\.yaml/);
    assert.doesNotMatch(ork!.output().slice(from), /regenerating|stopping the old operator/);
  });

  it('Ctrl-C stops the operator gracefully and exits 0; the Lease is released', async () => {
    const code = await ork!.stop('SIGINT');
    assert.equal(code, 0, ork!.output().slice(-3000));
    const holder = await kubectl('get', 'lease', `${app.name}-leader`, '-n', app.operatorNamespace, '-o', 'jsonpath={.spec.holderIdentity}');
    assert.equal(holder, '');
  });
});
