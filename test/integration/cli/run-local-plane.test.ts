/**
 * `ork run` with no kubeconfig anywhere: it refuses with a hint (it never starts a plane), and
 * once `ork plane start` runs one for the folder it uses that plane (and its kubectl). This
 * starts a second plane in a scratch folder, tied to this test process by ORK_PLANE_OWNER_PID.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runOrk } from '../../helpers/run-ork.ts';
import { startOrk } from '../../helpers/ork-process.ts';

describe('ork run: the local control plane of the folder', { timeout: 170_000 }, () => {
  let home: string;
  let cwd: string;
  let env: NodeJS.ProcessEnv;

  before(async () => {
    home = await mkdtemp(path.join(os.tmpdir(), 'ork-run-home-'));
    cwd = await mkdtemp(path.join(os.tmpdir(), 'ork-run-plane-'));
    // No KUBECONFIG, no ~/.kube/config; the cached control-plane binaries stay where they are.
    const cache = process.env['ORK_K8S_BINS'] ?? path.join(process.env['XDG_CACHE_HOME'] ?? path.join(os.homedir(), '.cache'), 'ork', 'k8s-bins');
    env = { KUBECONFIG: '', HOME: home, ORK_K8S_BINS: cache, ORK_PLANE_OWNER_PID: String(process.pid) };
    const r = await runOrk(['init', '.', '--name', 'lp', '--group', 'lp.example.com'], { cwd });
    assert.equal(r.code, 0, r.stderr);
  });
  after(async () => {
    if (existsSync(path.join(cwd, '.ork', 'plane'))) await runOrk(['plane', 'stop'], { cwd, env });
    await rm(cwd, { recursive: true, force: true });
    await rm(home, { recursive: true, force: true });
  });

  it('without any cluster: exit 1, says how to get one, starts nothing', async () => {
    const r = await runOrk(['run', '--port', '0'], { cwd, env });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /ork: no cluster to run against: .*\nhint: start one with `ork plane start` \(then `ork run` again\), or use `ork up`/);
    assert.equal(existsSync(path.join(cwd, '.ork', 'plane')), false);
  });

  it('with `ork plane start` done: uses that plane; the operator leads; Ctrl-C exits 0', async () => {
    const started = await runOrk(['plane', 'start'], { cwd, env });
    assert.equal(started.code, 0, started.stderr);
    const ork = startOrk(['run', '--port', '0', '--no-watch'], { cwd, env });
    try {
      await ork.waitFor(/"msg":"leading"/, 120_000);
      assert.match(ork.output(), new RegExp(`cluster: ${path.join(cwd, '.ork', 'kubeconfig').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(from the local control plane of `));
      assert.match(ork.output(), /applying sample CR .*cr\.yaml/);
    } finally {
      assert.equal(await ork.stop('SIGINT'), 0, ork.output().slice(-3000));
    }
  });
});
