/**
 * `operatorBox.observe` (and the older `operatorBox.watch`): secondary watches and Kubernetes
 * Events that enqueue the primary CR (Orkestra `types_observe.go`).
 */
import { Type, type Static } from '@sinclair/typebox';
import { Obj, Opt, Str, StrList, MapOf } from './scalars.ts';
import { GateSchema } from './pre-reconcile.ts';
import { ManagedResourceSchema } from './managed-resource.ts';
import { Def, Ref } from './definitions.ts';

const onKey = () => Opt(StrList('Event types that trigger: create, update, delete (default all).'));

export const KeyFromSchema = Obj('Which primary CR to enqueue (default: ownerReference, else every CR); one of label or name.', {
  label: Opt(Str('Label of the observed object whose value is the primary key ("ns/name" or "name").')),
  name: Opt(Str('Always enqueue this primary CR.')),
  namespace: Opt(Str('Namespace of name.')),
});

export const WatchEntrySchema = Def('WatchEntry', Obj('A secondary resource whose changes enqueue the primary CR.', {
  apiVersion: Str('apiVersion of the watched kind, e.g. apps/v1.'),
  kind: Str('Kind of the watched resource, e.g. Deployment.'),
  namespace: Opt(Str('Watch only this namespace.')),
  name: Opt(Str('Watch only this object.')),
  on: onKey(),
  enqueueGate: Opt(Ref(GateSchema)),
  keyFrom: Opt(KeyFromSchema),
  index: Opt(Type.Array(Obj('A field indexer on the watch informer.', {
    name: Str('Index name.'),
    field: Str('JSON path indexed, e.g. .spec.owner.'),
  }), { description: 'Field indexers (used by Go code).' })),
  include: Opt(Str('Path of a YAML file whose watch: list replaces this entry.')),
}));
export type RawWatchEntry = Static<typeof WatchEntrySchema>;

export const WatchListSchema = Type.Array(Ref(WatchEntrySchema), { description: 'Secondary resources whose changes enqueue the owning CR.' });

export const EventEntrySchema = Obj('Kubernetes Events (events.k8s.io/v1) that enqueue the primary CR; empty fields match anything.', {
  reason: Opt(Str('Event reason.')),
  action: Opt(Str('Event action.')),
  type: Opt(Str('Normal or Warning.')),
  reportingController: Opt(Str('Event reportingController.')),
  reportingInstance: Opt(Str('Event reportingInstance.')),
  regarding: Opt(ManagedResourceSchema),
  related: Opt(ManagedResourceSchema),
  namespace: Opt(Str('Only Events in this namespace.')),
  name: Opt(Str('Only the Event of this name.')),
  on: onKey(),
  keyFrom: Opt(KeyFromSchema),
  enqueueGate: Opt(Ref(GateSchema)),
  include: Opt(Str('Path of a YAML file with event declarations.')),
});
export type RawEventEntry = Static<typeof EventEntrySchema>;

export const ObserveSchema = Obj('Secondary resources and Events that trigger a reconcile of the primary CR.', {
  watch: Opt(WatchListSchema),
  events: Opt(MapOf(EventEntrySchema, 'Event observations by name: .events.<name>.*')),
  include: Opt(Str('Path of a YAML file with watch:/events: declarations (inline wins).')),
});
export type RawObserve = Static<typeof ObserveSchema>;
