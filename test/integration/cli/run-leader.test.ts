/**
 * Two `ork run` of one Katalog against one cluster, as a developer watches leader election:
 * exactly one leads (its /katalog says isKonductor, the Lease names it) while the other waits;
 * Ctrl-C on the leader hands the Lease over; a third `ork run` on a taken port fails clearly;
 * Ctrl-C before the first operator started leaves none behind.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import { createTestNamespace, deleteNamespace, eventually, testPlane } from '../../helpers/control-plane.ts';
import { runOrk } from '../../helpers/run-ork.ts';
import { freePort } from '../../helpers/free-port.ts';
import { startOrk, type OrkProcess } from '../../helpers/ork-process.ts';
import { isolatedWebApp, type IsolatedWebApp } from './isolated-web-app.ts';

const exec = promisify(execFile);

/** `isKonductor` of an operator's /katalog (undefined while it does not answer). */
async function isLeader(port: number): Promise<boolean | undefined> {
  const r = await fetch(`http://127.0.0.1:${port}/katalog`).catch(() => undefined);
  if (r === undefined) return undefined;
  return ((await r.json()) as { isKonductor: boolean }).isKonductor;
}

describe('ork run: two instances, one leader, hand-over', { timeout: 170_000 }, () => {
  let ns: string;
  let app: IsolatedWebApp;
  const ports: number[] = [];
  const runs: OrkProcess[] = [];
  let firstHolder = '';

  const holder = async (): Promise<string> => {
    const { kubectl, kubeconfig } = testPlane();
    const r = await exec(kubectl, ['--kubeconfig', kubeconfig, 'get', 'lease', `${app.name}-leader`, '-n', app.operatorNamespace, '-o', 'jsonpath={.spec.holderIdentity}'], { encoding: 'utf8' });
    return r.stdout;
  };

  before(async () => {
    ns = await createTestNamespace('run-leader');
    app = await isolatedWebApp('rl', ns);
    ports.push(await freePort(), await freePort());
  });
  after(async () => {
    await Promise.all(runs.map((r) => r.stop()));
    await deleteNamespace(ns);
    await rm(app.dir, { recursive: true, force: true });
  });

  it('exactly one of two ork run leads; the other stands by', async (t) => {
    const kubeconfig = testPlane().kubeconfig;
    const t0 = Date.now();
    runs.push(startOrk(['run', '--no-watch', '--port', String(ports[0]), '--kubeconfig', kubeconfig], { cwd: app.dir }));
    await runs[0]!.waitFor(/"msg":"leading"/, 90_000);
    t.diagnostic(`first ork run leading after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    runs.push(startOrk(['run', '--no-watch', '--port', String(ports[1]), '--kubeconfig', kubeconfig], { cwd: app.dir }));
    await runs[1]!.waitFor(/"msg":"caches synced"/, 90_000);
    // Several retry periods (2 s) later the second still only stands by.
    await new Promise((r) => setTimeout(r, 6_000));
    assert.equal(await isLeader(ports[0]!), true);
    assert.equal(await isLeader(ports[1]!), false);
    assert.doesNotMatch(runs[1]!.output(), /"msg":"leading"/);
    firstHolder = await holder();
    assert.notEqual(firstHolder, '', 'the Lease names a holder');
  });

  it('a third ork run on a port in use fails with a clear error, before building anything', async () => {
    const r = await runOrk(['run', '--no-watch', '--port', String(ports[1]), '--kubeconfig', testPlane().kubeconfig], { cwd: app.dir });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, new RegExp(`ork: port ${ports[1]} is already in use \\(another \`ork run\` or \`ork up\`\\?\\)\\nhint: give this operator another port: --port \\d+ \\(or ORK_PORT\\)`));
    assert.doesNotMatch(r.stderr, /building|at .*\.ts:\d+/);
  });

  it('Ctrl-C while the first build runs: exit 0, no operator started', async () => {
    const early = startOrk(['run', '--port', '0', '--kubeconfig', testPlane().kubeconfig], { cwd: app.dir });
    runs.push(early);
    await early.waitFor(/building the /, 60_000);
    assert.equal(await early.stop('SIGINT'), 0, early.output());
    assert.doesNotMatch(early.output(), /operator started/);
    assert.match(early.output(), /stopping the operator/);
  });

  it('Ctrl-C on the leader: it exits 0, the other takes over', async (t) => {
    const code = await runs[0]!.stop('SIGINT');
    assert.equal(code, 0, runs[0]!.output().slice(-3000));
    assert.match(runs[0]!.output(), /"msg":"lease released"/);
    const t0 = Date.now();
    await eventually('the second instance to lead', 30_000, async () => ((await isLeader(ports[1]!)) === true ? true : undefined), 100);
    t.diagnostic(`hand-over after the leader stopped: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const h = await holder();
    assert.ok(h !== '' && h !== firstHolder, `the Lease changed hands (${firstHolder} → ${h})`);
    assert.equal(await runs[1]!.stop('SIGINT'), 0);
    assert.equal(await holder(), '');
  });
});
