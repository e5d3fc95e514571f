/**
 * The operator's command line fails to start with one JSON error line and exit code 2, never a
 * stack trace: no cluster connection, a bad --port, the port already taken. Each case runs `main`
 * in its own Node process, as a generated operator does.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../../../runtime-kit/operator/main.ts', import.meta.url));

/** Runs `main` of a one-CRD-less operator with `args`; HOME and KUBECONFIG point nowhere. */
function runMain(args: readonly string[], env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ork-main-'));
  const script = `import { main } from ${JSON.stringify(MAIN)};\nawait main({ name: 'demo', version: '1.0.0', namespace: 'ork-system', crds: [] }, ${JSON.stringify(args)});\n`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', HOME: home, ...env },
    timeout: 30_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Asserts a clean start-up failure and returns its message. */
function cannotRun(r: { code: number | null; stderr: string }): string {
  assert.equal(r.code, 2, r.stderr);
  assert.doesNotMatch(r.stderr, /^\s+at /m, 'no stack trace');
  const lines = r.stderr.trim().split('\n').map((l) => JSON.parse(l) as { level: string; msg: string });
  const error = lines.find((l) => l.level === 'error');
  assert.ok(error, r.stderr);
  return error.msg;
}

/** A kubeconfig for a server nobody answers (start-up fails before any request). */
function kubeconfig(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ork-main-kc-')), 'config');
  fs.writeFileSync(
    file,
    'apiVersion: v1\nkind: Config\ncurrent-context: c\nclusters:\n- name: c\n  cluster:\n    server: https://127.0.0.1:1\n    insecure-skip-tls-verify: true\nusers:\n- name: u\n  user:\n    token: t\ncontexts:\n- name: c\n  context:\n    cluster: c\n    user: u\n',
  );
  return file;
}

test('version prints the name and version', () => {
  const r = runMain(['version']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, 'demo-operator 1.0.0\n');
});

test('no cluster connection: says how to give one', () => {
  assert.match(cannotRun(runMain([])), /^cannot run: no Kubernetes connection: pass --kubeconfig/);
});

test('a --port that is not a port number is named', () => {
  assert.match(cannotRun(runMain(['--port', 'http', '--kubeconfig', kubeconfig()])), /--port "http" is not a port number/);
});

test('an unknown flag is named', () => {
  assert.match(cannotRun(runMain(['--prot', '9000'])), /--prot/);
});

test('a port already in use: says which and how to pick another', async () => {
  const taken = net.createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  const port = (taken.address() as net.AddressInfo).port;
  try {
    const r = await new Promise<ReturnType<typeof runMain>>((resolve) => setImmediate(() => resolve(runMain(['--port', String(port), '--kubeconfig', kubeconfig()]))));
    assert.match(cannotRun(r), new RegExp(`^cannot run: port ${port} is already in use; pass another with --port or ORK_PORT$`));
  } finally {
    taken.close();
  }
});

test('a --kube-api-qps that is not a rate is named', () => {
  assert.match(cannotRun(runMain(['--kube-api-qps', 'fast', '--kubeconfig', kubeconfig()])), /--kube-api-qps \(or its ORK_ variable\) "fast" is not a non-negative number/);
});

test('a Gateway endpoint that is not an http(s) URL stops the start with its setting named', () => {
  assert.match(cannotRun(runMain(['--kubeconfig', kubeconfig()], { ORK_GATEWAY_ENDPOINT: 'ftp://gw' })), /^cannot run: ORK_GATEWAY_ENDPOINT "ftp:\/\/gw"/);
});
