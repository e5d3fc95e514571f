/**
 * Status conditions with Kubernetes semantics: `lastTransitionTime` changes only when a
 * condition's status changes (spec README §4 fix 1), and a status is "unchanged" when the
 * conditions' type/status/reason/message/observedGeneration and every declared field are
 * deeply equal (fix 2) — then no patch is sent.
 */

/** One condition as written under `.status.conditions`. */
export interface Condition {
  readonly type: string;
  readonly status: 'True' | 'False' | 'Unknown';
  readonly reason: string;
  readonly message: string;
  readonly lastTransitionTime: string;
  readonly observedGeneration?: number;
}

/** A condition before its transition time is decided. */
export type ConditionInput = Omit<Condition, 'lastTransitionTime'>;

/** Longest condition message (Orkestra caps the Ready message at 256 characters). */
export const MAX_MESSAGE = 256;

/** Truncates a message to MAX_MESSAGE characters (253 + "..."). */
export function truncateMessage(m: string): string {
  return m.length > MAX_MESSAGE ? `${m.slice(0, MAX_MESSAGE - 3)}...` : m;
}

/** Merges new conditions with the previous ones, keeping each transition time unless the status changed. */
export function withTransitionTimes(next: readonly ConditionInput[], previous: readonly Condition[] | undefined, now: string): Condition[] {
  return next.map((c) => {
    const prev = previous?.find((p) => p.type === c.type);
    return { ...c, message: truncateMessage(c.message), lastTransitionTime: prev && prev.status === c.status ? prev.lastTransitionTime : now };
  });
}

/** Deep equality of plain JSON values (key order ignored). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
