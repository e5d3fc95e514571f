/** `serviceAccounts[i]` → v1 ServiceAccount (Orkestra `serviceaccounts`). Default name `<cr>-sa`. */
import type { ServiceAccountInput } from '../inputs/kinds.ts';
import type { ServiceAccount } from '../k8s/core.ts';
import { buildMeta, defaultName } from '../meta.ts';
import { resolveNamespace } from '../owner.ts';
import type { BuildContext } from '../types.ts';

/** Default name suffix: `<cr>-sa`. */
export const SERVICEACCOUNT_NAME_SUFFIX = '-sa';

/** The ServiceAccount's name: declared, else `<cr>-sa`. */
export function serviceAccountName(input: ServiceAccountInput, ctx: BuildContext): string {
  return defaultName(input.name, ctx, SERVICEACCOUNT_NAME_SUFFIX);
}

/** Builds the ServiceAccount (metadata only). */
export function buildServiceAccount(input: ServiceAccountInput, ctx: BuildContext): ServiceAccount {
  const name = serviceAccountName(input, ctx);
  return {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: buildMeta(ctx, { name, namespace: resolveNamespace(input.namespace, ctx.owner), labels: input.labels, annotations: input.annotations }),
  };
}
