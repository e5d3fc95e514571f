/**
 * ORK019: durations (Orkestra step 18, extended to every duration ork reads at startup).
 * - extended units (s, m, h, d, w, mo = 30d, y = 365d): resource `sleep`, secret
 *   `rotateAfter` and `tls.validFor`;
 * - Go durations (Orkestra decodes them as `time.Duration`): reconciler `resync`,
 *   `profiles.reconciler[].resync`, onDelete block and stage `timeout`;
 * - and, leniently (extended units, since Orkestra's parser for them was not read), the
 *   notification repeat `interval`s and conditions' cron-window `duration`, which ork's
 *   runtime reads too.
 * Template values are checked when they render.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { DocPath } from '../../load/yaml-document.ts';
import type { Check, CheckContext } from '../check.ts';
import { allBlocks, allResources, enabledCrds, isTemplateText } from '../walk.ts';
import { EXTENDED_DURATION_UNITS, GO_DURATION_UNITS, parseExtendedDuration, parseGoDuration, type DurationResult } from '../../../runtime-kit/duration.ts';
import { declLabel } from '../resources.ts';
import { conditionListsIn } from '../data-walk.ts';
import { asList, asRecord } from '../values.ts';

export const durations: Check = {
  code: 'ORK019',
  title: 'durations parse (sleep, rotateAfter, validFor, resync, timeout)',
  orkestraStep: '18 validateTimeDuration',
  run(ctx) {
    const out: Diagnostic[] = [];
    const extended = (v: unknown, at: DocPath, what: string): void => {
      if (typeof v !== 'string' || isTemplateText(v)) return;
      const r = parseExtendedDuration(v);
      if (!r.ok) out.push(bad(ctx, at, what, v, r, `write a number and a unit (${EXTENDED_DURATION_UNITS}), e.g. 30s, 12h, 90d, 1y`));
    };
    const go = (v: unknown, at: DocPath, what: string): void => {
      if (typeof v !== 'string' || isTemplateText(v)) return;
      const r = parseGoDuration(v);
      if (!r.ok) out.push(bad(ctx, at, what, v, r, `write a Go duration (${GO_DURATION_UNITS}), e.g. 30s, 5m, 1h30m; days are not allowed here (use 24h)`));
    };
    for (const crd of enabledCrds(ctx.model)) {
      for (const { block, decl } of allResources(crd)) {
        const where = declLabel(crd, block, decl);
        extended(decl.raw.sleep, [...decl.at, 'sleep'], `sleep of ${where}`);
        if (decl.listKey !== 'secrets') continue;
        extended(decl.raw.rotateAfter, [...decl.at, 'rotateAfter'], `rotateAfter of ${where}`);
        extended(asRecord(decl.raw.tls)?.validFor, [...decl.at, 'tls', 'validFor'], `tls.validFor of ${where}`);
      }
      const r = crd.box.reconciler;
      if (r) go(r.raw.resync, [...r.at, 'resync'], `resync of CRD \`${crd.name}\``);
      for (const block of allBlocks(crd)) go(block.raw.timeout, [...block.at, 'timeout'], `${block.phase} timeout of CRD \`${crd.name}\``);
      for (const list of conditionListsIn(crd.raw, crd.at)) {
        list.conditions.forEach((c, i) => extended(asRecord(c)?.duration, [...list.at, i, 'duration'], `cron window of a condition in CRD \`${crd.name}\``));
      }
    }
    const notification = asRecord(ctx.model.raw.notification);
    extended(asRecord(notification?.defaults)?.interval, ['notification', 'defaults', 'interval'], 'notification.defaults.interval');
    for (const [team, t] of Object.entries(asRecord(notification?.teams) ?? {})) {
      extended(asRecord(t)?.interval, ['notification', 'teams', team, 'interval'], `interval of notification team \`${team}\``);
    }
    asList(asRecord(ctx.model.raw.profiles)?.reconciler).forEach((p, i) =>
      go(asRecord(p)?.resync, ['profiles', 'reconciler', i, 'resync'], `resync of reconciler profile \`${String(asRecord(p)?.name ?? i)}\``));
    return out;
  },
};

function bad(ctx: CheckContext, at: DocPath, what: string, value: string, r: DurationResult, hint: string): Diagnostic {
  const reason = r.ok ? '' : `: ${r.reason}`;
  return ctx.error(at, `invalid duration \`${value}\` in ${what}${reason}`, hint);
}
