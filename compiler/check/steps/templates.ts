/**
 * ORK050: every template in the Katalog compiles — parses, calls only functions ork
 * implements (and the Katalog's notes), reads only paths the CRD schema has (did-you-mean),
 * and renders what its field needs. The template compiler's own codes (ORK1nn) say what is
 * wrong; see docs/templates.md.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { Check } from '../check.ts';
import { templateSites } from '../../model/template-sites.ts';
import { compileTemplate, type DataSchema } from '../../template/index.ts';
import { servedSchema } from '../../emit/types/cr-types.ts';

export const templates: Check = {
  code: 'ORK050',
  title: 'templates parse and type-check against the CRD schema',
  orkestraStep: 'ork (Orkestra only parse-checks templates; ork also type-checks them)',
  run(ctx) {
    const notes = new Map(ctx.model.notes.map((n, i) => [n.name, `note${i}`] as const));
    const out: Diagnostic[] = [];
    for (const site of templateSites(ctx.model, ctx.doc)) {
      const schema = site.crd ? (servedSchema(site.crd) as DataSchema | undefined) : undefined;
      const r = compileTemplate({
        source: site.source,
        origin: site.origin,
        ...(schema ? { schema } : {}),
        contexts: site.contexts,
        notes,
        ...(site.expect ? { expect: site.expect } : {}),
        ...(site.isNote ? { asNote: true } : {}),
      });
      if (!r.ok) out.push(...r.diagnostics.map((d) => (d.hint ? d : { ...d, hint: 'see docs/templates.md for the template syntax and functions ork supports' })));
    }
    return out;
  },
};
