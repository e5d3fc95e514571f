import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type https from 'node:https';
import { FakeClock } from '../../../../runtime-kit/clock.ts';
import { loadConnection } from '../../../../runtime-kit/client/config.ts';
import { inClusterConnection, isInCluster } from '../../../../runtime-kit/client/in-cluster.ts';
import { KubeClient } from '../../../../runtime-kit/client/rest.ts';
import { InstantClock, fakeApi } from './fake-api.ts';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'ork-client-'));
}

test('in-cluster: server from the service env, bearer token from the file, re-read after a minute', async () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'ca.crt'), 'not-checked-until-connect');
  fs.writeFileSync(path.join(dir, 'token'), 'first\n');
  const clock = new FakeClock();
  const env = { KUBERNETES_SERVICE_HOST: 'fd00::1', KUBERNETES_SERVICE_PORT: '443' };
  assert.equal(isInCluster(env), true);
  assert.equal(isInCluster({}), false);
  const conn = inClusterConnection({ env, dir, clock });
  assert.equal(conn.server.href, 'https://[fd00::1]/');
  const opts: https.RequestOptions = {};
  await conn.prepare(opts);
  assert.equal((opts.headers as Record<string, string>)['authorization'], 'Bearer first');
  assert.ok(opts.agent !== undefined);
  fs.writeFileSync(path.join(dir, 'token'), 'second');
  await conn.prepare(opts);
  assert.equal((opts.headers as Record<string, string>)['authorization'], 'Bearer first', 'cached within the minute');
  clock.advance(60_000);
  await conn.prepare(opts);
  assert.equal((opts.headers as Record<string, string>)['authorization'], 'Bearer second');
});

test('in-cluster refuses to start outside a pod', () => {
  assert.throws(() => inClusterConnection({ env: {} }), /not running in a cluster/);
});

/** A kubeconfig with two contexts, `local` pointing at `server`, as YAML and as JSON (kubectl's `-o json`). */
function twoContextKubeconfig(server: string): { yaml: string; json: string } {
  const yaml = [
    'apiVersion: v1',
    'kind: Config',
    'current-context: other',
    'clusters:',
    `- name: local\n  cluster:\n    server: ${server}\n    insecure-skip-tls-verify: true`,
    '- name: far\n  cluster:\n    server: https://192.0.2.1:6443',
    'users:',
    '- name: dev\n  user:\n    token: dev-token',
    'contexts:',
    '- name: local\n  context:\n    cluster: local\n    user: dev',
    '- name: other\n  context:\n    cluster: far\n    user: dev',
    '',
  ].join('\n');
  const json = JSON.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    'current-context': 'other',
    clusters: [
      { name: 'local', cluster: { server, 'insecure-skip-tls-verify': true } },
      { name: 'far', cluster: { server: 'https://192.0.2.1:6443' } },
    ],
    users: [{ name: 'dev', user: { token: 'dev-token' } }],
    contexts: [
      { name: 'local', context: { cluster: 'local', user: 'dev' } },
      { name: 'other', context: { cluster: 'far', user: 'dev' } },
    ],
  });
  return { yaml, json };
}

for (const format of ['yaml', 'json'] as const) {
  test(`kubeconfig as ${format}: server and token of the chosen context`, async () => {
    const api = await fakeApi([{ status: 200, body: { kind: 'Namespace' } }]);
    try {
      const file = path.join(tempDir(), 'config');
      fs.writeFileSync(file, twoContextKubeconfig(api.url)[format]);
      const conn = await loadConnection({ kubeconfig: file, context: 'local', env: {} });
      assert.equal(conn.server.origin, api.url);
      const c = new KubeClient({ connection: conn, clock: new InstantClock() });
      await c.get({ group: '', version: 'v1', plural: 'namespaces', name: 'default' });
      assert.equal(api.seen[0]?.headers['authorization'], 'Bearer dev-token');
    } finally {
      await api.close();
    }
  });
}

test('a kubeconfig that is neither YAML nor JSON is named in the error', async () => {
  for (const text of ['{ "clusters": [', 'clusters: [unclosed\n  - x: : :']) {
    const file = path.join(tempDir(), 'config');
    fs.writeFileSync(file, text);
    await assert.rejects(loadConnection({ kubeconfig: file, env: {} }), (err: Error) => err.message.startsWith(`kubeconfig ${file} is not valid YAML or JSON: `));
  }
});

test('loadConnection explains when no kubeconfig, KUBECONFIG or service account is found', async () => {
  const home = tempDir();
  await assert.rejects(loadConnection({ env: { HOME: home } }), /no Kubernetes connection/);
});

test('loadConnection uses the service account when in a pod and no kubeconfig is given', async () => {
  const home = tempDir();
  fs.mkdirSync(path.join(home, '.kube'));
  fs.writeFileSync(path.join(home, '.kube', 'config'), 'not: used');
  const env = { HOME: home, KUBERNETES_SERVICE_HOST: '10.0.0.1', KUBERNETES_SERVICE_PORT: '443' };
  // No service-account files on this machine: the in-cluster path is taken and fails on the CA.
  await assert.rejects(loadConnection({ env }), /serviceaccount\/ca\.crt/);
});
