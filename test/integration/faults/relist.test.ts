/**
 * Fault 2 (issue 8): the operator's watches break and, when it reconnects, the API server
 * answers its old resourceVersion with 410 Gone. The web-app operator runs behind a TCP proxy;
 * the proxy cuts its connections and refuses new ones while CRs are created, changed and deleted,
 * etcd is compacted and the WebApp type's watch cache is rebuilt; then the proxy lets it back.
 * Shown: the operator logs the 410 and relists, and nothing is missed — every CR created during
 * the break gets its children and Ready, changed CRs are rolled out, a deleted CR is finalized.
 *
 * What causes the 410 (checked here, printed as a figure): with the API server's watch cache on
 * (the default), compacting etcd alone does not expire a watch from an old resourceVersion — it
 * is served from the cache's own history. Changing the CRD's spec (here: the schema description)
 * rebuilds the type's storage and cache from a fresh list, after which older versions are too old.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isGone } from '../../../runtime-kit/client/errors.ts';
import { watchEvents } from '../../../runtime-kit/client/watch-stream.ts';
import { eventually } from '../../helpers/control-plane.ts';
import { compactEtcd } from '../../helpers/etcd.ts';
import { kubectl } from '../../helpers/kubectl.ts';
import { isConverged } from '../../soak/ready-tracker.ts';
import { logLines } from '../../soak/web-app-operator.ts';
import { forEachBounded, webappRef, type WebApp } from '../../soak/webapps.ts';
import { startProxiedWebApp } from './proxied-web-app.ts';

const CRD = 'crd/webapps.demo.ork.dev';
const DESCRIPTION = '/spec/versions/0/schema/openAPIV3Schema/description';

test('watch broken, then 410 Gone: the operator relists and misses no create, update or delete made meanwhile', { timeout: 180_000 }, async (t) => {
  const w = await startProxiedWebApp('fault-relist');
  try {
    const ref = webappRef(w.ns);
    const get = (name: string) => w.client.get<WebApp>(webappRef(w.ns, name)).catch(() => undefined);
    const replicas = async (name: string) =>
      (await w.client.get<{ spec: { replicas: number } }>({ group: 'apps', version: 'v1', plural: 'deployments', namespace: w.ns, name }).catch(() => undefined))?.spec.replicas;
    const before = ['a0', 'a1', 'a2', 'a3'];
    await forEachBounded(before, 4, (n) => w.apps.create(n, { image: 'nginx:1.27', replicas: 1 }));
    await eventually('the first CRs converged', 60_000, async () => ((await Promise.all(before.map(get))).every((cr) => cr && isConverged(cr)) ? true : undefined), 250);
    const staleRv = (await w.client.list<{ metadata: { resourceVersion: string } }>(ref)).metadata.resourceVersion;
    const relists0 = logLines(w.op, 'watch expired (410), relisting').length;

    const broken = Date.now();
    w.proxy.pause();
    const during = Array.from({ length: 10 }, (_, i) => `b${i}`);
    await forEachBounded(during, 5, (n) => w.apps.create(n, { image: 'nginx:1.27', replicas: 1 }));
    await w.apps.patchSpec('a0', { replicas: 3 });
    await w.apps.patchSpec('a1', { replicas: 4 });
    await w.apps.delete('a2'); // the finalizer holds it until the operator, back, releases it
    const tooOld = async (): Promise<string | undefined> => {
      try {
        for await (const _ of watchEvents(w.client, ref, { resourceVersion: staleRv, timeoutSeconds: 1 })) break;
      } catch (err) {
        if (isGone(err)) return err.message;
        throw err;
      }
      return undefined;
    };
    const compactedAt = await compactEtcd();
    const goneAfterCompaction = await tooOld();
    kubectl(['patch', CRD, '--type=json', '-p', JSON.stringify([{ op: 'add', path: DESCRIPTION, value: `rebuilt by the relist fault test ${Date.now()}` }])]);
    const gone = await eventually('the server to answer 410 for the old resourceVersion', 30_000, tooOld, 500);
    const brokenMs = Date.now() - broken;

    const back = Date.now();
    w.proxy.resume();
    await eventually('the operator to log a 410 and relist', 60_000, async () => (logLines(w.op, 'watch expired (410), relisting').length > relists0 ? true : undefined), 250);
    await eventually('every CR created during the break converged with its Deployment', 90_000, async () => {
      const crs = await Promise.all(during.map(get));
      if (!crs.every((cr) => cr && isConverged(cr))) return undefined;
      return (await Promise.all(during.map(replicas))).every((r) => r === 1) ? true : undefined;
    }, 250);
    await eventually('a0, a1 rolled out', 30_000, async () => ((await replicas('a0')) === 3 && (await replicas('a1')) === 4 ? true : undefined), 250);
    await eventually('a2 finalized and gone', 30_000, async () => ((await get('a2')) === undefined ? true : undefined), 250);
    const caughtUpMs = Date.now() - back;
    const a3 = await get('a3');
    assert.ok(a3 && isConverged(a3), 'the untouched CR stays converged');
    const relists = logLines(w.op, 'watch expired (410), relisting').length - relists0;

    t.diagnostic(`etcd compacted at revision ${compactedAt}: a watch from ${staleRv} after compaction alone → ${goneAfterCompaction ? `410 "${goneAfterCompaction}"` : 'no 410 (served from the watch cache)'}; after the CRD spec change → 410 "${gone}"`);
    t.diagnostic(`watch broken ${brokenMs} ms (10 creates, 2 updates, 1 delete meanwhile); ${relists} relist(s) after 410; all caught up ${caughtUpMs} ms after reconnecting; ${w.proxy.refused} connections refused during the break`);
  } finally {
    try {
      kubectl(['patch', CRD, '--type=json', '-p', JSON.stringify([{ op: 'remove', path: DESCRIPTION }])]);
    } catch {
      /* never added */
    }
    assert.equal(await w.close(), 0);
  }
});
