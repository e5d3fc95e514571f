/** `operatorBox.observe`: secondary watches and Kubernetes Events that enqueue the primary CR. */
import { Type, type Static } from '@sinclair/typebox';
import { Obj, Opt, AnyMap, MapOf } from './scalars.ts';

export const WatchEntrySchema = AnyMap('A secondary watch (shape not enforced yet).');
export const WatchListSchema = Type.Array(WatchEntrySchema, { description: 'Secondary resources whose changes enqueue the owning CR.' });
export const EventEntrySchema = AnyMap('A Kubernetes Event observation (shape not enforced yet).');

export const ObserveSchema = Obj('Secondary resources and Events that trigger a reconcile of the primary CR.', {
  watch: Opt(WatchListSchema),
  events: Opt(MapOf(EventEntrySchema, 'Event observations by name: .events.<name>.*')),
});
export type RawObserve = Static<typeof ObserveSchema>;
