/**
 * Leaves the shared test plane clean after a test that ran an operator: once the operator is
 * stopped nothing releases the finalizers of the CRs it managed, so the test itself releases
 * them, deletes the CRs and waits until they are gone, before deleting the namespaces. Waiting
 * matters: the namespace controller removes a namespace's content asynchronously, and a CR still
 * present when the next test file's operator starts (the web-app operators all watch WebApps
 * cluster-wide) would be adopted — finalized, reconciled, then deleted — and that operator's
 * work would count in the next test's figures; a CR with a finalizer nobody releases keeps its
 * namespace Terminating for good.
 */
import type { KubeClient } from '../../runtime-kit/client/rest.ts';
import type { ResourceRef } from '../../runtime-kit/client/paths.ts';
import { isNotFound } from '../../runtime-kit/client/errors.ts';
import { deleteNamespace, eventually } from '../helpers/control-plane.ts';
import { forEachBounded, untilItLands, webappRef } from './webapps.ts';

interface Named {
  readonly metadata: { readonly name: string };
}

/**
 * For each collection in `collections` (a namespaced ref without a name): strips the finalizers of
 * every object in it, deletes them and waits until none is left; then deletes `namespaces`.
 */
export async function releaseAndDeleteAll(client: KubeClient, collections: readonly ResourceRef[], ...namespaces: string[]): Promise<void> {
  const ignoreGone = (err: unknown): void => {
    if (!isNotFound(err)) throw err;
  };
  const list = async (ref: ResourceRef): Promise<Named[]> => (await client.list<{ items: Named[] }>(ref).catch((err: unknown) => (isNotFound(err) ? { items: [] } : Promise.reject(err)))).items;
  for (const collection of collections) {
    const where = `${collection.plural} in ${collection.namespace ?? 'the cluster'}`;
    const left = await untilItLands(`list ${where}`, () => list(collection));
    await forEachBounded(left.value, 50, async (o) => {
      const ref = { ...collection, name: o.metadata.name };
      await untilItLands(`release ${o.metadata.name}`, () => client.mergePatch(ref, { metadata: { finalizers: null } }).catch(ignoreGone));
      await untilItLands(`delete ${o.metadata.name}`, () => client.delete(ref).catch(ignoreGone));
    });
    await eventually(`every one of the ${where} gone`, 120_000, async () => ((await list(collection)).length === 0 ? true : undefined), 250);
  }
  for (const n of namespaces) await deleteNamespace(n);
}

/** `releaseAndDeleteAll` for the WebApps in `ns`, then deletes `ns` and `extra` namespaces. */
export function releaseAndDelete(client: KubeClient, ns: string, ...extra: string[]): Promise<void> {
  return releaseAndDeleteAll(client, [webappRef(ns)], ns, ...extra);
}
