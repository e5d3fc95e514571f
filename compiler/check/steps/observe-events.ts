/**
 * ORK037: `observe.events` (Orkestra step 54). Each named entry can be read in templates as
 * `.events.<name>` (so its name is an identifier), declares at least one matching or routing
 * field (otherwise it would match every Event in the cluster), uses `on:` values create,
 * update, delete, and a `keyFrom` names a label or a name, not both. Orkestra marks Event
 * observation experimental; so does ork (a warning).
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { Check } from '../check.ts';
import { enabledCrds } from '../walk.ts';
import { didYouMean } from '../../diagnostics/suggest.ts';
import { asList, asRecord } from '../values.ts';
import { warningAtKey } from '../info-note.ts';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const MATCHERS = ['reason', 'action', 'type', 'reportingController', 'reportingInstance', 'regarding', 'related', 'namespace', 'keyFrom'] as const;
export const OBSERVE_EVENT_TYPES = ['create', 'update', 'delete'] as const;

export const observeEvents: Check = {
  code: 'ORK037',
  title: 'observe.events entries (experimental)',
  orkestraStep: '54 validateEventEntries',
  run(ctx) {
    const out: Diagnostic[] = [];
    for (const crd of enabledCrds(ctx.model)) {
      const events = asRecord(asRecord(crd.box.raw.observe)?.events);
      if (!events || Object.keys(events).length === 0) continue;
      const at = [...crd.box.at, 'observe', 'events'];
      out.push(warningAtKey(ctx, at, `CRD \`${crd.name}\` observes Kubernetes Events, which Orkestra marks experimental`, 'expect changes in a later release; watch the operator\'s logs for missed or duplicate Events'));
      for (const [name, raw] of Object.entries(events)) {
        const e = asRecord(raw) ?? {};
        const eAt = [...at, name];
        const where = `observe.events.${name} of CRD \`${crd.name}\``;
        if (!IDENTIFIER.test(name)) out.push(ctx.errorAtKey(eAt, `event name \`${name}\` in CRD \`${crd.name}\` cannot be read as .events.${name}`, 'use a letter or _ followed by letters, digits or _'));
        if (!MATCHERS.some((k) => e[k] !== undefined && e[k] !== '')) {
          out.push(ctx.errorAtKey(eAt, `${where} declares no matching or routing field`, `add at least one of: ${MATCHERS.join(', ')}, so it does not match every Event`));
        }
        asList(e.on).forEach((v, i) => {
          if (typeof v === 'string' && !(OBSERVE_EVENT_TYPES as readonly string[]).includes(v)) {
            out.push(ctx.error([...eAt, 'on', i], `${where}: unknown on: value \`${v}\``, didYouMean(v, OBSERVE_EVENT_TYPES) ?? `use ${OBSERVE_EVENT_TYPES.join(', ')}`));
          }
        });
        const kf = asRecord(e.keyFrom);
        if (kf) {
          const hasLabel = typeof kf.label === 'string' && kf.label !== '';
          const hasName = typeof kf.name === 'string' && kf.name !== '';
          if (hasLabel === hasName) {
            out.push(ctx.errorAtKey([...eAt, 'keyFrom'], `${where}: keyFrom must name exactly one of label or name`, 'use `label:` (the Event label holding "ns/name") or `name:` (always this CR)'));
          }
        }
      }
    }
    return out;
  },
};
