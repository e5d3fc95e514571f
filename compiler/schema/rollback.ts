/** `operatorBox.rollback` (IN DEVELOPMENT upstream; refused by ork). */
import { type Static } from '@sinclair/typebox';
import { AnyMap } from './scalars.ts';

export const RollbackSchema = AnyMap('Failure recovery by re-applying the last good spec (unfinished upstream; not supported by ork; shape not enforced yet).');
export type RawRollback = Static<typeof RollbackSchema>;
