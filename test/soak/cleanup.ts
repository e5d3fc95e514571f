/**
 * Leaves the shared test plane clean after a fault test: the operator is stopped by then, so the
 * test itself releases the finalizers of whatever CRs remain (otherwise the namespace would stay
 * Terminating and a later test's web-app operator would inherit the work), then deletes the
 * namespaces without waiting.
 */
import type { KubeClient } from '../../runtime-kit/client/rest.ts';
import { isNotFound } from '../../runtime-kit/client/errors.ts';
import { deleteNamespace } from '../helpers/control-plane.ts';
import { forEachBounded, untilItLands, webappRef, WebApps } from './webapps.ts';

/** Strips finalizers from every WebApp in `ns`, then deletes `ns` and `extra` namespaces. */
export async function releaseAndDelete(client: KubeClient, ns: string, ...extra: string[]): Promise<void> {
  const left = await new WebApps(client, ns).list().catch(() => []);
  await forEachBounded(left, 50, async (cr) => {
    await untilItLands(`release ${cr.metadata.name}`, () => client.mergePatch(webappRef(ns, cr.metadata.name), { metadata: { finalizers: null } }).catch((err: unknown) => {
      if (!isNotFound(err)) throw err;
    }));
  });
  for (const n of [ns, ...extra]) await deleteNamespace(n);
}
