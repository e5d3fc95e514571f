/**
 * Every example Katalog with sample CRs, end to end with its operator IMAGE under podman (issue
 * #8): `ork build --image` of the isolated copy, the image run as uid 65532 with a read-only root
 * fs on the host network, with the generated ServiceAccount's token, then the life described in
 * example-e2e.ts. Skipped with the reason when podman is not installed (`bash
 * test/image/ensure-podman`). An image build takes ~30 s per example: ORK_E2E_IMAGE_EXAMPLES
 * (comma-separated example names, or `all`) picks which examples run; by default
 * DEFAULT_EXAMPLES, to keep the file short.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { eventually, uniqueSuffix } from '../../helpers/control-plane.ts';
import { runOrk } from '../../helpers/run-ork.ts';
import { podmanRunArgs } from '../../../compiler/build/image/index.ts';
import { examplesWithSampleCrs } from './isolated-example.ts';
import { exampleEndToEnd, type OperatorLauncher } from './example-e2e.ts';

/** Examples run when ORK_E2E_IMAGE_EXAMPLES is unset: one with notifications, one with ordered deletion. */
const DEFAULT_EXAMPLES = ['notifications', 'tenant-cleanup'];

const hasPodman = spawnSync('podman', ['--version']).status === 0;
const skip = hasPodman ? false : 'podman is not installed: run `bash test/image/ensure-podman` as root to run the image tests';
if (!hasPodman) process.stdout.write(`# SKIP every-example image e2e: ${skip}\n`);

const podman = (...args: string[]): string => execFileSync('podman', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const tags = new Map<string, string>();

/** `ork build --image <tag>`, then `podman run` of that image against the plane. */
const asImage: OperatorLauncher = {
  label: 'image',
  async build(t, iso, out) {
    const tag = `localhost/ork-test/${iso.name}-operator:e2e`;
    const r = await runOrk(['build', iso.katalog, '-o', out, '--image', tag]);
    assert.equal(r.code, 0, r.stderr);
    tags.set(out, tag);
    t.after(() => void spawnSync('podman', ['rmi', '--force', tag]));
  },
  async start(t, out, kubeconfig, env) {
    // The kubeconfig (SA token) is private to root; the container's user gets its own copy.
    const kc = path.join(path.dirname(out), 'container.kubeconfig');
    copyFileSync(kubeconfig, kc);
    chownSync(kc, 65532, 65532);
    chmodSync(kc, 0o400);
    const name = `ork-e2e-${uniqueSuffix()}`;
    t.after(() => void spawnSync('podman', ['rm', '--force', name]));
    const envArgs = Object.entries({ ...env, ORK_PORT: '0', ORK_LOG_LEVEL: 'debug' }).flatMap(([k, v]) => ['--env', `${k}=${v}`]);
    podman('run', '--detach', '--name', name, ...podmanRunArgs(), '--user', '65532:65532', '--read-only', '--network=host',
      '--volume', `${kc}:/etc/ork/kubeconfig:ro`, ...envArgs, tags.get(out)!, '--kubeconfig', '/etc/ork/kubeconfig');
    const logs = (): string[] => {
      const r = spawnSync('podman', ['logs', name], { encoding: 'utf8' });
      return `${r.stdout}${r.stderr}`.split('\n').filter(Boolean);
    };
    await eventually(`the container serving (log:\n${logs().slice(-20).join('\n')})`, 60_000, async () => (logs().some((l) => l.includes('operator starting')) ? true : undefined), 250);
    return {
      logs,
      stop: async () => {
        podman('stop', '--time', '30', name);
        return Number(podman('inspect', name, '--format', '{{.State.ExitCode}}').trim());
      },
    };
  },
};

const wanted = process.env['ORK_E2E_IMAGE_EXAMPLES'];
const selected = !wanted ? DEFAULT_EXAMPLES : wanted === 'all' ? examplesWithSampleCrs() : wanted.split(',').map((s) => s.trim()).filter(Boolean);
for (const example of examplesWithSampleCrs()) {
  const chosen = selected.includes(example) ? false : `not in ORK_E2E_IMAGE_EXAMPLES (${wanted ?? `default: ${DEFAULT_EXAMPLES.join(',')}`}); set it to \`all\` to run every example's image`;
  test(`${example} image: build the image, run it under podman with the SA token, children/status/Events as simulated, drift, spec change, delete`, { skip: skip || chosen, timeout: 300_000 }, (t) => exampleEndToEnd(t, example, asImage));
}
