/** Quantity maps of ResourceQuota and LimitRange: invalid quantities are dropped, as Orkestra does. */
import { defineOwn, ownValue, scalarText, sortedKeys } from '../maps.ts';
import { warn } from '../meta.ts';
import { isQuantity } from '../quantity.ts';
import type { BuildContext } from '../types.ts';

/** Sorted map of the valid quantities of `m` (a warning per dropped entry); undefined when empty. */
export function quantityMap(m: Readonly<Record<string, unknown>> | undefined, ctx: BuildContext, kind: string, name: string, field: string): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const k of sortedKeys(m)) {
    const v = scalarText(ownValue(m, k));
    if (isQuantity(v)) defineOwn(out, k, v);
    else warn(ctx, kind, name, `invalid quantity ${JSON.stringify(v)} in ${field}.${k}: dropped`);
  }
  return Object.keys(out).length === 0 ? undefined : out;
}
