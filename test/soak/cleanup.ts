/**
 * Leaves the shared test plane clean after a fault test: the operator is stopped by then, so the
 * test itself releases the finalizers of whatever CRs remain and deletes them, and waits until
 * they are gone, before deleting the namespaces. Waiting matters: the namespace controller
 * removes a namespace's content asynchronously, and a CR still present when the next test file's
 * web-app operator starts (they all watch WebApps cluster-wide) would be adopted — finalized,
 * reconciled, then deleted — and that operator's work would count in the next test's figures.
 */
import type { KubeClient } from '../../runtime-kit/client/rest.ts';
import { isNotFound } from '../../runtime-kit/client/errors.ts';
import { deleteNamespace, eventually } from '../helpers/control-plane.ts';
import { forEachBounded, untilItLands, webappRef, WebApps } from './webapps.ts';

/** Strips finalizers from every WebApp in `ns`, deletes them and waits until none is left, then deletes `ns` and `extra` namespaces. */
export async function releaseAndDelete(client: KubeClient, ns: string, ...extra: string[]): Promise<void> {
  const apps = new WebApps(client, ns);
  const ignoreGone = (err: unknown): void => {
    if (!isNotFound(err)) throw err;
  };
  const left = await untilItLands(`list WebApps in ${ns}`, () => apps.list().catch((err: unknown) => (isNotFound(err) ? [] : Promise.reject(err))));
  await forEachBounded(left.value, 50, async (cr) => {
    const ref = webappRef(ns, cr.metadata.name);
    await untilItLands(`release ${cr.metadata.name}`, () => client.mergePatch(ref, { metadata: { finalizers: null } }).catch(ignoreGone));
    await untilItLands(`delete ${cr.metadata.name}`, () => client.delete(ref).catch(ignoreGone));
  });
  await eventually(`every WebApp in ${ns} gone`, 120_000, async () => ((await apps.list()).length === 0 ? true : undefined), 250);
  for (const n of [ns, ...extra]) await deleteNamespace(n);
}
