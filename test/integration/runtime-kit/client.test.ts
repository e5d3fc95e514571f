/**
 * The runtime kit's REST client against the real control plane: kubeconfig connection,
 * create/get/list/merge patch/replace/delete, typed errors from real Status answers, server-side
 * apply ownership and conflicts, and Forbidden for a ServiceAccount without rights.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { kubeconfigConnection } from '../../../runtime-kit/client/kubeconfig.ts';
import { KubeClient } from '../../../runtime-kit/client/rest.ts';
import { watchEvents } from '../../../runtime-kit/client/watch-stream.ts';
import { AlreadyExistsError, ConflictError, ForbiddenError, InvalidError, NotFoundError } from '../../../runtime-kit/client/errors.ts';
import { createTestNamespace, deleteNamespace, testPlane } from '../../helpers/control-plane.ts';

interface ConfigMap {
  apiVersion?: string;
  kind?: string;
  metadata: { name: string; namespace?: string; resourceVersion?: string; labels?: Record<string, string>; managedFields?: Array<{ manager: string; operation: string }> };
  data?: Record<string, string>;
}

let ns = '';
let client: KubeClient;
const cm = (name?: string) => ({ group: '', version: 'v1', plural: 'configmaps', namespace: ns, name });

before(async () => {
  ns = await createTestNamespace('rk-client');
  client = new KubeClient({ connection: await kubeconfigConnection({ path: testPlane().kubeconfig }), fieldManager: 'ork-it', retry: { attempts: 2 } });
});
after(() => deleteNamespace(ns));

describe('KubeClient on a real API server', () => {
  it('creates, reads, lists by label, merge-patches and deletes', async () => {
    const created = await client.create<ConfigMap>(cm(), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', labels: { app: 'x' } }, data: { k: 'v' } });
    assert.equal(created.metadata.name, 'a');
    assert.equal((await client.get<ConfigMap>(cm('a'))).data?.['k'], 'v');
    await client.create(cm(), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b', labels: { app: 'y' } } });
    const list = await client.list<{ items: ConfigMap[] }>(cm(), { labelSelector: 'app=x' });
    assert.deepEqual(list.items.map((i) => i.metadata.name), ['a']);
    const patched = await client.mergePatch<ConfigMap>(cm('a'), { data: { k2: 'v2' } });
    assert.deepEqual(patched.data, { k: 'v', k2: 'v2' });
    await client.delete(cm('a'), { propagationPolicy: 'Background' });
    await assert.rejects(client.get(cm('a')), NotFoundError);
  });

  it('turns real Status answers into typed errors', async () => {
    await client.create(cm(), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'dup' } });
    await assert.rejects(client.create(cm(), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'dup' } }), (e: unknown) => e instanceof AlreadyExistsError && e.status === 409 && e.reason === 'AlreadyExists');
    await assert.rejects(client.get(cm('missing')), (e: unknown) => e instanceof NotFoundError && /not found/.test(e.message));
    await assert.rejects(client.create(cm(), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'Not_Valid' } }), InvalidError);
  });

  it('a replace with a stale resourceVersion ends in ConflictError', async () => {
    const first = await client.create<ConfigMap>(cm(), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'rv' }, data: { n: '1' } });
    await client.mergePatch(cm('rv'), { data: { n: '2' } });
    await assert.rejects(client.replace(cm('rv'), { ...first, data: { n: '3' } }), ConflictError);
  });

  it('server-side apply records the field manager; a conflicting apply needs force', async () => {
    const body = (value: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'ssa' }, data: { owned: value } });
    const applied = await client.apply<ConfigMap>(cm('ssa'), body('ork'), { force: false });
    assert.ok(applied.metadata.managedFields?.some((f) => f.manager === 'ork-it' && f.operation === 'Apply'));
    await assert.rejects(client.apply(cm('ssa'), body('other'), { force: false, fieldManager: 'someone-else' }), (e: unknown) => e instanceof ConflictError && e.status === 409);
    const forced = await client.apply<ConfigMap>(cm('ssa'), body('other'), { force: true, fieldManager: 'someone-else' });
    assert.equal(forced.data?.['owned'], 'other');
    const again = await client.apply<ConfigMap>(cm('ssa'), body('other'), { force: false, fieldManager: 'someone-else' });
    assert.equal(again.metadata.resourceVersion, forced.metadata.resourceVersion, 'an unchanged apply writes nothing');
  });

  it('a ServiceAccount without rights gets ForbiddenError', async () => {
    await client.create({ group: '', version: 'v1', plural: 'serviceaccounts', namespace: ns }, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'nobody' } });
    const tr = await client.create<{ status: { token: string } }>(
      { group: '', version: 'v1', plural: 'serviceaccounts', namespace: ns, name: 'nobody', subresource: 'token' },
      { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: { expirationSeconds: 600 } },
    );
    const admin = new KubeConfig();
    admin.loadFromFile(testPlane().kubeconfig);
    const cluster = admin.getCurrentCluster();
    assert.ok(cluster);
    const sa = new KubeConfig();
    sa.loadFromOptions({
      clusters: [cluster],
      users: [{ name: 'nobody', token: tr.status.token }],
      contexts: [{ name: 'nobody', cluster: cluster.name, user: 'nobody' }],
      currentContext: 'nobody',
    });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rk-sa-')), 'config');
    fs.writeFileSync(file, sa.exportConfig());
    const weak = new KubeClient({ connection: await kubeconfigConnection({ path: file }), retry: { attempts: 1 } });
    await assert.rejects(weak.list(cm()), (e: unknown) => e instanceof ForbiddenError && e.status === 403);
  });

  it('watch streams an ADDED event for a created object, from the list resourceVersion', async () => {
    const list = await client.list<{ metadata: { resourceVersion: string } }>(cm());
    const ac = new AbortController();
    const events = watchEvents<ConfigMap>(client, cm(), { resourceVersion: list.metadata.resourceVersion }, ac.signal);
    await client.create(cm(), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'watched' } });
    for await (const e of events) {
      if (e.type === 'ADDED' && e.object.metadata.name === 'watched') break;
    }
    ac.abort();
  });
});
