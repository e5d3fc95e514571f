/** `operatorBox.autoscale`: runtime worker/queue/resync autoscaling (unfinished upstream; refused by ork). */
import { type Static } from '@sinclair/typebox';
import { Obj, Opt, Str, Int, Duration } from './scalars.ts';
import { gateKeys } from './conditions.ts';

export const AutoscaleSchema = Obj('Raise workers/queue depth/resync while conditions hold, restore after cooldown (not supported by ork).', {
  interval: Opt(Duration('Evaluation interval, default 15s')),
  cooldown: Opt(Duration('Conditions must stay false this long before restoring, default 2m')),
  conditions: Opt(Obj('Trigger conditions.', gateKeys('the override'))),
  do: Opt(Obj('Overrides applied while triggered.', {
    workers: Opt(Int('Workers.')),
    queueDepth: Opt(Int('Queue depth limit.')),
    resync: Opt(Duration('Resync period')),
  })),
  profile: Opt(Str('Named autoscale preset.')),
});
export type RawAutoscale = Static<typeof AutoscaleSchema>;
