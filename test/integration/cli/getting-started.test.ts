/**
 * docs/getting-started.md, executed step for step as a reader would: one shell in an empty
 * folder, `ork` and `kubectl` on PATH, no KUBECONFIG. The guide's `ork up` starts the folder's
 * own local control plane (tied to this test process by ORK_PLANE_OWNER_PID, like
 * plane.test.ts); kubectl is the run plane's binary (same version). Nothing in the guide's text
 * is rewritten: the only substitutions are through the environment (PATH, ORK_PORT).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT, runOrk } from '../../helpers/run-ork.ts';
import { testPlane } from '../../helpers/control-plane.ts';
import { freePort } from '../../helpers/free-port.ts';
import { startCommand, type OrkProcess } from '../../helpers/ork-process.ts';
import { GuideShell, guideActions, missingLine, type GuideAction } from './guide-steps.ts';

const GUIDE = path.join(REPO_ROOT, 'docs', 'getting-started.md');
const WAIT_STEP_MS = 60_000;
const BACKGROUND_READY_MS = 150_000;

const show = (a: GuideAction): string => (a.kind === 'step' ? `line ${a.line}: ${a.script.split('\n')[0]}` : `line ${a.line}: Ctrl-C`);

describe('docs/getting-started.md, step for step', { timeout: 240_000 }, async () => {
  const actions = guideActions(await readFile(GUIDE, 'utf8'));
  let root: string;
  let env: NodeJS.ProcessEnv;
  let shell: GuideShell;
  let background: OrkProcess | undefined;
  let projectDir: string | undefined;

  before(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'ork-getting-started-'));
    const bin = path.join(root, 'bin');
    const work = path.join(root, 'work');
    await mkdir(bin);
    await mkdir(work);
    await symlink(path.join(REPO_ROOT, 'bin', 'ork'), path.join(bin, 'ork'));
    await symlink(testPlane().kubectl, path.join(bin, 'kubectl'));
    env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env['PATH'] ?? ''}`, NO_COLOR: '1', ORK_PORT: String(await freePort()), ORK_PLANE_OWNER_PID: String(process.pid) };
    delete env['KUBECONFIG']; // a fresh machine: the guide's own export is what kubectl uses
    shell = new GuideShell(work, env);
  });
  after(async () => {
    await background?.stop('SIGINT');
    shell?.close();
    if (projectDir && existsSync(path.join(projectDir, '.ork', 'plane'))) await runOrk(['plane', 'stop'], { cwd: projectDir });
    await rm(root, { recursive: true, force: true });
  });

  it('the guide has the five commands, an output for each, and a Ctrl-C', () => {
    const steps = actions.filter((a) => a.kind === 'step');
    assert.deepEqual(
      steps.slice(0, 5).map((s) => s.script.split('\n').find((l) => /^(ork|kubectl|curl) /.test(l))?.split(' ').slice(0, 2).join(' ')),
      ['ork init', 'ork validate', 'ork up', 'kubectl apply', 'kubectl get'],
    );
    assert.ok(steps.every((s) => s.expected.length > 0 || s.script.startsWith('sed ')), 'every command step says what it prints');
    assert.ok(actions.some((a) => a.kind === 'ctrl-c'));
  });

  for (const [i, action] of actions.entries()) {
    it(`step ${i + 1} (${show(action)})`, async (t) => {
      const t0 = Date.now();
      if (action.kind === 'ctrl-c') {
        assert.ok(background, 'Ctrl-C needs the background step running');
        const code = await background.stop('SIGINT');
        assert.equal(code, 0, background.output().slice(-3000));
        assert.match(background.output(), /stopping the operator/);
        assert.match(background.output(), /"msg":"lease released"/);
        background = undefined;
        return;
      }
      if (action.mode === 'background') {
        projectDir = await shell.cwd();
        background = startCommand('bash', ['-c', action.script], { cwd: projectDir, env });
        await background.waitFor(/watching /, BACKGROUND_READY_MS);
        // The readiness lines may come in any interleaving with the operator's log: wait for all, in order.
        const deadline = Date.now() + 30_000;
        while (missingLine(action.expected, background.output()) !== undefined && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
        assert.equal(missingLine(action.expected, background.output()), undefined, background.output());
      } else {
        const deadline = Date.now() + (action.mode === 'wait' ? WAIT_STEP_MS : 0);
        for (;;) {
          const r = await shell.run(action.script);
          const missing = missingLine(action.expected, r.output);
          if (r.code === 0 && missing === undefined) break;
          if (Date.now() >= deadline) {
            assert.equal(r.code, 0, `the step failed (exit ${r.code}):\n${r.output}`);
            assert.fail(`the step did not print \`${missing}\`; it printed:\n${r.output}`);
          }
          await new Promise((res) => setTimeout(res, 1000));
        }
      }
      t.diagnostic(`${((Date.now() - t0) / 1000).toFixed(1)} s`);
    });
  }

  it('the end state is the one the guide describes: operator stopped, plane stopped', async () => {
    assert.equal(background, undefined, 'ork up was stopped with Ctrl-C');
    assert.ok(projectDir && existsSync(path.join(projectDir, 'katalog.yaml')));
    assert.equal(existsSync(path.join(projectDir, '.ork', 'plane')), false, 'the plane is gone');
    assert.equal(existsSync(path.join(projectDir, '.ork', 'kubeconfig')), false);
  });
});
