/**
 * `custom[i]` → any object written as a manifest (Orkestra `customresources.buildUnstructured`).
 * Default name `<cr>-custom`. `metadata.namespaced: false` marks a cluster-scoped kind (no
 * namespace); otherwise the namespace defaults to the CR's. Labels are stamped; `spec` and every
 * other top-level field are copied as data (input key order kept). `status` is never written here
 * and `hasStatus` and the entry's control keys (`reconcile`, `when`, `or`, `anyOf`, `forEach`,
 * `sleep`, `forceConflict`) are not copied.
 */
import { requireFields } from '../errors.ts';
import type { CustomResourceInput } from '../inputs/kinds.ts';
import { copyData, defineOwn } from '../maps.ts';
import { buildMeta, defaultName } from '../meta.ts';
import { resolveNamespace } from '../owner.ts';
import { given } from '../present.ts';
import type { BuildContext, KubeObject } from '../types.ts';

/** Default name suffix: `<cr>-custom`. */
export const CUSTOM_NAME_SUFFIX = '-custom';

/** Top-level input keys that are not copied into the object. */
export const CUSTOM_RESERVED_KEYS: ReadonlySet<string> = new Set([
  'apiVersion', 'kind', 'metadata', 'spec', 'status', 'hasStatus',
  'reconcile', 'when', 'or', 'anyOf', 'forEach', 'sleep', 'forceConflict',
]);

/** Builds the object. Throws ChildSpecError without apiVersion or kind. */
export function buildCustomResource(input: CustomResourceInput, ctx: BuildContext): KubeObject {
  const name = defaultName(input.metadata?.name, ctx, CUSTOM_NAME_SUFFIX);
  requireFields('custom', name, { apiVersion: given(input.apiVersion), kind: given(input.kind) });
  const namespaced = input.metadata?.namespaced !== false;
  const out: KubeObject = {
    apiVersion: input.apiVersion,
    kind: input.kind,
    metadata: buildMeta(ctx, {
      name,
      namespace: namespaced ? resolveNamespace(input.metadata?.namespace, ctx.owner) : undefined,
      labels: input.metadata?.labels,
      annotations: input.metadata?.annotations,
    }),
  };
  for (const key of Object.keys(input)) {
    if (CUSTOM_RESERVED_KEYS.has(key)) continue;
    const value = (input as Record<string, unknown>)[key];
    if (value !== undefined) defineOwn(out, key, copyData(value));
  }
  if (input.spec !== undefined) out['spec'] = copyData(input.spec);
  return out;
}
