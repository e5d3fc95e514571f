/**
 * ORK035: `cross:` declarations (Orkestra step 52). Each entry reads either one CRD by name
 * (`crd`) or the CRD whose entry `labelSelector` matches (`labelSelector`), never both and
 * never neither; `crd` names another enabled CRD of this Katalog; a label-based entry needs
 * `as`; `as` is a DNS label, unique across the Katalog (Orkestra's rule), and the
 * names under `.cross` of one CRD are distinct; a `selector` uses name/namespace or
 * matchLabels, and a namespace only with a name.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { Check } from '../check.ts';
import { enabledCrds } from '../walk.ts';
import { didYouMean } from '../../diagnostics/suggest.ts';
import { asList, asRecord, goString } from '../values.ts';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export const crossDeclarations: Check = {
  code: 'ORK035',
  title: 'cross: crd xor labelSelector, known CRD, unique as',
  orkestraStep: '52 validateCrossDecl',
  run(ctx) {
    const out: Diagnostic[] = [];
    const enabled = enabledCrds(ctx.model);
    const names = enabled.map((c) => c.name);
    const all = new Set(ctx.model.crds.map((c) => c.name));
    const aliases = new Map<string, string>();
    for (const crd of enabled) {
      const local = new Set<string>();
      asList(crd.box.raw.cross).forEach((entry, i) => {
        const e = asRecord(entry);
        if (!e) return;
        const at = [...crd.box.at, 'cross', i];
        const where = `cross[${i}] of CRD \`${crd.name}\``;
        const target = typeof e.crd === 'string' && e.crd !== '' ? e.crd : undefined;
        const selector = asRecord(e.labelSelector);
        const bySelector = selector !== undefined && Object.keys(selector).length > 0;
        if (target === undefined && !bySelector) {
          out.push(ctx.error(at, `${where} names no CRD to read`, 'add `crd: <name of a CRD in this Katalog>` or `labelSelector: {...}`'));
          return;
        }
        if (target !== undefined && bySelector) {
          out.push(ctx.errorAtKey([...at, 'labelSelector'], `${where} declares both crd and labelSelector`, 'keep one: `crd:` (by name) or `labelSelector:` (by the target entry\'s labelSelector)'));
        }
        if (target === crd.name) {
          out.push(ctx.error([...at, 'crd'], `${where} reads its own CRD`, 'a CRD cannot cross-read itself: name another CRD of the Katalog'));
        } else if (target !== undefined && !names.includes(target)) {
          const why = all.has(target) ? 'is disabled (`enabled: false`)' : 'is not a CRD of this Katalog';
          out.push(ctx.error([...at, 'crd'], `${where} reads \`${target}\`, which ${why}`, didYouMean(target, names) ?? `use one of: ${names.filter((n) => n !== crd.name).join(', ')}`));
        }
        if (bySelector && target === undefined) {
          const matches = enabled.some((c) => c.name !== crd.name && Object.entries(selector ?? {}).every(([k, v]) => goString(asRecord(c.raw.labelSelector)?.[k]) === goString(v)));
          if (!matches) out.push(ctx.error([...at, 'labelSelector'], `${where}: no other CRD of the Katalog has a labelSelector matching it`, 'make it match the labelSelector of the CRD entry to read, or use `crd:`'));
        }
        const as = typeof e.as === 'string' && e.as !== '' ? e.as : undefined;
        if (bySelector && as === undefined) out.push(ctx.error(at, `${where} reads by labelSelector but has no \`as\``, 'add `as: <name>`: templates read it as .cross.<name>'));
        if (as !== undefined) {
          if (!DNS_LABEL.test(as) || as.length > 63) {
            out.push(ctx.error([...at, 'as'], `${where}: \`as\` value \`${as}\` is not a valid name`, 'use lowercase letters, digits and `-` (at most 63), e.g. database'));
          } else if (aliases.has(as)) {
            out.push(ctx.error([...at, 'as'], `${where}: alias \`${as}\` is already used by CRD \`${aliases.get(as) ?? ''}\``, '`as` values must be unique across the Katalog: choose another'));
          }
          aliases.set(as, crd.name);
        }
        const key = as ?? target;
        if (key !== undefined) {
          if (local.has(key)) out.push(ctx.error(at, `${where} is the second read named \`.cross.${key}\` in CRD \`${crd.name}\``, 'give it its own `as:`'));
          local.add(key);
        }
        const sel = asRecord(e.selector);
        if (sel) {
          const byName = sel.name !== undefined || sel.namespace !== undefined;
          if (byName && sel.matchLabels !== undefined) out.push(ctx.errorAtKey([...at, 'selector', 'matchLabels'], `${where}: selector uses both name/namespace and matchLabels`, 'select by name (and namespace) or by matchLabels, not both'));
          if (sel.namespace !== undefined && sel.name === undefined) out.push(ctx.errorAtKey([...at, 'selector', 'namespace'], `${where}: selector has a namespace but no name`, 'add `name:` (namespace alone selects nothing), or use matchLabels'));
        }
      });
    }
    return out;
  },
};
