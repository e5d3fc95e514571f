/**
 * `pdb[i]` → policy/v1 PodDisruptionBudget (Orkestra `pdbs.Resolve` + `buildPDB`). Default name
 * `<cr>-pdb`; selector = the declared labels only (empty → `{}`, every pod of the namespace).
 * minAvailable wins over maxUnavailable; "50%" stays a string, "1" a number. Values come from the
 * top-level fields, then `behavior.minAvailable/maxUnavailable`, then `behavior.profile`
 * (zero-downtime, rolling, relaxed or a user profile) for whatever is still empty.
 */
import type { PodDisruptionBudgetInput } from '../inputs/kinds.ts';
import type { PodDisruptionBudget } from '../k8s/networking.ts';
import { sortedStringMap } from '../maps.ts';
import { buildMeta, defaultName, warn } from '../meta.ts';
import { resolveNamespace } from '../owner.ts';
import { parseIntOrPercent } from '../parse.ts';
import { given } from '../present.ts';
import { pdbProfile } from '../profiles/pdb.ts';
import type { BuildContext } from '../types.ts';

/** Default name suffix: `<cr>-pdb`. */
export const PDB_NAME_SUFFIX = '-pdb';

/** The PDB's name: declared, else `<cr>-pdb`. */
export function pdbName(input: PodDisruptionBudgetInput, ctx: BuildContext): string {
  return defaultName(input.name, ctx, PDB_NAME_SUFFIX);
}

/** Builds the PodDisruptionBudget. */
export function buildPodDisruptionBudget(input: PodDisruptionBudgetInput, ctx: BuildContext): PodDisruptionBudget {
  const name = pdbName(input, ctx);
  let minAvailable = given(input.minAvailable) ? input.minAvailable : input.behavior?.minAvailable;
  let maxUnavailable = given(input.maxUnavailable) ? input.maxUnavailable : input.behavior?.maxUnavailable;
  const profile = input.behavior?.profile;
  if (given(profile)) {
    const found = pdbProfile(profile, ctx.profiles);
    if (found === undefined) warn(ctx, 'PodDisruptionBudget', name, `unknown behavior.profile ${JSON.stringify(profile)}: ignored`);
    else {
      if (!given(minAvailable)) minAvailable = found.minAvailable;
      if (!given(maxUnavailable)) maxUnavailable = found.maxUnavailable;
    }
  }
  const matchLabels = sortedStringMap(input.selector);
  const spec: PodDisruptionBudget['spec'] = { selector: matchLabels === undefined ? {} : { matchLabels } };
  if (given(minAvailable)) spec.minAvailable = parseIntOrPercent(minAvailable);
  else if (given(maxUnavailable)) spec.maxUnavailable = parseIntOrPercent(maxUnavailable);
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: buildMeta(ctx, { name, namespace: resolveNamespace(input.namespace, ctx.owner), labels: input.labels, annotations: input.annotations }),
    spec,
  };
}
