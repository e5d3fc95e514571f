/**
 * The status a reconcile writes: `observedGeneration`, the `Ready` condition (True after a
 * successful reconcile, False with the error otherwise), `Degraded` (True when templates
 * cannot render for this CR's values, or render a child the API server rejects as invalid),
 * and the declared fields (written on success). Returns undefined when the live status already says exactly this — then nothing is patched.
 */
import type { KubeObjectLike } from './desired.ts';
import { deepEqual, withTransitionTimes, type Condition, type ConditionInput } from './conditions.ts';

/** Reasons that mean "this CR's values cannot work" (retrying as is will not help): Degraded=True. */
export const DEGRADING: ReadonlySet<string> = new Set(['TemplateError', 'InvalidChild']);

/** The outcome of a reconcile, as the status reports it. */
export interface Outcome {
  readonly ok: boolean;
  readonly reason: string;
  readonly message: string;
}

/** The next `.status` (merge-patch body), or undefined when unchanged. */
export function nextStatus(cr: KubeObjectLike, outcome: Outcome, fields: Readonly<Record<string, unknown>>, now: string): Record<string, unknown> | undefined {
  const live = (cr['status'] ?? {}) as Record<string, unknown>;
  const prev = Array.isArray(live['conditions']) ? (live['conditions'] as Condition[]) : undefined;
  const generation = cr.metadata.generation;
  const degraded = DEGRADING.has(outcome.reason);
  const inputs: ConditionInput[] = [
    { type: 'Ready', status: outcome.ok ? 'True' : 'False', reason: outcome.reason, message: outcome.message, ...(generation !== undefined ? { observedGeneration: generation } : {}) },
    {
      type: 'Degraded',
      status: degraded ? 'True' : 'False',
      reason: degraded ? outcome.reason : 'AsExpected',
      message: degraded ? outcome.message : '',
      ...(generation !== undefined ? { observedGeneration: generation } : {}),
    },
  ];
  const conditions = withTransitionTimes(inputs, prev, now);
  const next: Record<string, unknown> = { ...(outcome.ok ? fields : {}), conditions, ...(generation !== undefined ? { observedGeneration: generation } : {}) };
  const unchanged = Object.keys(next).every((k) => deepEqual(next[k], live[k]));
  return unchanged ? undefined : next;
}
