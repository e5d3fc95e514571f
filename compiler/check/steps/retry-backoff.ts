/**
 * ORK033: retry backoff (Orkestra step 50). `queue.retryBackoff` (of a reconciler or a
 * reconciler profile) is a Go duration shorthand (`"5s"`, the initial delay) or
 * `{initial, max, multiplier, maxAttempts}` whose durations parse, with initial ≤ max,
 * multiplier ≥ 1 (smaller would shrink the delays) and maxAttempts ≥ 0.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { DocPath } from '../../load/yaml-document.ts';
import type { Check, CheckContext } from '../check.ts';
import { enabledCrds } from '../walk.ts';
import { GO_DURATION_UNITS, parseGoDuration } from '../../../runtime-kit/duration.ts';
import { asList, asRecord } from '../values.ts';

export const retryBackoff: Check = {
  code: 'ORK033',
  title: 'retryBackoff: durations, initial ≤ max, multiplier, maxAttempts',
  orkestraStep: '50 validateRetryBackoff',
  run(ctx) {
    const out: Diagnostic[] = [];
    for (const crd of enabledCrds(ctx.model)) {
      const r = crd.box.reconciler;
      if (r) out.push(...checkBackoff(ctx, asRecord(r.raw.queue)?.retryBackoff, [...r.at, 'queue', 'retryBackoff'], `CRD \`${crd.name}\``));
    }
    asList(asRecord(ctx.model.raw.profiles)?.reconciler).forEach((p, i) => {
      out.push(...checkBackoff(ctx, asRecord(asRecord(p)?.queue)?.retryBackoff, ['profiles', 'reconciler', i, 'queue', 'retryBackoff'], `reconciler profile \`${String(asRecord(p)?.name ?? i)}\``));
    });
    return out;
  },
};

function checkBackoff(ctx: CheckContext, rb: unknown, at: DocPath, where: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const duration = (v: unknown, path: DocPath, what: string): bigint | undefined => {
    if (typeof v !== 'string') return undefined;
    const r = parseGoDuration(v);
    if (r.ok) return r.nanos;
    out.push(ctx.error(path, `queue.retryBackoff${what} \`${v}\` of ${where} is not a Go duration: ${r.reason}`, `write a duration with a unit (${GO_DURATION_UNITS}), e.g. 5s or 1m`));
    return undefined;
  };
  if (typeof rb === 'string') {
    duration(rb, at, '');
    return out;
  }
  const o = asRecord(rb);
  if (!o) return out;
  const initial = duration(o.initial, [...at, 'initial'], '.initial');
  const max = duration(o.max, [...at, 'max'], '.max');
  if (initial !== undefined && max !== undefined && max < initial) {
    out.push(ctx.error([...at, 'max'], `queue.retryBackoff.max (${String(o.max)}) of ${where} is smaller than initial (${String(o.initial)})`, 'make max at least as large as initial'));
  }
  if (typeof o.multiplier === 'number' && o.multiplier < 1) {
    out.push(ctx.error([...at, 'multiplier'], `queue.retryBackoff.multiplier of ${where} is ${o.multiplier}; it must be at least 1`, 'use 1 for a constant delay or e.g. 2 to double it; omit it for the default'));
  }
  if (typeof o.maxAttempts === 'number' && o.maxAttempts < 0) {
    out.push(ctx.error([...at, 'maxAttempts'], `queue.retryBackoff.maxAttempts of ${where} is ${o.maxAttempts}; it must be 0 or more`, 'use 0 for no limit'));
  }
  return out;
}
