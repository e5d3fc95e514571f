/**
 * ORK043 (ork's own, note severity): parts of the Katalog that belong to the Gateway, the
 * Control Center or the registry (spec README §1). The schema validated their shape; the
 * compiled operator does not use them. One note per part, so nobody expects the operator
 * to enforce them. The one cross-field rule of these parts the schema cannot express is an
 * error here: `enrich` and `enrichAll` exclude each other (Orkestra step 25).
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { Check } from '../check.ts';
import { enabledCrds } from '../walk.ts';
import { noteAtKey } from '../info-note.ts';
import { IGNORED_ADMISSION_KEYS, IGNORED_CRD_KEYS, IGNORED_GATEWAY_KEYS, IGNORED_TOP_LEVEL } from '../ignored-parts.ts';
import { asRecord } from '../values.ts';

const MESSAGE = 'validated; not part of the compiled operator';

export const ignoredParts: Check = {
  code: 'ORK043',
  title: 'validated-but-ignored parts (Gateway, Control Center, registry): notes',
  orkestraStep: 'ork (spec README §1 scope); 25 validateEnrich (exclusivity)',
  run(ctx) {
    const out: Diagnostic[] = [];
    const top = asRecord(ctx.model.raw) ?? {};
    for (const { key, owner } of IGNORED_TOP_LEVEL) {
      if (top[key] !== undefined) out.push(noteAtKey(ctx, [key], `\`${key}\`: ${MESSAGE}`, `it configures ${owner}`));
    }
    const gw = asRecord(top.gateway) ?? {};
    for (const key of IGNORED_GATEWAY_KEYS) {
      if (gw[key] !== undefined) out.push(noteAtKey(ctx, ['gateway', key], `\`gateway.${key}\`: ${MESSAGE}`, 'it configures the Gateway; the operator uses only gateway.endpoint (its /notify client)'));
    }
    for (const crd of enabledCrds(ctx.model)) {
      const entry = asRecord(crd.raw) ?? {};
      if (entry.enrichAll === true && entry.enrich !== undefined) {
        out.push(ctx.errorAtKey([...crd.at, 'enrich'], `CRD \`${crd.name}\` declares both enrich and enrichAll`, 'keep one: `enrichAll: true` (every supported child type) or an `enrich:` list'));
      }
      for (const { key, owner } of IGNORED_CRD_KEYS) {
        if (entry[key] !== undefined) out.push(noteAtKey(ctx, [...crd.at, key], `\`${key}\` of CRD \`${crd.name}\`: ${MESSAGE}`, `it configures ${owner}`));
      }
      const admission = asRecord(entry.admission) ?? {};
      for (const key of IGNORED_ADMISSION_KEYS) {
        if (admission[key] !== undefined) out.push(noteAtKey(ctx, [...crd.at, 'admission', key], `\`admission.${key}\` of CRD \`${crd.name}\`: ${MESSAGE}`, 'it configures the Gateway mutating webhook'));
      }
    }
    return out;
  },
};
