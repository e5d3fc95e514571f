/**
 * ORK029: rolling update profiles (Orkestra step 33). `rollingUpdate.profile` is safe, fast,
 * blue-green or a `profiles.rollingUpdate` name, and is not mixed with maxSurge /
 * maxUnavailable. Template profiles are checked when they render.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { Check } from '../check.ts';
import { allResources, enabledCrds, isTemplateText } from '../walk.ts';
import { didYouMean } from '../../diagnostics/suggest.ts';
import { declLabel, userProfileNames } from '../resources.ts';
import { asRecord } from '../values.ts';

export const ROLLING_UPDATE_PROFILES = ['safe', 'fast', 'blue-green'] as const;

export const rollingUpdateProfiles: Check = {
  code: 'ORK029',
  title: 'rolling update profiles: known, not mixed with maxSurge/maxUnavailable',
  orkestraStep: '33 validateRollingUpdateProfiles',
  run(ctx) {
    const out: Diagnostic[] = [];
    const known = [...ROLLING_UPDATE_PROFILES, ...userProfileNames(ctx.model, 'rollingUpdate')];
    for (const crd of enabledCrds(ctx.model)) {
      for (const { block, decl } of allResources(crd)) {
        const ru = asRecord(decl.raw.rollingUpdate);
        const profile = ru?.profile;
        if (typeof profile !== 'string' || profile === '' || isTemplateText(profile)) continue;
        const at = [...decl.at, 'rollingUpdate'];
        const where = declLabel(crd, block, decl);
        if (!known.includes(profile)) {
          out.push(ctx.error([...at, 'profile'], `${where} has unknown rollingUpdate.profile \`${profile}\``,
            didYouMean(profile, known) ?? `use one of: ${ROLLING_UPDATE_PROFILES.join(', ')}, or declare it under profiles.rollingUpdate`));
          continue;
        }
        const mixed = (['maxSurge', 'maxUnavailable'] as const).find((k) => ru?.[k] !== undefined);
        if (mixed) {
          out.push(ctx.errorAtKey([...at, mixed], `${where} declares both rollingUpdate.profile (\`${profile}\`) and explicit ${mixed}`,
            'use one or the other: remove maxSurge/maxUnavailable, or remove `profile:`'));
        }
      }
    }
    return out;
  },
};
