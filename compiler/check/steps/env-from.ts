/**
 * ORK032: envFrom (Orkestra step 43). `suffix` is an Orkestra extension that works by
 * expanding the listed `keys` into single env entries, so `suffix` without `keys` has nothing
 * to apply to.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { Check } from '../check.ts';
import { allResources, enabledCrds } from '../walk.ts';
import { declLabel } from '../resources.ts';
import { asList, asRecord, nonEmptyList } from '../values.ts';

export const envFrom: Check = {
  code: 'ORK032',
  title: 'envFrom: suffix needs keys',
  orkestraStep: '43 validateEnvFromRefs',
  run(ctx) {
    const out: Diagnostic[] = [];
    for (const crd of enabledCrds(ctx.model)) {
      for (const { block, decl } of allResources(crd)) {
        const ef = asRecord(decl.raw.envFrom);
        if (!ef) continue;
        for (const side of ['secretRef', 'configMapRef'] as const) {
          asList(ef[side]).forEach((ref, i) => {
            const r = asRecord(ref);
            if (typeof r?.suffix !== 'string' || r.suffix === '' || nonEmptyList(r.keys)) return;
            out.push(ctx.errorAtKey([...decl.at, 'envFrom', side, i, 'suffix'],
              `envFrom.${side}[${i}] of ${declLabel(crd, block, decl)} has a suffix but no keys`,
              'list the `keys:` to import (the suffix is added to each), or remove `suffix:`'));
          });
        }
      }
    }
    return out;
  },
};
