/**
 * The informer against the real control plane: a paginated list of 1,000 ConfigMaps syncs, watch
 * events arrive as add/update/delete with old and new objects, the owner index maps children to
 * their owner, bookmarks advance the resourceVersion, and one factory shares one watch.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { kubeconfigConnection } from '../../../runtime-kit/client/kubeconfig.ts';
import { KubeClient } from '../../../runtime-kit/client/rest.ts';
import { InformerFactory } from '../../../runtime-kit/informer/factory.ts';
import { Informer } from '../../../runtime-kit/informer/informer.ts';
import type { KubeObject } from '../../../runtime-kit/informer/object.ts';
import { createTestNamespace, deleteNamespace, eventually, testPlane } from '../../helpers/control-plane.ts';

interface ConfigMap extends KubeObject {
  data?: Record<string, string>;
}

let ns = '';
let client: KubeClient;
const cms = (namespace: string, name?: string) => ({ group: '', version: 'v1', plural: 'configmaps', namespace, name });
const started: Array<Informer<KubeObject> | InformerFactory> = [];

before(async () => {
  ns = await createTestNamespace('rk-informer');
  client = new KubeClient({ connection: await kubeconfigConnection({ path: testPlane().kubeconfig }), qps: 0, retry: { attempts: 3 } });
});
after(async () => {
  await Promise.all(started.map((s) => s.stop()));
  await deleteNamespace(ns);
});

function informer(ns0: string, opts: { labelSelector?: string; minWatchTimeoutSeconds?: number } = {}): Informer<ConfigMap> {
  const inf = new Informer<ConfigMap>({ client, selection: { ref: cms(ns0), labelSelector: opts.labelSelector } }, { resyncMs: 0, minWatchTimeoutSeconds: opts.minWatchTimeoutSeconds });
  started.push(inf as unknown as Informer<KubeObject>);
  return inf;
}

async function inParallel<T>(items: T[], width: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await fn(items[next++] as T);
  }));
}

describe('Informer on a real API server', () => {
  it('lists 1,000 ConfigMaps in pages of 500 and syncs with every one cached, managedFields stripped', async () => {
    const t0 = Date.now();
    await inParallel([...Array(1000).keys()], 16, (i) => client.create(cms(ns), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `bulk-${i}`, labels: { set: 'bulk' } }, data: { i: String(i) } }));
    const created = Date.now() - t0;
    const inf = informer(ns, { labelSelector: 'set=bulk' });
    let adds = 0;
    inf.addEventHandler({ onAdd: (_o, initial) => void (initial && adds++) });
    const t1 = Date.now();
    inf.start();
    assert.equal(await inf.waitForSync(), true);
    const syncMs = Date.now() - t1;
    console.log(`# created 1000 ConfigMaps in ${created} ms; informer synced in ${syncMs} ms (${inf.stats.pages} pages)`);
    assert.equal(inf.cache.size, 1000);
    assert.equal(adds, 1000);
    assert.equal(inf.stats.pages, 2);
    assert.equal(inf.cache.get(`${ns}/bulk-999`)?.data?.['i'], '999');
    assert.ok(inf.cache.list().every((o) => o.metadata.managedFields === undefined));
    assert.equal(inf.cache.get(`${ns}/bulk-1`)?.kind, 'ConfigMap');
    assert.equal(inf.cache.byLabels({ set: 'bulk' }).length, 1000);
    await inf.stop();
  });

  it('sees create, update (old and new) and delete as they happen', async () => {
    const inf = informer(ns, { labelSelector: 'set=live' });
    const seen: string[] = [];
    inf.addEventHandler({
      onAdd: (o, initial) => seen.push(`add ${o.metadata.name} ${initial}`),
      onUpdate: (a, b) => seen.push(`update ${a.metadata.name} ${a.data?.['v']}→${b.data?.['v']}`),
      onDelete: (o, unknown) => seen.push(`delete ${o.metadata.name} ${unknown}`),
    });
    inf.start();
    await inf.waitForSync();
    await client.create(cms(ns), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'live', labels: { set: 'live' } }, data: { v: '1' } });
    await eventually('add', 10_000, async () => (seen.length >= 1 ? true : undefined));
    await client.mergePatch(cms(ns, 'live'), { data: { v: '2' } });
    await eventually('update', 10_000, async () => (seen.length >= 2 ? true : undefined));
    await client.delete(cms(ns, 'live'));
    await eventually('delete', 10_000, async () => (seen.length >= 3 ? true : undefined));
    assert.deepEqual(seen, ['add live false', 'update live 1→2', 'delete live false']);
    assert.equal(inf.cache.size, 0);
    // the label selector is applied by the server: a ConfigMap without the label never shows up
    await client.create(cms(ns), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'other' } });
    await client.create(cms(ns), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'live2', labels: { set: 'live' } } });
    await eventually('live2', 10_000, async () => (inf.cache.get(`${ns}/live2`) ? true : undefined));
    assert.equal(inf.cache.get(`${ns}/other`), undefined);
    await inf.stop();
  });

  it('the owner index finds the children of an owner by its UID', async () => {
    const owner = await client.create<ConfigMap>(cms(ns), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'owner', labels: { set: 'fam' } } });
    const ref = { apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: owner.metadata.uid ?? '', controller: true };
    for (const n of ['child-a', 'child-b']) await client.create(cms(ns), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: n, labels: { set: 'fam' }, ownerReferences: [ref] } });
    await client.create(cms(ns), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'orphan', labels: { set: 'fam' } } });
    const inf = informer(ns, { labelSelector: 'set=fam' });
    inf.start();
    await inf.waitForSync();
    assert.deepEqual(inf.cache.byOwner(ref.uid).map((o) => o.metadata.name).sort(), ['child-a', 'child-b']);
    await client.create(cms(ns), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'child-c', labels: { set: 'fam' }, ownerReferences: [ref] } });
    await eventually('child-c indexed', 10_000, async () => (inf.cache.byOwner(ref.uid).length === 3 ? true : undefined));
    await inf.stop();
  });

  it('a field selector is applied by the server', async () => {
    const inf = new Informer<ConfigMap>({ client, selection: { ref: cms(ns), fieldSelector: 'metadata.name=owner' } }, { resyncMs: 0 });
    started.push(inf as unknown as Informer<KubeObject>);
    inf.start();
    await inf.waitForSync();
    assert.deepEqual(inf.cache.keys(), [`${ns}/owner`]);
    await inf.stop();
  });

  it('bookmarks advance the resourceVersion while nothing in the selection changes', async () => {
    const inf = informer(ns, { labelSelector: 'set=quiet', minWatchTimeoutSeconds: 6 });
    inf.start();
    await inf.waitForSync();
    const listed = BigInt(inf.resourceVersion);
    const other = await createTestNamespace('rk-informer-other');
    try {
      await client.create(cms(other), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'elsewhere' } });
      const t0 = Date.now();
      await eventually('a bookmark', 30_000, async () => (inf.stats.bookmarks > 0 ? true : undefined), 200);
      console.log(`# first bookmark after ${Date.now() - t0} ms; resourceVersion ${listed} → ${inf.resourceVersion}; watches ${inf.stats.watches}`);
      assert.ok(BigInt(inf.resourceVersion) > listed);
      assert.equal(inf.stats.lists, 1);
    } finally {
      await deleteNamespace(other);
      await inf.stop();
    }
  });

  it('a factory gives every consumer of a selection the same informer: one list, one watch', async () => {
    const factory = new InformerFactory(client, { resyncMs: 0 });
    started.push(factory);
    const a = factory.informer<ConfigMap>(cms(ns), { labelSelector: 'set=fam' });
    const b = factory.informer<ConfigMap>(cms(ns, 'ignored'), { labelSelector: 'set=fam' });
    assert.equal(a, b);
    const gotA: string[] = [];
    const gotB: string[] = [];
    a.addEventHandler({ onAdd: (o) => gotA.push(o.metadata.name ?? '') });
    b.addEventHandler({ onAdd: (o) => gotB.push(o.metadata.name ?? '') });
    factory.start();
    assert.equal(await factory.waitForSync(), true);
    assert.equal(gotA.length, 5, 'owner, child-a, child-b, child-c, orphan');
    assert.deepEqual(gotA, gotB);
    assert.equal(a.stats.lists, 1);
    await eventually('watch open', 10_000, async () => (a.stats.watches === 1 ? true : undefined));
    await factory.stop();
  });
});
