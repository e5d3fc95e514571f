/**
 * `services[i]` → v1 Service (Orkestra `services.Resolve` + `buildService`). Defaults: name
 * `<cr>-svc`; type ClusterIP (NodePort and LoadBalancer kept, anything else ClusterIP);
 * `headless: true` → clusterIP None; one port `{port, targetPort (default port), protocol (TCP)}`;
 * selector = declared selector + `orkestra-owner: <cr>`. `port` is required (> 0).
 */
import { requireFields } from '../errors.ts';
import type { ServiceInput } from '../inputs/kinds.ts';
import type { Service } from '../k8s/core.ts';
import { ownerSelector } from '../labels.ts';
import { mergeStringMaps } from '../maps.ts';
import { buildMeta, defaultName } from '../meta.ts';
import { resolveNamespace } from '../owner.ts';
import { parsePort, parseProtocol } from '../parse.ts';
import type { BuildContext } from '../types.ts';

/** Default name suffix: `<cr>-svc`. */
export const SERVICE_NAME_SUFFIX = '-svc';

/** The Service's name: declared, else `<cr>-svc`. */
export function serviceName(input: ServiceInput, ctx: BuildContext): string {
  return defaultName(input.name, ctx, SERVICE_NAME_SUFFIX);
}

/** Builds the Service. Throws ChildSpecError without a usable port. */
export function buildService(input: ServiceInput, ctx: BuildContext): Service {
  const name = serviceName(input, ctx);
  const port = parsePort(input.port);
  requireFields('Service', name, { port: port > 0 });
  const targetPort = parsePort(input.targetPort);
  const spec = { type: input.type === 'NodePort' || input.type === 'LoadBalancer' ? input.type : 'ClusterIP' } as Service['spec'];
  if (input.headless === true) spec.clusterIP = 'None';
  spec.selector = mergeStringMaps(input.selector, ownerSelector(ctx.owner));
  spec.ports = [{ port, targetPort: targetPort === 0 ? port : targetPort, protocol: parseProtocol(input.protocol) }];
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: buildMeta(ctx, { name, namespace: resolveNamespace(input.namespace, ctx.owner), labels: input.labels, annotations: input.annotations }),
    spec,
  };
}
