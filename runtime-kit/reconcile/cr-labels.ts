/**
 * The Katalog's `labels:` of a CRD entry, written onto the CR itself (Orkestra writes them on
 * every reconcile; keys static, values rendered from the CR). Server-side apply of just those
 * labels with the operator's field manager, and only when one is missing or differs: a
 * reconcile that finds them in place writes nothing.
 */
import type { KubeObjectLike } from './desired.ts';
import { refOf, type ApiWriter, type KindInfo } from './ports.ts';

/** What writing CR labels needs. */
export interface CrLabelsDeps {
  readonly api: ApiWriter;
  readonly kinds: readonly KindInfo[];
  readonly fieldManager: string;
}

/** True when `cr` already carries every label of `labels` with the same value. */
export function hasLabels(cr: KubeObjectLike, labels: Readonly<Record<string, string>>): boolean {
  const have = cr.metadata.labels ?? {};
  return Object.entries(labels).every(([k, v]) => have[k] === v);
}

/** Applies `labels` onto `cr` when one is missing or differs; returns whether it wrote. */
export async function ensureCrLabels(deps: CrLabelsDeps, cr: KubeObjectLike, labels: Readonly<Record<string, string>> | undefined): Promise<boolean> {
  if (!labels || Object.keys(labels).length === 0 || hasLabels(cr, labels)) return false;
  const { apiVersion, kind } = cr;
  const { name, namespace } = cr.metadata;
  const ref = refOf(deps.kinds, { apiVersion, kind, name, ...(namespace ? { namespace } : {}) });
  // Forced: the Katalog owns these keys, as Orkestra's update overwrote them.
  await deps.api.apply(ref, { apiVersion, kind, metadata: { name, ...(namespace ? { namespace } : {}), labels: { ...labels } } }, { fieldManager: deps.fieldManager, force: true });
  return true;
}
