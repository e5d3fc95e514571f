/** The pure parts of compiler/plane: reading the scripts' KEY=VALUE output and bin dir names. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseKeyValues } from '../../../compiler/plane/run-script.ts';
import { tail, versionOfBinDir } from '../../../compiler/plane/binaries.ts';
import { planeStatus } from '../../../compiler/plane/plane.ts';

test('parseKeyValues reads KEY=VALUE lines, ignores `export ` and anything else', () => {
  const kv = parseKeyValues('export KUBECONFIG=/d/kubeconfig\nETCD_PID=12\n[plane] log line\nK8S_API=https://127.0.0.1:1=2\nEMPTY=\nlower=x\n');
  assert.deepEqual(Object.fromEntries(kv), { KUBECONFIG: '/d/kubeconfig', ETCD_PID: '12', K8S_API: 'https://127.0.0.1:1=2', EMPTY: '' });
});

test('versionOfBinDir reads the component version from a cache directory name', () => {
  assert.equal(versionOfBinDir('/c/ork/k8s-bins/k8s-v1.37.2-go1.26.8'), 'v1.37.2');
  assert.equal(versionOfBinDir('/c/ork/k8s-bins/etcd-v3.6.16-go1.26.8'), 'v3.6.16');
  assert.equal(versionOfBinDir('/usr/local/bin'), undefined);
});

test('tail keeps the last n lines', () => {
  assert.equal(tail('a\nb\nc\n', 2), 'b\nc');
});

test('planeStatus of a directory without a plane is stopped, with no processes', async () => {
  const st = await planeStatus('/nonexistent/ork-plane-unit');
  assert.equal(st.state, 'stopped');
  assert.equal(st.dir, '/nonexistent/ork-plane-unit');
  assert.equal(st.apiUrl, undefined);
  assert.deepEqual(st.processes, { etcd: { running: false, pid: undefined }, apiserver: { running: false, pid: undefined }, controllerManager: { running: false, pid: undefined } });
});
