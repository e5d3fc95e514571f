/**
 * `ork plane start|status|stop` and `ork up` as a user runs them, in a scratch directory
 * (this starts a second plane next to the run's shared one, tied to this test process by
 * ORK_PLANE_OWNER_PID so that nothing outlives it).
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT, runOrk } from '../../helpers/run-ork.ts';
import { testPlane, uniqueSuffix } from '../../helpers/control-plane.ts';

const exec = promisify(execFile);
const env = { ORK_PLANE_OWNER_PID: String(process.pid) };

interface Status {
  state: string;
  apiUrl: string | null;
  kubeconfig: string | null;
  readyz: number | null;
  k8sVersion: string | null;
  processes: Record<'etcd' | 'apiserver' | 'controllerManager', { running: boolean; pid: number | null }>;
}

/** PID exists and is not a zombie (an exited server can linger unreaped for a moment). */
function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

describe('ork plane start / status / stop', { timeout: 300_000 }, () => {
  let cwd: string;
  let first: Status;

  after(async () => {
    if (cwd) {
      await runOrk(['plane', 'stop'], { cwd });
      await rm(cwd, { recursive: true, force: true });
    }
  });

  it('start prints .ork/kubeconfig once /readyz is 200', async () => {
    cwd = await mkdtemp(path.join(os.tmpdir(), 'ork-plane-cli-'));
    const r = await runOrk(['plane', 'start'], { cwd, env });
    assert.equal(r.code, 0, r.stderr);
    const kubeconfig = path.join(cwd, '.ork', 'kubeconfig');
    assert.equal(r.stdout, `${kubeconfig}\n`);
    assert.equal((await stat(kubeconfig)).mode & 0o777, 0o600);
    // /readyz answers 200 right away, through the written kubeconfig, with the plane's kubectl.
    const { stdout } = await exec(testPlane().kubectl, ['--kubeconfig', kubeconfig, 'get', '--raw', '/readyz']);
    assert.equal(stdout.trim(), 'ok');
  });

  it('status says what runs where (json and text)', async () => {
    const r = await runOrk(['plane', 'status', '--output', 'json'], { cwd });
    assert.equal(r.code, 0, r.stderr);
    first = JSON.parse(r.stdout) as Status;
    assert.equal(first.state, 'running');
    assert.equal(first.readyz, 200);
    assert.match(first.apiUrl ?? '', /^https:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(first.kubeconfig, path.join(cwd, '.ork', 'kubeconfig'));
    assert.match(first.k8sVersion ?? '', /^v1\.\d+\.\d+$/);
    for (const p of Object.values(first.processes)) assert.ok(p.running && p.pid !== null && isRunning(p.pid));
    const text = await runOrk(['plane', 'status'], { cwd });
    assert.match(text.stdout, /^control plane: running\n/);
    assert.match(text.stdout, /kube-controller-manager\s+running, pid \d+/);
  });

  it('start again reuses the running plane (same processes)', async () => {
    const r = await runOrk(['plane', 'start'], { cwd, env });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /already running/);
    const again = JSON.parse((await runOrk(['plane', 'status', '-o', 'json'], { cwd })).stdout) as Status;
    assert.deepEqual(again.processes, first.processes);
  });

  it('up builds the operator, installs its CRDs, runs it, applies the sample CR; Ctrl-C stops it (exit 0)', async () => {
    for (const f of ['katalog.yaml', 'crd.yaml', 'cr.yaml']) await writeFile(path.join(cwd, f), readFileSync(path.join(REPO_ROOT, 'examples', 'web-app', f)));
    const child = spawn(path.join(REPO_ROOT, 'bin', 'ork'), ['up', '--port', '0'], { cwd, env: { ...process.env, ...env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout.resume();
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const kubeconfig = path.join(cwd, '.ork', 'kubeconfig');
      const deadline = Date.now() + 120_000;
      let name = '';
      while (Date.now() < deadline && name === '') {
        await new Promise((r) => setTimeout(r, 1000));
        if (!existsSync(kubeconfig)) continue;
        name = await exec(testPlane().kubectl, ['--kubeconfig', kubeconfig, 'get', 'deployment', 'hello', '-n', 'default', '-o', 'name']).then((r) => r.stdout.trim(), () => '');
      }
      assert.equal(name, 'deployment.apps/hello', `the sample CR's Deployment; ork up said:\n${err}`);
      assert.match(err, /applying sample CR .*cr\.yaml/);
    } finally {
      child.kill('SIGINT');
    }
    assert.equal(await exited, 0, err.slice(-2000));
  });

  it('stop stops every process by PID and removes the run directory and kubeconfig', async () => {
    const r = await runOrk(['plane', 'stop'], { cwd });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /control plane stopped/);
    for (const p of Object.values(first.processes)) {
      assert.ok(p.pid !== null && p.pid > 1);
      assert.equal(isRunning(p.pid), false, `pid ${p.pid} still runs`);
    }
    assert.equal(existsSync(path.join(cwd, '.ork', 'plane')), false);
    assert.equal(existsSync(path.join(cwd, '.ork', 'kubeconfig')), false);
    const st = JSON.parse((await runOrk(['plane', 'status', '-o', 'json'], { cwd })).stdout) as Status;
    assert.equal(st.state, 'stopped');
  });
});
