/**
 * ORK011: `lifecycle` (Orkestra step 2): maturity is one of alpha/beta/stable/deprecated
 * (alpha and beta warn), compatibility entries are semver ranges, a deprecation has a
 * message and a YYYY-MM-DD timeline with from < to, `accept` only on a Komposer.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { Check } from '../check.ts';
import { didYouMean } from '../../diagnostics/suggest.ts';
import { isSemverRange } from './semver-range.ts';

export const MATURITIES = ['alpha', 'beta', 'stable', 'deprecated'] as const;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export const lifecycle: Check = {
  code: 'ORK011',
  title: 'lifecycle: maturity, deprecation, compatibility',
  orkestraStep: '2 validateLifecycle',
  run(ctx) {
    const l = ctx.model.raw.lifecycle;
    if (!l) return [];
    const out: Diagnostic[] = [];
    const at = ['lifecycle'];
    if (l.maturity !== undefined) {
      if (!(MATURITIES as readonly string[]).includes(l.maturity)) {
        out.push(ctx.error([...at, 'maturity'], `lifecycle.maturity \`${l.maturity}\` is not valid`, didYouMean(l.maturity, MATURITIES) ?? `use one of: ${MATURITIES.join(', ')}`));
      } else if (l.maturity === 'alpha' || l.maturity === 'beta') {
        out.push(ctx.warning([...at, 'maturity'], `this Katalog is marked ${l.maturity}`, 'promote it to stable once it has run in production'));
      }
    }
    for (const key of ['kubernetes', 'orkestra'] as const) {
      const r = l.compatibility?.[key];
      if (r !== undefined && !isSemverRange(r)) {
        out.push(ctx.error([...at, 'compatibility', key], `lifecycle.compatibility.${key} \`${r}\` is not a semver range`, 'write a range such as `>=1.30 <1.37` or `^0.7`'));
      }
    }
    const dep = l.deprecation;
    if (dep) {
      if (!dep.message) out.push(ctx.errorAtKey([...at, 'deprecation'], 'lifecycle.deprecation: message is required when deprecation is declared', 'add `message:` saying what to use instead'));
      const from = dep.timeline?.from;
      const to = dep.timeline?.to;
      for (const [k, v] of [['from', from], ['to', to]] as const) {
        if (v !== undefined && !DATE.test(v)) out.push(ctx.error([...at, 'deprecation', 'timeline', k], `timeline.${k} \`${v}\` is not a YYYY-MM-DD date`, 'write the date as YYYY-MM-DD'));
      }
      if (from && to && DATE.test(from) && DATE.test(to) && from >= to) {
        out.push(ctx.error([...at, 'deprecation', 'timeline', 'to'], `timeline.to (${to}) must be after timeline.from (${from})`, 'swap or correct the dates'));
      }
    }
    if (l.accept) out.push(ctx.errorAtKey([...at, 'accept'], 'lifecycle.accept is only valid on a Komposer', 'remove `accept:` (this is a Katalog)'));
    return out;
  },
};
