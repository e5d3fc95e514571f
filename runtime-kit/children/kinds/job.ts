/**
 * `jobs[i]` → batch/v1 Job (Orkestra `jobs.Resolve` + `buildJob`). Defaults: name `<cr>-job`;
 * backoffLimit 3 (when absent or 0); restartPolicy OnFailure; pod labels = the Job's stamped
 * labels. A Job declared under `onDelete` gets no owner reference: it must outlive the CR to
 * finish its cleanup. `image` is required.
 */
import { requireFields } from '../errors.ts';
import type { JobInput } from '../inputs/kinds.ts';
import type { Job } from '../k8s/workloads.ts';
import { stampLabels } from '../labels.ts';
import { buildMeta, defaultName } from '../meta.ts';
import { resolveNamespace } from '../owner.ts';
import { buildPodTemplate } from '../pod/template.ts';
import { given } from '../present.ts';
import type { BuildContext } from '../types.ts';

/** Default name suffix: `<cr>-job`. */
export const JOB_NAME_SUFFIX = '-job';

/** Orkestra's default backoffLimit. */
export const DEFAULT_BACKOFF_LIMIT = 3;

/** The Job's name: declared, else `<cr>-job`. */
export function jobName(input: JobInput, ctx: BuildContext): string {
  return defaultName(input.name, ctx, JOB_NAME_SUFFIX);
}

/** Builds the Job. Throws ChildSpecError without an image. */
export function buildJob(input: JobInput, ctx: BuildContext): Job {
  const name = jobName(input, ctx);
  requireFields('Job', name, { image: given(input.image) });
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: buildMeta(ctx, {
      name,
      namespace: resolveNamespace(input.namespace, ctx.owner),
      labels: input.labels,
      annotations: input.annotations,
      owned: ctx.phase !== 'onDelete',
    }),
    spec: {
      backoffLimit: input.backoffLimit === undefined || input.backoffLimit === 0 ? DEFAULT_BACKOFF_LIMIT : input.backoffLimit,
      template: buildPodTemplate(
        input,
        { kind: 'Job', name, image: input.image as string, port: 0, protocol: 'TCP' },
        stampLabels(input.labels, ctx.owner),
        ctx,
        'OnFailure',
      ),
    },
  };
}
