/**
 * `secrets[i]` → v1 Secret (Orkestra `secrets.Resolve` + `buildSecret`). Default name
 * `<cr>-secret`; declared `data` is plain text and is written as `stringData` (the API server
 * base64-encodes it into `data`), sorted keys. `type`: kubernetes.io/tls and
 * kubernetes.io/dockerconfigjson (any case) are kept, anything else is Opaque (default).
 * One of `data` or `fromSecret` is required. `fromSecret`, `once`, `rotateAfter`, `tls` and
 * `toNamespaces` need runtime I/O and are not built here (see runtime-io.ts).
 */
import { requireFields } from '../errors.ts';
import type { SecretInput } from '../inputs/kinds.ts';
import type { Secret } from '../k8s/core.ts';
import { sortedStringMap } from '../maps.ts';
import { buildMeta, defaultName } from '../meta.ts';
import { resolveNamespace } from '../owner.ts';
import { given } from '../present.ts';
import type { BuildContext } from '../types.ts';

/** Default name suffix: `<cr>-secret`. */
export const SECRET_NAME_SUFFIX = '-secret';

/** The Secret's name: declared, else `<cr>-secret`. */
export function secretName(input: SecretInput, ctx: BuildContext): string {
  return defaultName(input.name, ctx, SECRET_NAME_SUFFIX);
}

/** Orkestra's Secret type mapping. */
export function secretType(declared: string | undefined): Secret['type'] {
  const l = (declared ?? '').toLowerCase();
  return l === 'kubernetes.io/tls' ? 'kubernetes.io/tls' : l === 'kubernetes.io/dockerconfigjson' ? 'kubernetes.io/dockerconfigjson' : 'Opaque';
}

/** Builds the Secret from its declared data. Throws ChildSpecError with neither data nor a source. */
export function buildSecret(input: SecretInput, ctx: BuildContext): Secret {
  const name = secretName(input, ctx);
  const stringData = sortedStringMap(input.data);
  requireFields('Secret', name, { 'data or fromSecret': stringData !== undefined || given(input.fromSecret) || input.tls !== undefined });
  const out: Secret = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: buildMeta(ctx, { name, namespace: resolveNamespace(input.namespace, ctx.owner), labels: input.labels, annotations: input.annotations }),
    type: secretType(input.type),
  };
  if (stringData !== undefined) out.stringData = stringData;
  return out;
}
