/**
 * Conditions that carry a `notify:` block, evaluated by a generated reconciler. The reconciler
 * stays pure: a gate with notify blocks is evaluated exactly as `evaluateGate` evaluates it
 * (the `when` list in order until one fails, then the `or` list until one holds) and every
 * condition that was evaluated and held records one `FiredNotification` per team. The
 * operator (runtime-kit/operator/notify-wiring.ts) turns them into Gateway POSTs, one per
 * transition.
 */
import type { Condition } from '../conditions/evaluate.ts';
import { evaluateCondition, fieldString } from '../conditions/evaluate.ts';
import type { Desired } from '../reconcile/desired.ts';
import type { TemplateData } from '../template/values.ts';

/** One team of a `notify:` block, resolved at compile time. */
export interface NotifyTeamSpec {
  readonly name: string;
  /** The team's repeat interval (`interval`, else `notification.defaults.interval`, else 15 m). */
  readonly intervalMs: number;
  /** Renders the message: the condition's `notify.message`, else the team's, else `notification.message`, else "". */
  readonly message: (data: TemplateData) => string;
}

/** A condition's `notify:` block as the generated code declares it. */
export interface NotifySpec {
  /** Orkestra's condition key: `<field>|<operator>|<value>`. */
  readonly condKey: string;
  readonly field: string;
  readonly operator: string;
  readonly value: string;
  readonly teams: readonly NotifyTeamSpec[];
}

/** A compiled condition that may carry a notify block. */
export interface NotifyingCondition extends Condition {
  readonly notify?: NotifySpec;
}

/** One condition that held, for one team, during one reconcile. */
export interface FiredNotification {
  readonly condKey: string;
  readonly field: string;
  readonly operator: string;
  readonly value: string;
  /** The field's value as the condition compared it. */
  readonly actual: string;
  readonly team: string;
  readonly intervalMs: number;
  /** The rendered message ("" when its template failed: see `messageError`). */
  readonly message: string;
  readonly messageError?: string;
}

/** The result of a generated reconciler whose conditions carry notify blocks. */
export interface NotifyingDesired extends Desired {
  readonly notifications: readonly FiredNotification[];
}

/**
 * `evaluateGate` that also records, into `fired`, the notify blocks of the conditions that
 * were evaluated and held. Returns the same result as `evaluateGate(when, or, data)`.
 */
export function evaluateNotifyingGate(when: readonly NotifyingCondition[], or: readonly NotifyingCondition[], data: TemplateData, fired: FiredNotification[]): boolean {
  const held = (c: NotifyingCondition): boolean => {
    const ok = evaluateCondition(c, data);
    if (ok && c.notify) record(c, data, fired);
    return ok;
  };
  if (!when.every(held)) return false;
  return or.length === 0 || or.some(held);
}

function record(c: NotifyingCondition, data: TemplateData, fired: FiredNotification[]): void {
  const n = c.notify as NotifySpec;
  const actual = fieldString(c.field(data));
  for (const team of n.teams) {
    if (fired.some((f) => f.condKey === n.condKey && f.team === team.name)) continue; // forEach items: once per reconcile
    let message = '';
    let messageError: string | undefined;
    try {
      message = team.message(data);
    } catch (err) {
      messageError = err instanceof Error ? err.message : String(err);
    }
    fired.push({ condKey: n.condKey, field: n.field, operator: n.operator, value: n.value, actual, team: team.name, intervalMs: team.intervalMs, message, ...(messageError !== undefined ? { messageError } : {}) });
  }
}
