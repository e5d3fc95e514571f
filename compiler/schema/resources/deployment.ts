/** `deployments:` entries (Orkestra `types_deployment.go` `DeploymentTemplateSource`). */
import { type Static } from '@sinclair/typebox';
import { Obj } from '../scalars.ts';
import { entryKeys, namespaceKey, labelsKey, annotationsKey } from '../resource-common.ts';
import { Def } from '../definitions.ts';
import { replicatedWorkloadKeys } from '../workload.ts';

export const DeploymentSchema = Def('Deployment', Obj('A Deployment managed by this CR (flat Orkestra shape; one primary container named after the Deployment).', {
  ...entryKeys('Deployment', '{{ .metadata.name }}-deployment'),
  ...namespaceKey('Deployment'),
  ...labelsKey('Deployment and its pod template'),
  ...annotationsKey('Deployment'),
  ...replicatedWorkloadKeys('Deployment'),
}));
export type RawDeployment = Static<typeof DeploymentSchema>;
