/**
 * `serve`: Gateway self-service exposure of a CRD (Orkestra `types_serve.go`). Gateway-only: ork
 * validates its shape and ignores it. Target entries, apply settings and token permissions are
 * accepted free-form (their Go structs were not confirmed).
 */
import { Type, type Static } from '@sinclair/typebox';
import { Obj, Opt, Str, Bool, Int, StrList, StringMap, AnyMap, MapOf } from './scalars.ts';
import { gateKeys } from './conditions.ts';

export const ServeFieldSchema = Obj('Form hints for one field (and how its value is written to the CR).', {
  label: Opt(Str('Form label.')),
  placeholder: Opt(Str('Input placeholder.')),
  hint: Opt(Str('Help text under the field.')),
  order: Opt(Int('Position in the form (lower first; 0 = unordered).')),
  category: Opt(Str('Form section heading.')),
  ...gateKeys('the field to be shown'),
  required: Opt(Bool('Mandatory field (also enforced server-side).')),
  disabled: Opt(Str('Grey the field out with this reason.')),
  type: Opt(Str('labels/annotations: string (default), integer, number, boolean, enum.')),
  enum: Opt(StrList('Allowed values when type is enum.')),
  default: Opt(Type.Unknown({ description: 'Default value (template allowed).' })),
  override: Opt(Type.Unknown({ description: 'Value always written (template allowed).' })),
  path: Opt(Str('Dot path in spec the value is written to.')),
  value: Opt(Str('Template transforming the submitted .value.')),
  values: Opt(StringMap('Fan-out: spec path → template over .value.')),
});

const serveFieldMap = (what: string) => Opt(MapOf(ServeFieldSchema, `${what} exposed as form fields, by key.`));

export const ServeSchema = Obj('Expose this CRD through the Gateway self-service API and Control Center (not used by ork).', {
  enabled: Opt(Bool('Expose the CRD (needs gateway.api.enabled).')),
  modes: Opt(Obj('Allowed apply modes (both default true).', {
    target: Opt(Bool('Target mode: fields plus a target name.')),
    cr: Opt(Bool('Full CR mode.')),
  })),
  include: Opt(Str('Path of a YAML file with fields/labels/annotations maps (inline wins).')),
  fields: serveFieldMap('Spec fields'),
  labels: serveFieldMap('Label keys'),
  annotations: serveFieldMap('Annotation keys'),
  ignore: Opt(StrList('Spec fields hidden from the form.')),
  title: Opt(Str('Catalog title (default: kind).')),
  category: Opt(Str('Catalog category.')),
  description: Opt(Str('Catalog description.')),
  target: Opt(Type.Union([
    Type.String({ description: 'Shorthand: the primary target name.' }),
    AnyMap('Named target entries (one with primary: true); shape not enforced.'),
  ], { description: 'Caller-facing target name(s) of this CRD.' })),
  apply: Opt(AnyMap('Apply-time behaviour for all targets (shape not enforced).')),
  matchFields: Opt(StrList('Spec paths that route a full CR to this target (max 3).')),
  name: Opt(Str('Template deciding metadata.name server-side.')),
  namespace: Opt(Str('Template deciding the namespace server-side (required for namespaced CRDs).')),
  config: Opt(Obj('Gateway response shaping.', {
    response: Opt(Obj('What callers see of the CR.', {
      default: Opt(Bool('Start from the full CR (default true).')),
      payload: Opt(StringMap('Extra response fields → templates.')),
      exclude: Opt(StrList('Paths removed from the response.')),
    })),
  })),
  tokens: Opt(AnyMap('Per-token permissions by gateway token name (shape not enforced).')),
  clusters: Opt(StrList('Clusters (gateway.clusters names or templates) intents route to.')),
});
export type RawServe = Static<typeof ServeSchema>;
