/**
 * `configMaps[i]` → v1 ConfigMap (Orkestra `configmaps.Resolve` + `buildConfigMap`). Default name
 * `<cr>-config`; `data` written with sorted keys (omitted when empty). `fromConfigMap` (copy an
 * existing ConfigMap, declared keys winning) and `toNamespaces` need runtime I/O and are not
 * built here: the harness merges the source data into `data` first (see runtime-io.ts).
 */
import type { ConfigMapInput } from '../inputs/kinds.ts';
import type { ConfigMap } from '../k8s/core.ts';
import { sortedStringMap } from '../maps.ts';
import { buildMeta, defaultName } from '../meta.ts';
import { resolveNamespace } from '../owner.ts';
import type { BuildContext } from '../types.ts';

/** Default name suffix: `<cr>-config`. */
export const CONFIGMAP_NAME_SUFFIX = '-config';

/** The ConfigMap's name: declared, else `<cr>-config`. */
export function configMapName(input: ConfigMapInput, ctx: BuildContext): string {
  return defaultName(input.name, ctx, CONFIGMAP_NAME_SUFFIX);
}

/** Builds the ConfigMap from its declared data. */
export function buildConfigMap(input: ConfigMapInput, ctx: BuildContext): ConfigMap {
  const name = configMapName(input, ctx);
  const out: ConfigMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: buildMeta(ctx, { name, namespace: resolveNamespace(input.namespace, ctx.owner), labels: input.labels, annotations: input.annotations }),
  };
  const data = sortedStringMap(input.data);
  if (data !== undefined) out.data = data;
  return out;
}
