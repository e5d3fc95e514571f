/**
 * `queue:` of a reconciler block (Orkestra `pkg/types/types.go` `Queue`, `QueueBehaviour`,
 * retry backoff) and `requeue:`.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Obj, Opt, Str, Bool, Int, Duration } from './scalars.ts';
import { gateKeys } from './conditions.ts';

const BehaviourSettingSchema = (what: string) => Obj(`What happens ${what}.`, {
  drop: Opt(Bool('Drop the incoming item.')),
  value: Opt(Int('onThreshold only: queue fullness percentage 1-100 at which it fires (required there).')),
  ...gateKeys('the drop'),
});

export const QueueBehaviourSchema = Obj('Back-pressure when the queue approaches or reaches maxDepth (needs maxDepth > 0).', {
  onLimit: Opt(BehaviourSettingSchema('when the queue reaches maxDepth')),
  onThreshold: Opt(BehaviourSettingSchema('when the queue reaches value% of maxDepth')),
});

export const RetryBackoffObjectSchema = Obj('Full retry backoff.', {
  initial: Opt(Duration('First retry delay')),
  max: Opt(Duration('Largest retry delay')),
  multiplier: Opt(Type.Number({ description: 'Growth factor between retries.' })),
  maxAttempts: Opt(Int('Retries before giving up to the rate limiter.')),
});

export const RetryBackoffSchema = Type.Union([
  Type.String({ description: 'Shorthand: the initial delay, e.g. "5s".' }),
  RetryBackoffObjectSchema,
], { description: 'Backoff applied when a reconcile fails: "5s" (initial) or {initial, max, multiplier, maxAttempts}.' });
export type RawRetryBackoff = Static<typeof RetryBackoffSchema>;

export const QueueSchema = Obj('Work queue of this CRD.', {
  shared: Opt(Bool('Use the shared queue instead of a per-CRD queue (default false).')),
  type: Opt(Str('ratelimited (default) or delayed.')),
  maxDepth: Opt(Int('Depth reference for behaviour; 0 = unlimited (default).')),
  failureThreshold: Opt(Int('Consecutive failures before the CRD is degraded; 0 = FAILURE_THRESHOLD (default 5).')),
  behaviour: Opt(QueueBehaviourSchema),
  retryBackoff: Opt(RetryBackoffSchema),
});
export type RawQueue = Static<typeof QueueSchema>;

export const RequeueSchema = Obj('Requeue after every successful reconcile.', {
  after: Opt(Str('Template rendering a Go duration ("30s", "{{ .spec.interval }}"); "0s"/empty = no requeue.')),
  ...gateKeys('the requeue'),
});
export type RawRequeue = Static<typeof RequeueSchema>;
