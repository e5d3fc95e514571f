/** `services:` entries (Orkestra `types_service.go` `ServiceTemplateSource`). */
import { type Static } from '@sinclair/typebox';
import { Obj, Opt, Str, GoString, Bool, StringMap } from '../scalars.ts';
import { entryKeys, namespaceKey, labelsKey } from '../resource-common.ts';
import { Def } from '../definitions.ts';

export const ServiceSchema = Def('Service', Obj('A Service managed by this CR.', {
  ...entryKeys('Service', '{{ .metadata.name }}-svc'),
  ...namespaceKey('Service'),
  ...labelsKey('Service'),
  type: Opt(Str('ClusterIP (default), NodePort or LoadBalancer.')),
  headless: Opt(Bool('true = clusterIP: None (for StatefulSets, per-pod DNS).')),
  protocol: Opt(Str('TCP (default), UDP or SCTP.')),
  port: Opt(GoString('Service port: 80, "80" or "{{ .spec.port }}".')),
  targetPort: Opt(GoString('Container port traffic is routed to.')),
  selector: Opt(StringMap('Pod selector; values may be templates. Default: the owner label.')),
}));
export type RawService = Static<typeof ServiceSchema>;
