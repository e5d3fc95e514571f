/**
 * ORK017: probe profiles (Orkestra step 15). A probe's `profile` is fast, standard, patient,
 * slow-start or a `profiles.probes` name, and a profile sets the whole timing, so it is not
 * mixed with initialDelaySeconds, periodSeconds, failureThreshold, successThreshold or
 * timeoutSeconds. Template profiles are checked when they render.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { Check } from '../check.ts';
import { allResources, enabledCrds, isTemplateText } from '../walk.ts';
import { didYouMean } from '../../diagnostics/suggest.ts';
import { declLabel, userProfileNames } from '../resources.ts';
import { asRecord } from '../values.ts';

/** Orkestra's built-in probe timing presets. */
export const PROBE_PROFILES = ['fast', 'standard', 'patient', 'slow-start'] as const;

/** Explicit timing fields a profile replaces. */
const TIMING_FIELDS = ['initialDelaySeconds', 'periodSeconds', 'failureThreshold', 'successThreshold', 'timeoutSeconds'] as const;

export const probeProfiles: Check = {
  code: 'ORK017',
  title: 'probe profiles: known, not mixed with explicit timing',
  orkestraStep: '15 validateProbeProfiles',
  run(ctx) {
    const out: Diagnostic[] = [];
    const known = [...PROBE_PROFILES, ...userProfileNames(ctx.model, 'probes')];
    for (const crd of enabledCrds(ctx.model)) {
      for (const { block, decl } of allResources(crd)) {
        const probes = asRecord(decl.raw.probes);
        if (!probes) continue;
        for (const kind of ['startup', 'liveness', 'readiness'] as const) {
          const probe = asRecord(probes[kind]);
          const profile = probe?.profile;
          if (typeof profile !== 'string' || profile === '' || isTemplateText(profile)) continue;
          const at = [...decl.at, 'probes', kind];
          const where = `${kind} probe of ${declLabel(crd, block, decl)}`;
          if (!known.includes(profile)) {
            out.push(ctx.error([...at, 'profile'], `${where} has unknown probe profile \`${profile}\``,
              didYouMean(profile, known) ?? `use one of: ${PROBE_PROFILES.join(', ')}, or declare it under profiles.probes`));
            continue;
          }
          const mixed = TIMING_FIELDS.find((f) => probe?.[f] !== undefined);
          if (mixed) {
            out.push(ctx.errorAtKey([...at, mixed], `${where} declares both a profile (\`${profile}\`) and explicit timing (\`${mixed}\`)`,
              'use one or the other: remove the timing fields, or remove `profile:`'));
          }
        }
      }
    }
    return out;
  },
};
