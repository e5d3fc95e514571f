/**
 * ORK016: resource profiles (Orkestra step 14). `resources.profile` names a built-in preset
 * (tiny, small, medium, large, burst, steady, compute-heavy, memory-heavy) or a
 * `profiles.resources` entry, and is the only resource input: a profile expands into complete
 * requests and limits, so it cannot be mixed with explicit ones. Template profiles are
 * checked when they render.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { Check } from '../check.ts';
import { allResources, enabledCrds, isTemplateText } from '../walk.ts';
import { didYouMean } from '../../diagnostics/suggest.ts';
import { declLabel, userProfileNames } from '../resources.ts';
import { asRecord } from '../values.ts';

/** Orkestra's built-in resource presets. */
export const RESOURCE_PROFILES = ['tiny', 'small', 'medium', 'large', 'burst', 'steady', 'compute-heavy', 'memory-heavy'] as const;

export const resourceProfiles: Check = {
  code: 'ORK016',
  title: 'resource profiles: known, not mixed with requests/limits',
  orkestraStep: '14 validateResourceProfile',
  run(ctx) {
    const out: Diagnostic[] = [];
    const user = userProfileNames(ctx.model, 'resources');
    const known = [...RESOURCE_PROFILES, ...user];
    for (const crd of enabledCrds(ctx.model)) {
      for (const { block, decl } of allResources(crd)) {
        const res = asRecord(decl.raw.resources);
        const profile = res?.profile;
        if (typeof profile !== 'string' || profile === '' || isTemplateText(profile)) continue;
        const at = [...decl.at, 'resources'];
        const where = declLabel(crd, block, decl);
        if (!known.includes(profile)) {
          out.push(ctx.error([...at, 'profile'], `${where} has unknown resources.profile \`${profile}\``,
            didYouMean(profile, known) ?? `use one of: ${RESOURCE_PROFILES.join(', ')}, or declare it under profiles.resources`));
        } else {
          const mixed = (['requests', 'limits'] as const).find((k) => res?.[k] !== undefined);
          if (mixed) {
            out.push(ctx.errorAtKey([...at, mixed], `${where} declares both resources.profile (\`${profile}\`) and explicit ${mixed}`,
              `use one or the other: remove \`${mixed}:\`, or remove \`profile:\` and give requests and limits`));
          }
        }
      }
    }
    return out;
  },
};
