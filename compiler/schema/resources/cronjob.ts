/** `cronJobs:` entries (Orkestra `types_job.go` `CronJobTemplateSource`). */
import { type Static } from '@sinclair/typebox';
import { Obj, Opt, Str, GoString } from '../scalars.ts';
import { entryKeys, namespaceKey, labelsKey } from '../resource-common.ts';
import { Def } from '../definitions.ts';
import { imageKeys, schedulingKeys, containerSettingKeys, commandKeys, workingDirectoryKey } from '../workload.ts';

export const CronJobSchema = Def('CronJob', Obj('A CronJob managed by this CR.', {
  ...entryKeys('CronJob', '{{ .metadata.name }}-cronjob'),
  ...namespaceKey('CronJob'),
  ...labelsKey('CronJob'),
  schedule: Opt(Str('Cron schedule (template), e.g. "0 * * * *"; required to create the CronJob.')),
  ...imageKeys(),
  ...commandKeys(),
  suspend: Opt(GoString('true stops new runs (template allowed). Default false.')),
  successfulJobsHistoryLimit: Opt(GoString('Successful Jobs kept, default 3.')),
  failedJobsHistoryLimit: Opt(GoString('Failed Jobs kept, default 1.')),
  concurrencyPolicy: Opt(Str('Overlapping runs: allow (default), forbid or replace.')),
  startingDeadlineSeconds: Opt(GoString('A run missed by more than this many seconds counts as failed.')),
  ...schedulingKeys(),
  ...containerSettingKeys(),
  ...workingDirectoryKey(),
}));
export type RawCronJob = Static<typeof CronJobSchema>;
