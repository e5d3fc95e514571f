/**
 * ORK023: services (Orkestra step 22). A Service `type` is ClusterIP, NodePort or
 * LoadBalancer (or omitted), its `protocol` TCP, UDP or SCTP (or omitted). Templates are
 * checked when they render.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { Check } from '../check.ts';
import { allResources, enabledCrds, isTemplateText } from '../walk.ts';
import { didYouMean } from '../../diagnostics/suggest.ts';
import { declLabel } from '../resources.ts';

export const SERVICE_TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer'] as const;
export const PROTOCOLS = ['TCP', 'UDP', 'SCTP'] as const;

export const services: Check = {
  code: 'ORK023',
  title: 'Service type and protocol',
  orkestraStep: '22 validateService',
  run(ctx) {
    const out: Diagnostic[] = [];
    for (const crd of enabledCrds(ctx.model)) {
      for (const { block, decl } of allResources(crd)) {
        if (decl.listKey !== 'services') continue;
        const where = declLabel(crd, block, decl);
        const { type, protocol } = decl.raw;
        if (typeof type === 'string' && type !== '' && !isTemplateText(type) && !(SERVICE_TYPES as readonly string[]).includes(type)) {
          out.push(ctx.error([...decl.at, 'type'], `invalid Service type \`${type}\` in ${where}`, didYouMean(type, SERVICE_TYPES) ?? `use one of: ${SERVICE_TYPES.join(', ')} (default ClusterIP)`));
        }
        if (typeof protocol === 'string' && protocol !== '' && !isTemplateText(protocol) && !(PROTOCOLS as readonly string[]).includes(protocol)) {
          out.push(ctx.error([...decl.at, 'protocol'], `invalid protocol \`${protocol}\` in ${where}`, didYouMean(protocol, PROTOCOLS) ?? `use one of: ${PROTOCOLS.join(', ')} (default TCP)`));
        }
      }
    }
    return out;
  },
};
