/**
 * ORK030: container port protocols (Orkestra step 38). A workload's `protocol` (the primary
 * container port) is TCP, UDP or SCTP; omitted means TCP. Services are ORK023's. Templates
 * are checked when they render.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { Check } from '../check.ts';
import { allResources, enabledCrds, isTemplateText } from '../walk.ts';
import { didYouMean } from '../../diagnostics/suggest.ts';
import { declLabel } from '../resources.ts';
import { PROTOCOLS } from './services.ts';

export const portProtocols: Check = {
  code: 'ORK030',
  title: 'container port protocols',
  orkestraStep: '38 validatePortProtocols',
  run(ctx) {
    const out: Diagnostic[] = [];
    for (const crd of enabledCrds(ctx.model)) {
      for (const { block, decl } of allResources(crd)) {
        if (decl.listKey === 'services' || decl.listKey === 'custom') continue;
        const p = decl.raw.protocol;
        if (typeof p !== 'string' || p === '' || isTemplateText(p) || (PROTOCOLS as readonly string[]).includes(p)) continue;
        out.push(ctx.error([...decl.at, 'protocol'], `invalid port protocol \`${p}\` in ${declLabel(crd, block, decl)}`,
          didYouMean(p, PROTOCOLS) ?? `use one of: ${PROTOCOLS.join(', ')} (or omit it for TCP)`));
      }
    }
    return out;
  },
};
