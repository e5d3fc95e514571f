/**
 * ORK026: security profiles (Orkestra step 27). `securityContext.profile` and
 * `podSecurity.profile` are baseline, restricted, hardened or a user profile
 * (`profiles.containerSecurity` / `profiles.podSecurity`); a profile expands into the whole
 * context, so it is not mixed with explicit fields of the same block. Template profiles are
 * checked when they render.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { Check } from '../check.ts';
import { allResources, enabledCrds, isTemplateText } from '../walk.ts';
import { didYouMean } from '../../diagnostics/suggest.ts';
import { declLabel, userProfileNames } from '../resources.ts';
import { asRecord } from '../values.ts';

export const SECURITY_PROFILES = ['baseline', 'restricted', 'hardened'] as const;

export const securityProfiles: Check = {
  code: 'ORK026',
  title: 'security profiles: known, not mixed with explicit fields',
  orkestraStep: '27 validateSecurityProfiles',
  run(ctx) {
    const out: Diagnostic[] = [];
    // As in Orkestra, a user profile of either class is accepted in either block.
    const known = [...SECURITY_PROFILES, ...userProfileNames(ctx.model, 'containerSecurity'), ...userProfileNames(ctx.model, 'podSecurity')];
    for (const crd of enabledCrds(ctx.model)) {
      for (const { block, decl } of allResources(crd)) {
        for (const key of ['securityContext', 'podSecurity'] as const) {
          const ctxBlock = asRecord(decl.raw[key]);
          const profile = ctxBlock?.profile;
          if (typeof profile !== 'string' || profile === '' || isTemplateText(profile)) continue;
          const at = [...decl.at, key];
          const where = `${key} of ${declLabel(crd, block, decl)}`;
          if (!known.includes(profile)) {
            out.push(ctx.error([...at, 'profile'], `${where} has unknown security profile \`${profile}\``,
              didYouMean(profile, known) ?? `use one of: ${SECURITY_PROFILES.join(', ')}, or declare it under profiles.${key === 'securityContext' ? 'containerSecurity' : 'podSecurity'}`));
            continue;
          }
          const mixed = Object.keys(ctxBlock ?? {}).find((k) => k !== 'profile');
          if (mixed) {
            out.push(ctx.errorAtKey([...at, mixed], `${where} declares both a security profile (\`${profile}\`) and explicit \`${mixed}\``,
              'use one or the other: remove the explicit fields, or remove `profile:`'));
          }
        }
      }
    }
    return out;
  },
};
