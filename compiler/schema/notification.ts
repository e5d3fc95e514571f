/**
 * Top-level `notification` (Orkestra `KatalogNotification`): teams referenced by conditions'
 * `notify:`. ork delivers only through the Gateway (`gateway.endpoint`).
 */
import { type Static } from '@sinclair/typebox';
import { Obj, Opt, Str, Bool, StrList, MapOf, Duration } from './scalars.ts';

export const NotificationTeamSchema = Obj('One notification team.', {
  email: Opt(StrList('Email recipients.')),
  slack: Opt(StrList('Slack channels.')),
  slackWebhookUrl: Opt(Str('Slack incoming webhook URL of this team.')),
  interval: Opt(Duration('Minimum time between repeats, default 15m')),
  message: Opt(Str('Message template of this team.')),
});

export const NotificationSchema = Obj('Who is alerted when conditions with notify: hold (delivered through the Gateway).', {
  enabled: Opt(Bool('false silences every channel (default true).')),
  standalone: Opt(Bool('Send directly from the runtime instead of the Gateway (not supported by ork).')),
  defaults: Opt(Obj('Defaults for all teams.', {
    interval: Opt(Duration('Minimum time between repeats, default 15m')),
    slackWebhookUrl: Opt(Str('Default Slack webhook URL.')),
  })),
  teams: Opt(MapOf(NotificationTeamSchema, 'Teams by name.')),
});
export type RawNotification = Static<typeof NotificationSchema>;
