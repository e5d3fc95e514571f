/** `operatorBox.rollback`: re-apply the last good spec after repeated failures (IN DEVELOPMENT upstream; refused by ork). */
import { type Static } from '@sinclair/typebox';
import { Obj, Opt, Int, Duration } from './scalars.ts';
import { HookTemplatesSchema } from './hook-templates.ts';
import { Ref } from './definitions.ts';

export const RollbackSchema = Obj('Failure recovery by re-applying the previous spec (unfinished upstream; not supported by ork).', {
  trigger: Opt(Obj('When rollback activates.', {
    consecutiveFailures: Opt(Int('Consecutive failures, default 3.')),
    withinDuration: Opt(Duration('Failures must fall within this window')),
  })),
  onRollback: Opt(Ref(HookTemplatesSchema)),
});
export type RawRollback = Static<typeof RollbackSchema>;
