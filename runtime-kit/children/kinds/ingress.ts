/**
 * `ingresses[i]` → networking.k8s.io/v1 Ingress (Orkestra `ingresses`): one rule, one path, one
 * backend Service. Defaults: name `<cr>-ingress`; path `/`; pathType Prefix (Exact and
 * ImplementationSpecific kept); servicePort via `strconv.ParseInt`. `className` →
 * ingressClassName. TLS: with `tls.create` (or a `tls.secretName`) one entry, secret name default
 * `<cr>-tls`, hosts default `[host]`. Generating the Secret for `tls.create` is runtime I/O.
 */
import type { IngressInput } from '../inputs/kinds.ts';
import type { Ingress } from '../k8s/networking.ts';
import { buildMeta, defaultName } from '../meta.ts';
import { resolveNamespace } from '../owner.ts';
import { parsePort } from '../parse.ts';
import { given } from '../present.ts';
import type { BuildContext } from '../types.ts';

/** Default name suffix: `<cr>-ingress`. */
export const INGRESS_NAME_SUFFIX = '-ingress';

/** The Ingress's name: declared, else `<cr>-ingress`. */
export function ingressName(input: IngressInput, ctx: BuildContext): string {
  return defaultName(input.name, ctx, INGRESS_NAME_SUFFIX);
}

function pathType(s: string | undefined): 'Prefix' | 'Exact' | 'ImplementationSpecific' {
  return s === 'Exact' || s === 'ImplementationSpecific' ? s : 'Prefix';
}

/** Builds the Ingress. */
export function buildIngress(input: IngressInput, ctx: BuildContext): Ingress {
  const name = ingressName(input, ctx);
  const port = parsePort(input.servicePort);
  const rule: Ingress['spec']['rules'][number] = {} as Ingress['spec']['rules'][number];
  if (given(input.host)) rule.host = input.host;
  rule.http = {
    paths: [{
      path: given(input.path) ? input.path : '/',
      pathType: pathType(input.pathType),
      backend: { service: { name: input.serviceName ?? '', port: port > 0 ? { number: port } : {} } },
    }],
  };
  const spec = {} as Ingress['spec'];
  if (given(input.className)) spec.ingressClassName = input.className;
  spec.rules = [rule];
  const tls = input.tls;
  if (tls !== undefined && (tls.create === true || given(tls.secretName))) {
    const hosts = tls.hosts !== undefined && tls.hosts.length > 0 ? [...tls.hosts] : given(input.host) ? [input.host] : undefined;
    const entry: NonNullable<Ingress['spec']['tls']>[number] = {} as NonNullable<Ingress['spec']['tls']>[number];
    if (hosts !== undefined) entry.hosts = hosts;
    entry.secretName = given(tls.secretName) ? tls.secretName : `${ctx.owner.name}-tls`;
    spec.tls = [entry];
  }
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: buildMeta(ctx, { name, namespace: resolveNamespace(input.namespace, ctx.owner), labels: input.labels, annotations: input.annotations }),
    spec,
  };
}
