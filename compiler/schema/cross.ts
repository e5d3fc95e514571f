/**
 * `operatorBox.cross`: read-only reads of CRs of other CRDs into .cross.<as>.* (Orkestra
 * `cross.go` `CrossCRDDeclaration`).
 */
import { Type, type Static } from '@sinclair/typebox';
import { Obj, Opt, Str, StringMap } from './scalars.ts';
import { CrossSourceSchema } from './conditions.ts';
import { Ref } from './definitions.ts';

export const CrossSchema = Obj('Read one CR of another CRD (from the informer cache) into .cross.<as>.*', {
  crd: Opt(Str('Target CRD name (a key of spec.crds); exclusive with labelSelector.')),
  labelSelector: Opt(StringMap('Find the target CRD by its entry labelSelector instead of its name.')),
  labels: Opt(StringMap('Renamed in Orkestra v0.7.17: use `labelSelector`.')),
  selector: Opt(Obj('Which CR of the target CRD.', {
    name: Opt(Str('CR name (template).')),
    namespace: Opt(Str('CR namespace (template); default the current CR namespace.')),
    matchLabels: Opt(StringMap('Select by labels instead of name (values may be templates).')),
  })),
  as: Opt(Str('Key under .cross (default: the crd name).')),
  strategy: Opt(Str('first (default) or all; not implemented upstream.')),
  source: Opt(Ref(CrossSourceSchema)),
});
export type RawCross = Static<typeof CrossSchema>;

export const CrossListSchema = Type.Array(CrossSchema, { description: 'CRs of other CRDs read before the templates run: .cross.<as>.found / .status / .spec ...' });
