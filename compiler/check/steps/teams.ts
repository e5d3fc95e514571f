/**
 * ORK021: notification teams (Orkestra step 20, fixed). Every team a condition's `notify.teams`
 * names is declared under `notification.teams`. Orkestra's step compares CRD names with team
 * names instead (reference §6.4); ork compares what it means to (spec README §4, fix 5).
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { Check } from '../check.ts';
import { enabledCrds } from '../walk.ts';
import { conditionListsIn } from '../data-walk.ts';
import { didYouMean } from '../../diagnostics/suggest.ts';
import { asList, asRecord } from '../values.ts';

export const teams: Check = {
  code: 'ORK021',
  title: 'notify teams are declared in notification.teams',
  orkestraStep: '20 validateTeams (fixed: team names, not CRD names)',
  run(ctx) {
    const out: Diagnostic[] = [];
    const declared = Object.keys(asRecord(asRecord(ctx.model.raw.notification)?.teams) ?? {});
    for (const crd of enabledCrds(ctx.model)) {
      for (const list of conditionListsIn(crd.raw, crd.at)) {
        list.conditions.forEach((c, i) => {
          asList(asRecord(asRecord(c)?.notify)?.teams).forEach((team, j) => {
            if (typeof team !== 'string' || declared.includes(team)) return;
            const at = [...list.at, i, 'notify', 'teams', j];
            out.push(declared.length === 0
              ? ctx.error(at, `CRD \`${crd.name}\` notifies team \`${team}\`, but the Katalog declares no notification teams`, `declare it: notification: {teams: {${team}: {email: [...]}}}`)
              : ctx.error(at, `CRD \`${crd.name}\` notifies team \`${team}\`, which is not declared in notification.teams`, didYouMean(team, declared) ?? `use one of: ${declared.join(', ')}, or declare it under notification.teams`));
          });
        });
      }
    }
    return out;
  },
};
