/**
 * 410 Gone on the real control plane: the informer's watch is cut (a pausable TCP proxy between
 * it and the API server), objects are created, changed and deleted meanwhile, etcd is compacted
 * and the API server's watch cache for the type is reset; when the informer reconnects, the
 * server answers its old resourceVersion with 410 and the informer must relist and report every
 * change it missed. Also shows the reconnect backoff against a dead endpoint (no storm).
 *
 * Why the cache reset: with the watch cache on (the default), a watch from an old
 * resourceVersion is served from the cache's history, not from etcd, so compacting etcd alone
 * does not cause a 410 (checked on v1.37). Updating a CRD's spec makes the API server rebuild that
 * type's storage and watch cache from a fresh list, after which older versions are "too old".
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection } from '../../../runtime-kit/client/connection.ts';
import { isGone } from '../../../runtime-kit/client/errors.ts';
import { kubeconfigConnection } from '../../../runtime-kit/client/kubeconfig.ts';
import { KubeClient } from '../../../runtime-kit/client/rest.ts';
import { watchEvents } from '../../../runtime-kit/client/watch-stream.ts';
import { Informer } from '../../../runtime-kit/informer/informer.ts';
import type { KubeObject } from '../../../runtime-kit/informer/object.ts';
import { createTestNamespace, deleteNamespace, eventually, kubeConfig, testPlane, uniqueSuffix } from '../../helpers/control-plane.ts';
import { compactEtcd } from '../../helpers/etcd.ts';
import { TcpProxy } from '../../helpers/tcp-proxy.ts';

interface Widget extends KubeObject {
  spec?: { n?: number };
}

const suffix = uniqueSuffix();
const group = `w${suffix}.ork.test`;
const crdName = `widgets.${group}`;
const crdRef = { group: 'apiextensions.k8s.io', version: 'v1', plural: 'customresourcedefinitions' };
const version = (description: string) => ({ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', description, 'x-kubernetes-preserve-unknown-fields': true } } });
let ns = '';
let client: KubeClient;
let proxy: TcpProxy;
let proxied: Connection;
const widgets = (name?: string) => ({ group, version: 'v1', plural: 'widgets', namespace: ns, name });
const widget = (name: string, n: number) => ({ apiVersion: `${group}/v1`, kind: 'Widget', metadata: { name }, spec: { n } });

before(async () => {
  const direct = await kubeconfigConnection({ path: testPlane().kubeconfig });
  client = new KubeClient({ connection: direct, qps: 0, retry: { attempts: 3 } });
  await client.create(crdRef, {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: crdName },
    spec: { group, scope: 'Namespaced', names: { plural: 'widgets', singular: 'widget', kind: 'Widget', listKind: 'WidgetList' }, versions: [version('v0')] },
  });
  await eventually('CRD established', 30_000, async () => {
    const crd = await client.get<{ status?: { conditions?: Array<{ type: string; status: string }> } }>({ ...crdRef, name: crdName });
    return crd.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True') ? true : undefined;
  });
  ns = await createTestNamespace('rk-relist');
  await eventually('widgets served', 30_000, async () => (await client.list(widgets()), true));
  const server = kubeConfig().getCurrentCluster()?.server;
  assert.ok(server);
  proxy = new TcpProxy(new URL(server));
  const port = await proxy.listen();
  proxied = { server: new URL(`https://127.0.0.1:${port}`), prepare: (o) => direct.prepare(o) };
});

after(async () => {
  await proxy?.close();
  await deleteNamespace(ns);
  await client.delete({ ...crdRef, name: crdName }).catch(() => undefined);
});

describe('Informer relist after 410 Gone (real API server)', () => {
  it('misses nothing: creates, updates and deletes made while the watch was down arrive after the relist', async () => {
    for (let i = 0; i < 10; i++) await client.create(widgets(), widget(`w${i}`, 0));
    const inf = new Informer<Widget>({ client: new KubeClient({ connection: proxied, qps: 0, retry: { attempts: 1 } }), selection: { ref: widgets() } }, { resyncMs: 0 });
    const seen: string[] = [];
    inf.addEventHandler({
      onAdd: (o, initial) => void (!initial && seen.push(`add ${o.metadata.name}`)),
      onUpdate: (a, b) => seen.push(`update ${a.metadata.name} ${a.spec?.n}→${b.spec?.n}`),
      onDelete: (o, unknown) => seen.push(`delete ${o.metadata.name}${unknown ? ' (final state unknown)' : ''}`),
    });
    inf.start();
    try {
      assert.equal(await inf.waitForSync(), true);
      assert.equal(inf.cache.size, 10);
      await eventually('watch open', 10_000, async () => (inf.stats.watches === 1 ? true : undefined));
      const staleRv = inf.resourceVersion;

      proxy.pause();
      for (let i = 10; i < 15; i++) await client.create(widgets(), widget(`w${i}`, 0));
      for (let i = 0; i < 5; i++) await client.mergePatch(widgets(`w${i}`), { spec: { n: 1 } });
      for (let i = 5; i < 10; i++) await client.delete(widgets(`w${i}`));
      const compactedAt = await compactEtcd();
      await client.mergePatch({ ...crdRef, name: crdName }, { spec: { versions: [version('v1 — rebuilds the watch cache')] } });
      // precondition, checked on a direct connection: the server now calls the informer's version too old
      const gone = await eventually('the server to answer 410 for the old resourceVersion', 30_000, async () => {
        try {
          for await (const _ of watchEvents(client, widgets(), { resourceVersion: staleRv, timeoutSeconds: 1 })) break;
        } catch (err) {
          if (isGone(err)) return err.message;
        }
        return undefined;
      }, 500);
      await eventually('the informer to retry against the dead endpoint', 30_000, async () => (proxy.refused >= 2 ? true : undefined));
      assert.equal(seen.length, 0, 'nothing arrives while the watch is down');

      const resumed = Date.now();
      proxy.resume();
      await eventually('relist', 60_000, async () => (inf.stats.relistsAfterGone >= 1 && inf.stats.lists >= 2 ? true : undefined));
      console.log(`# etcd compacted at ${compactedAt}; server said "${gone}"; ${proxy.refused} refused connections while down; backoffs ${JSON.stringify(inf.stats.backoffs)} ms; relisted ${Date.now() - resumed} ms after resume`);

      assert.deepEqual(seen.sort(), [
        ...[10, 11, 12, 13, 14].map((i) => `add w${i}`),
        ...[5, 6, 7, 8, 9].map((i) => `delete w${i} (final state unknown)`),
        ...[0, 1, 2, 3, 4].map((i) => `update w${i} 0→1`),
      ].sort());
      const live = await client.list<{ items: Widget[] }>(widgets());
      assert.deepEqual(
        inf.cache.list().map((o) => `${o.metadata.name}@${o.metadata.resourceVersion}`).sort(),
        live.items.map((o) => `${o.metadata.name}@${o.metadata.resourceVersion}`).sort(),
        'the cache equals the server state',
      );

      // and the watch works again afterwards
      await client.create(widgets(), widget('after', 0));
      await eventually('add after relist', 20_000, async () => (seen.includes('add after') ? true : undefined));
    } finally {
      await inf.stop();
    }
  });

  it('reconnect attempts against a dead endpoint back off (no storm) and the watch resumes without a relist', async () => {
    const inf = new Informer<Widget>({ client: new KubeClient({ connection: proxied, qps: 0, retry: { attempts: 1 } }), selection: { ref: widgets() } }, { resyncMs: 0 });
    inf.start();
    try {
      await inf.waitForSync();
      await eventually('watch open', 10_000, async () => (inf.stats.watches === 1 ? true : undefined));
      const refused0 = proxy.refused;
      proxy.pause();
      const downMs = 8_000;
      await new Promise((r) => setTimeout(r, downMs));
      const attempts = proxy.refused - refused0;
      proxy.resume();
      await client.create(widgets(), widget('during-resume', 0));
      await eventually('watch resumed', 60_000, async () => (inf.cache.get(`${ns}/during-resume`) ? true : undefined));
      console.log(`# ${attempts} reconnect attempts in ${downMs} ms down; waits ${JSON.stringify(inf.stats.backoffs)} ms; lists ${inf.stats.lists}`);
      // 800 ms doubling with jitter reaches ~5 tries in 8 s; a storm would be hundreds
      assert.ok(attempts >= 2 && attempts <= 8, `${attempts} attempts`);
      assert.equal(inf.stats.lists, 1, 'a reconnect resumes the watch from its resourceVersion: no relist');
    } finally {
      await inf.stop();
    }
  });
});
