/**
 * What one reconcile tells the worker loop.
 *
 * | outcome                         | the worker does                                         |
 * | ------------------------------- | ------------------------------------------------------- |
 * | `{ kind: 'done' }`              | forget the key's backoff; wait for the next event       |
 * | `{ kind: 'requeue', afterMs }`  | forget the backoff; add the key again after `afterMs`   |
 * | `{ kind: 'error', error }`      | add the key rate-limited (per-item exponential backoff) |
 *
 * A CR that is gone is `done`. Ordered deletion waiting for a stage is `requeue`, never a
 * sleeping worker (spec README §4 fix 6).
 */
export type ReconcileResult =
  | { readonly kind: 'done' }
  | { readonly kind: 'requeue'; readonly afterMs: number; readonly reason: string }
  | { readonly kind: 'error'; readonly error: Error };

export const DONE: ReconcileResult = { kind: 'done' };
