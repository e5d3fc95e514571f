/** A Kubernetes type reference (Orkestra `domain.ManagedResource`): managed types, Event subjects. */
import { Obj, Opt, Str } from './scalars.ts';

export const ManagedResourceSchema = Obj('A Kubernetes type (and optionally one object of it).', {
  apiVersion: Opt(Str('group/version, e.g. apps/v1.')),
  kind: Opt(Str('Kind, e.g. StatefulSet (built-in kinds need only this).')),
  group: Opt(Str('API group.')),
  version: Opt(Str('API version.')),
  plural: Opt(Str('Lowercase plural resource name.')),
  name: Opt(Str('Object name.')),
  namespace: Opt(Str('Object namespace.')),
});
