/** ORK012: `policy.lifecycle.minMaturity` is alpha, beta or stable (Orkestra step 3). */
import type { Check } from '../check.ts';
import { didYouMean } from '../../diagnostics/suggest.ts';

const ALLOWED = ['alpha', 'beta', 'stable'] as const;

export const policy: Check = {
  code: 'ORK012',
  title: 'policy: minMaturity',
  orkestraStep: '3 validatePolicy',
  run(ctx) {
    const m = ctx.model.raw.policy?.lifecycle?.minMaturity;
    if (m === undefined || (ALLOWED as readonly string[]).includes(m)) return [];
    return [ctx.error(['policy', 'lifecycle', 'minMaturity'], `policy.lifecycle.minMaturity \`${m}\` is not valid`, didYouMean(m, ALLOWED) ?? `use one of: ${ALLOWED.join(', ')}`)];
  },
};
