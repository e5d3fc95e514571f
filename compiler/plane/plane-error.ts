/**
 * A control plane operation failed; `hint` says what to do about it, `details` carries the
 * scripts' output and log tails (empty when they were streamed to a logger already).
 */
export class PlaneError extends Error {
  readonly hint: string | undefined;
  readonly details: string;
  constructor(message: string, hint?: string, details = '') {
    super(message);
    this.name = 'PlaneError';
    this.hint = hint;
    this.details = details;
  }
}
