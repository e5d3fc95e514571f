/** `deployments:` entries (Orkestra `types_deployment.go` `DeploymentTemplateSource`). */
import { type Static } from '@sinclair/typebox';
import { Obj, Opt, Str, GoString } from '../scalars.ts';
import { entryKeys, namespaceKey, labelsKey } from '../resource-common.ts';
import { Def, Ref } from '../definitions.ts';
import { podKeys, envKeys, RollingUpdateSchema, WorkloadAutoscaleSchema } from '../workload.ts';

export const DeploymentSchema = Def('Deployment', Obj('A Deployment managed by this CR (flat Orkestra shape; one primary container named after the Deployment).', {
  ...entryKeys('Deployment', '{{ .metadata.name }}-deployment'),
  ...namespaceKey('Deployment'),
  ...labelsKey('Deployment and its pod template'),
  ...podKeys(),
  ...envKeys(),
  replicas: Opt(GoString('Replica count: 3, "3" or "{{ .spec.replicas }}". Default 1.')),
  workingDirectory: Opt(Str('Working directory of the container.')),
  rollingUpdate: Opt(Ref(RollingUpdateSchema)),
  autoscale: Opt(Ref(WorkloadAutoscaleSchema)),
}));
export type RawDeployment = Static<typeof DeploymentSchema>;
