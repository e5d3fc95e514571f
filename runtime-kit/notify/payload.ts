/** The Gateway `/notify` request body (Orkestra reference §4.8). */

/** What the caller knows about one notification; the notifier adds `timestamp`. */
export interface Notification {
  readonly katalogName: string;
  readonly crName: string;
  readonly crNamespace: string;
  /** `group/version, Kind=Kind`. */
  readonly gvk: string;
  /** The condition that fired, Orkestra's `<field>|<operator>|<value>` (e.g. `spec.maxBacklog|gt|100000`). */
  readonly condKey: string;
  readonly teamName: string;
  readonly subject: string;
  readonly message: string;
  readonly data?: Readonly<Record<string, unknown>>;
}

/** The JSON body posted to `<endpoint>/notify`, keys in Orkestra's order. */
export interface NotifyPayload extends Notification {
  /** RFC 3339 UTC, whole seconds (Go's `time.RFC3339`). */
  readonly timestamp: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** Builds the body for `n` stamped at `nowMs`. */
export function buildPayload(n: Notification, nowMs: number): NotifyPayload {
  return {
    katalogName: n.katalogName,
    crName: n.crName,
    crNamespace: n.crNamespace,
    gvk: n.gvk,
    condKey: n.condKey,
    teamName: n.teamName,
    subject: n.subject,
    message: n.message,
    timestamp: new Date(nowMs).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    data: n.data ?? {},
  };
}
