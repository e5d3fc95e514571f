/**
 * ORK018: namespace protection (Orkestra step 17). A namespaced CRD names the namespaces it
 * serves either as an allow list or as a deny list, never both.
 */
import type { Check } from '../check.ts';
import { enabledCrds } from '../walk.ts';
import { nonEmptyList } from '../values.ts';

export const namespaceProtection: Check = {
  code: 'ORK018',
  title: 'allowedNamespaces xor restrictedNamespaces',
  orkestraStep: '17 validateNamespaceProtection',
  run(ctx) {
    return enabledCrds(ctx.model)
      .filter((crd) => (crd.api?.namespaced ?? crd.raw.namespaced !== false)
        && nonEmptyList(crd.raw.allowedNamespaces) && nonEmptyList(crd.raw.restrictedNamespaces))
      .map((crd) => ctx.errorAtKey([...crd.at, 'restrictedNamespaces'],
        `CRD \`${crd.name}\` defines both allowedNamespaces and restrictedNamespaces`,
        'choose one: allowedNamespaces (only these) or restrictedNamespaces (all but these)'));
  },
};
