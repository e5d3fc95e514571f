/**
 * When the client retries, and how long it waits.
 *
 * | failure                                  | retried for                                        |
 * |------------------------------------------|----------------------------------------------------|
 * | 429 Too Many Requests                    | every request                                      |
 * | 5xx (except 501 Not Implemented)         | every request                                      |
 * | 409 Conflict (not AlreadyExists)         | writes other than server-side apply                |
 * | transport error, client timeout          | idempotent requests (GET, HEAD, PUT, DELETE, apply)|
 * | connection refused (nothing was sent)    | every request                                      |
 *
 * Waits are "full jitter" capped exponential: random × min(cap, base × 2^(attempt−1)); a server's
 * `Retry-After` is used instead when present (capped too). A 409 retry re-sends the same body, so
 * it helps with transient contention, not with a stale `resourceVersion` in the body — that
 * surfaces as `ConflictError` after the last attempt.
 */
import { ApiError, ConflictError, RequestTimeoutError, TransportError } from './errors.ts';

export interface RetryPolicy {
  /** Tries per request, first included. Default 5. */
  readonly attempts: number;
  /** First backoff ceiling. Default 100 ms. */
  readonly baseMs: number;
  /** Largest wait. Default 10 000 ms. */
  readonly capMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseMs: 100, capMs: 10_000 };

/** What the retry decision needs to know about the request. */
export interface RetryRequest {
  readonly method: string;
  /** Server-side apply (PATCH with `application/apply-patch+yaml`). */
  readonly isApply: boolean;
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE']);

/** True when `err` from `req` may be retried (see the table). */
export function isRetryable(err: unknown, req: RetryRequest): boolean {
  if (err instanceof ConflictError) return req.method !== 'GET' && !req.isApply;
  if (err instanceof ApiError) return err.status === 429 || (err.status >= 500 && err.status !== 501);
  if (err instanceof TransportError && err.code === 'ECONNREFUSED') return true;
  if (err instanceof TransportError || err instanceof RequestTimeoutError) return IDEMPOTENT.has(req.method) || req.isApply;
  return false;
}

/** The wait before attempt `attempt + 1` (attempt counts from 1), using `random()` ∈ [0, 1). */
export function retryDelay(attempt: number, err: unknown, policy: RetryPolicy, random: () => number): number {
  if (err instanceof ApiError && err.retryAfterMs !== undefined) return Math.min(err.retryAfterMs, policy.capMs);
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

/** Parses a `Retry-After` header given in seconds (dates are ignored); ms or undefined. */
export function parseRetryAfter(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,6}$/.test(value.trim())) return undefined;
  return Number(value.trim()) * 1000;
}
