/** `ingresses:` entries (Orkestra `types_ingress.go` `IngressTemplateSource`). */
import { type Static } from '@sinclair/typebox';
import { Obj, Opt, Str, GoString, Bool, StrList } from '../scalars.ts';
import { entryKeys, namespaceKey, labelsKey, annotationsKey } from '../resource-common.ts';
import { Def } from '../definitions.ts';

export const IngressSchema = Def('Ingress', Obj('An Ingress with one rule to one backend Service.', {
  ...entryKeys('Ingress', '{{ .metadata.name }}-ingress'),
  ...namespaceKey('Ingress'),
  ...labelsKey('Ingress'),
  ...annotationsKey('Ingress'),
  host: Opt(Str('Virtual host (template).')),
  serviceName: Opt(Str('Backend Service name (template).')),
  servicePort: Opt(GoString('Backend Service port (template).')),
  path: Opt(Str('HTTP path, default /.')),
  pathType: Opt(Str('Prefix (default), Exact or ImplementationSpecific.')),
  className: Opt(Str('Ingress class, e.g. nginx.')),
  tls: Opt(Obj('TLS of the Ingress; create: true generates a self-signed Secret first.', {
    create: Opt(Bool('Generate the TLS Secret.')),
    secretName: Opt(Str('TLS Secret name (template), default "{{ .metadata.name }}-tls".')),
    hosts: Opt(StrList('Certificate hostnames (templates).')),
    validFor: Opt(Str('Certificate validity, default 1y.')),
  })),
}));
export type RawIngress = Static<typeof IngressSchema>;
