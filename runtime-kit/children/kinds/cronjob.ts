/**
 * `cronJobs[i]` → batch/v1 CronJob (Orkestra `cronjobs.Resolve` + `buildCronJob`). Defaults: name
 * `<cr>-cronjob`; restartPolicy OnFailure; job and pod labels = the CronJob's stamped labels.
 * Written only when declared: `suspend` (`ParseBool`), `concurrencyPolicy` (forbid → Forbid,
 * replace → Replace, anything else → Allow), `startingDeadlineSeconds` (> 0), the history limits
 * (int32). `image` and `schedule` are required.
 */
import { requireFields } from '../errors.ts';
import type { CronJobInput } from '../inputs/kinds.ts';
import type { CronJob } from '../k8s/workloads.ts';
import { stampLabels } from '../labels.ts';
import { buildMeta, defaultName } from '../meta.ts';
import { resolveNamespace } from '../owner.ts';
import { parseBool, parseInt32, parseInt64 } from '../parse.ts';
import { buildPodTemplate } from '../pod/template.ts';
import { given } from '../present.ts';
import type { BuildContext } from '../types.ts';

/** Default name suffix: `<cr>-cronjob`. */
export const CRONJOB_NAME_SUFFIX = '-cronjob';

/** The CronJob's name: declared, else `<cr>-cronjob`. */
export function cronJobName(input: CronJobInput, ctx: BuildContext): string {
  return defaultName(input.name, ctx, CRONJOB_NAME_SUFFIX);
}

function concurrencyPolicy(s: string): 'Allow' | 'Forbid' | 'Replace' {
  const l = s.toLowerCase();
  return l === 'forbid' ? 'Forbid' : l === 'replace' ? 'Replace' : 'Allow';
}

/** Builds the CronJob. Throws ChildSpecError without an image or a schedule. */
export function buildCronJob(input: CronJobInput, ctx: BuildContext): CronJob {
  const name = cronJobName(input, ctx);
  requireFields('CronJob', name, { image: given(input.image), schedule: given(input.schedule) });
  const labels = stampLabels(input.labels, ctx.owner);
  const spec = { schedule: input.schedule as string } as CronJob['spec'];
  if (given(input.suspend)) spec.suspend = parseBool(input.suspend);
  if (given(input.concurrencyPolicy)) spec.concurrencyPolicy = concurrencyPolicy(input.concurrencyPolicy);
  const deadline = parseInt64(input.startingDeadlineSeconds);
  if (deadline !== undefined && deadline > 0n && deadline <= BigInt(Number.MAX_SAFE_INTEGER)) spec.startingDeadlineSeconds = Number(deadline);
  const successful = given(input.successfulJobsHistoryLimit) ? parseInt32(input.successfulJobsHistoryLimit) : undefined;
  if (successful !== undefined) spec.successfulJobsHistoryLimit = successful;
  const failed = given(input.failedJobsHistoryLimit) ? parseInt32(input.failedJobsHistoryLimit) : undefined;
  if (failed !== undefined) spec.failedJobsHistoryLimit = failed;
  spec.jobTemplate = {
    metadata: { labels },
    spec: { template: buildPodTemplate(input, { kind: 'CronJob', name, image: input.image as string, port: 0, protocol: 'TCP' }, { ...labels }, ctx, 'OnFailure') },
  };
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: buildMeta(ctx, { name, namespace: resolveNamespace(input.namespace, ctx.owner), labels: input.labels, annotations: input.annotations }),
    spec,
  };
}
