/**
 * A condition's `notify:` block as a literal of runtime-kit `NotifySpec`: Orkestra's condition
 * key, the field/operator/value, and per team its repeat interval and its message. The message
 * is resolved at compile time in Orkestra's priority (the condition's `notify.message`, else
 * the team's `message`, else "") and compiled through the template compiler like every other
 * template; plain text becomes a JSON string literal. Nothing of the user's text is code.
 */
import type { KatalogModel } from '../../model/katalog-model.ts';
import type { RawCondition } from '../../schema/index.ts';
import { parseExtendedDuration, toMillis } from '../../../runtime-kit/duration.ts';
import { isTemplateText } from '../../check/walk.ts';
import { asRecord } from '../../check/values.ts';
import { resolveOperator, type NotifyLiteral } from './condition-literal.ts';
import type { TemplateRef } from './entry-literal.ts';

/** Orkestra's team interval when neither the team nor `notification.defaults` sets one. */
export const DEFAULT_NOTIFY_INTERVAL_MS = 15 * 60_000;

/** The Katalog's notification teams as the emitter needs them. */
export interface NotifySettings {
  readonly teams: ReadonlyMap<string, { readonly intervalMs: number; readonly message?: string }>;
}


/** The teams of `notification`, or undefined when notifications are off (`enabled: false`) or no team is declared. */
export function notifySettings(model: KatalogModel): NotifySettings | undefined {
  const n = asRecord(model.raw.notification);
  if (!n || n['enabled'] === false) return undefined;
  const defaults = intervalMs(asRecord(n['defaults'])?.['interval']) ?? DEFAULT_NOTIFY_INTERVAL_MS;
  const teams = new Map<string, { intervalMs: number; message?: string }>();
  for (const [name, raw] of Object.entries(asRecord(n['teams']) ?? {})) {
    const t = asRecord(raw);
    if (!t) continue;
    const message = typeof t['message'] === 'string' ? t['message'] : undefined;
    teams.set(name, { intervalMs: intervalMs(t['interval']) ?? defaults, ...(message !== undefined ? { message } : {}) });
  }
  return teams.size > 0 ? { teams } : undefined;
}

function intervalMs(v: unknown): number | undefined {
  if (typeof v !== 'string' || v.trim() === '' || isTemplateText(v)) return undefined;
  const r = parseExtendedDuration(v.trim());
  return r.ok ? toMillis(r.nanos) : undefined;
}

/** True when `c` carries a notify block naming at least one declared team. */
export function notifiesAnyone(c: RawCondition, settings: NotifySettings | undefined): boolean {
  return settings !== undefined && (c.notify?.teams ?? []).some((t) => settings.teams.has(t));
}

/** A `NotifyLiteral` rendering message templates through `template`. */
export function notifyLiteral(settings: NotifySettings | undefined, template: TemplateRef): NotifyLiteral {
  return (c, path) => {
    if (!settings || !notifiesAnyone(c, settings)) return undefined;
    const teams = [...new Set(c.notify?.teams ?? [])].filter((t) => settings.teams.has(t));
    const { op, value } = resolveOperator(c);
    const field = c.field ?? '';
    const message = (source: string | undefined, at: readonly (string | number)[]): string => {
      if (source === undefined || source === '') return '() => ""';
      return source.includes('{{') ? `(d) => ${template(source, at)}(d)` : `() => ${JSON.stringify(source)}`;
    };
    const teamLiterals = teams.map((name) => {
      const team = settings.teams.get(name)!;
      const own = c.notify?.message;
      const msg = own !== undefined && own !== '' ? message(own, [...path, 'notify', 'message']) : message(team.message, ['notification', 'teams', name, 'message']);
      return `{ name: ${JSON.stringify(name)}, intervalMs: ${team.intervalMs}, message: ${msg} }`;
    });
    return `{ condKey: ${JSON.stringify(`${field}|${op}|${value}`)}, field: ${JSON.stringify(field)}, operator: ${JSON.stringify(op)}, value: ${JSON.stringify(value)}, teams: [${teamLiterals.join(', ')}] }`;
  };
}
