/** ORK013: no two enabled CRD entries manage the same group/version/kind (Orkestra step 4). */
import type { Check } from '../check.ts';
import { enabledCrds } from '../walk.ts';

export const gvkUniqueness: Check = {
  code: 'ORK013',
  title: 'unique group/version/kind',
  orkestraStep: '4 validateUniqueness / validateGVKUniqueness',
  run(ctx) {
    const first = new Map<string, string>();
    const out = [];
    for (const crd of enabledCrds(ctx.model)) {
      if (!crd.api) continue;
      const gvk = `${crd.api.group}/${crd.api.version}, Kind=${crd.api.kind}`;
      const other = first.get(gvk);
      if (other === undefined) first.set(gvk, crd.name);
      else out.push(ctx.errorAtKey(crd.at, `duplicate GVK ${gvk}: CRDs \`${other}\` and \`${crd.name}\` both declare it`, 'each CRD entry must manage its own kind; remove one, or set `enabled: false` on it'));
    }
    return out;
  },
};
