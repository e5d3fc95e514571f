/**
 * `apiTypes` of a CRD entry (Orkestra `pkg/types/types.go` `APITypes`): the group/version/kind
 * reconciled. Built-in kinds may give only `kind` (see builtin-kinds.ts); a `crdFile` fills the
 * rest. Requiredness is therefore checked after loading, not by the schema.
 */
import { type Static } from '@sinclair/typebox';
import { Obj, Opt, Str } from './scalars.ts';

export const ApiTypesSchema = Obj('The Kubernetes type this CRD entry reconciles.', {
  group: Opt(Str('API group (lowercase DNS name), e.g. platform.example.io; filled for built-in kinds.')),
  version: Opt(Str('API version, e.g. v1alpha1.')),
  kind: Opt(Str('Kind, e.g. Platform (a built-in kind alone is enough: Pod, ConfigMap ...).')),
  plural: Opt(Str('Lowercase plural resource name, e.g. platforms.')),
  apiPath: Opt(Str('REST prefix: /apis (default) or /api for core types.')),
  object: Opt(Str('Typed mode only: Go type name (not supported by ork).')),
  objectList: Opt(Str('Typed mode only: Go list type name (not supported by ork).')),
  alias: Opt(Str('Typed mode only: Go import alias (not supported by ork).')),
  location: Opt(Str('Typed mode only: Go import path; setting it selects typed mode (not supported by ork).')),
});
export type RawApiTypes = Static<typeof ApiTypesSchema>;
