/**
 * Typed API errors. Every non-2xx answer from the API server becomes an `ApiError` subclass
 * chosen by HTTP status (and `reason` for 409), carrying the server's `Status` fields.
 * Network failures are `TransportError`, client-side timeouts `RequestTimeoutError`.
 */

/** Fields of a Kubernetes `Status` body. */
export interface StatusBody {
  readonly message?: string;
  readonly reason?: string;
  readonly code?: number;
  readonly details?: unknown;
}

/** A non-2xx answer from the API server. */
export class ApiError extends Error {
  override readonly name: string = 'ApiError';
  readonly status: number;
  /** `Status.reason` (e.g. `NotFound`, `AlreadyExists`, `Conflict`, `Expired`), or ''. */
  readonly reason: string;
  readonly details: unknown;
  /** Server's `Retry-After`, in ms, when sent. */
  readonly retryAfterMs: number | undefined;

  constructor(status: number, body: StatusBody, retryAfterMs?: number) {
    super(body.message ?? `API server answered ${status}`);
    this.status = status;
    this.reason = body.reason ?? '';
    this.details = body.details;
    this.retryAfterMs = retryAfterMs;
  }
}

export class BadRequestError extends ApiError {
  override readonly name = 'BadRequestError';
}
export class UnauthorizedError extends ApiError {
  override readonly name = 'UnauthorizedError';
}
export class ForbiddenError extends ApiError {
  override readonly name = 'ForbiddenError';
}
export class NotFoundError extends ApiError {
  override readonly name = 'NotFoundError';
}
/** 409 with reason `Conflict` (stale resourceVersion, or an apply field-manager conflict). */
export class ConflictError extends ApiError {
  override readonly name = 'ConflictError';
}
/** 409 with reason `AlreadyExists` (create of an existing name). */
export class AlreadyExistsError extends ApiError {
  override readonly name = 'AlreadyExistsError';
}
/** 410: the resourceVersion is too old (watch/list must relist). */
export class GoneError extends ApiError {
  override readonly name = 'GoneError';
}
/** 422: the object failed validation. */
export class InvalidError extends ApiError {
  override readonly name = 'InvalidError';
}
export class TooManyRequestsError extends ApiError {
  override readonly name = 'TooManyRequestsError';
}
/** Any 5xx. */
export class ServerError extends ApiError {
  override readonly name = 'ServerError';
}

/** The request never got an HTTP answer (refused, reset, DNS, TLS). `code` is Node's. */
export class TransportError extends Error {
  override readonly name = 'TransportError';
  readonly code: string;
  constructor(message: string, code: string) {
    super(message);
    this.code = code;
  }
}

/** No answer within the request timeout. */
export class RequestTimeoutError extends Error {
  override readonly name = 'RequestTimeoutError';
}

type ApiErrorClass = new (status: number, body: StatusBody, retryAfterMs?: number) => ApiError;

const BY_STATUS: ReadonlyMap<number, ApiErrorClass> = new Map<number, ApiErrorClass>([
  [400, BadRequestError],
  [401, UnauthorizedError],
  [403, ForbiddenError],
  [404, NotFoundError],
  [410, GoneError],
  [422, InvalidError],
  [429, TooManyRequestsError],
]);

/** Maps a status and (possibly non-Status) body to the matching error class. */
export function apiError(status: number, body: unknown, retryAfterMs?: number): ApiError {
  const s = statusBody(body);
  if (status === 409) return s.reason === 'AlreadyExists' ? new AlreadyExistsError(status, s, retryAfterMs) : new ConflictError(status, s, retryAfterMs);
  const cls = BY_STATUS.get(status) ?? (status >= 500 ? ServerError : ApiError);
  return new cls(status, s, retryAfterMs);
}

function statusBody(body: unknown): StatusBody {
  if (typeof body !== 'object' || body === null) return {};
  const b = body as Record<string, unknown>;
  return {
    message: typeof b['message'] === 'string' ? b['message'] : undefined,
    reason: typeof b['reason'] === 'string' ? b['reason'] : undefined,
    code: typeof b['code'] === 'number' ? b['code'] : undefined,
    details: b['details'],
  };
}

/** True for a 404 answer. */
export const isNotFound = (e: unknown): e is NotFoundError => e instanceof NotFoundError;
/** True for a 409 Conflict (not AlreadyExists). */
export const isConflict = (e: unknown): e is ConflictError => e instanceof ConflictError;
/** True for a 410 Gone. */
export const isGone = (e: unknown): e is GoneError => e instanceof GoneError;
