/** `jobs:` entries (Orkestra `types_job.go` `JobTemplateSource`): run-to-completion tasks. */
import { type Static } from '@sinclair/typebox';
import { Obj, Opt, Int } from '../scalars.ts';
import { entryKeys, namespaceKey, labelsKey } from '../resource-common.ts';
import { Def } from '../definitions.ts';
import { imageKeys, schedulingKeys, containerSettingKeys, volumeKeys, commandKeys, workingDirectoryKey } from '../workload.ts';

export const JobSchema = Def('Job', Obj('A Job (created once, never updated; the usual onDelete cleanup task).', {
  ...entryKeys('Job', '{{ .metadata.name }}-job'),
  ...namespaceKey('Job'),
  ...labelsKey('Job'),
  ...imageKeys(),
  ...commandKeys(),
  backoffLimit: Opt(Int('Pod retries before the Job fails, default 3.')),
  ...schedulingKeys(),
  ...containerSettingKeys(),
  ...volumeKeys(),
  ...workingDirectoryKey(),
}));
export type RawJob = Static<typeof JobSchema>;
