/** Top-level `providers` (Orkestra `KatalogProviderRequirement`): external provider libraries; refused by ork. */
import { Type, type Static } from '@sinclair/typebox';
import { Obj, Opt, Str, Bool, StringMap } from './scalars.ts';

export const ProviderRequirementSchema = Obj('An external provider library this Katalog uses (not supported by ork).', {
  name: Str('Provider name, the key under operatorBox.providers (aws, mongodb ...).'),
  required: Opt(Bool('Fail validation when the provider is not registered.')),
  auth: Opt(StringMap('Credentials; $ENV_VAR values are expanded.')),
  version: Opt(Str('Provider library version.')),
  library: Opt(Str('OCI reference of the provider library.')),
});

export const ProvidersSchema = Type.Array(ProviderRequirementSchema, { description: 'External provider libraries (not supported by ork).' });
export type RawProviderRequirement = Static<typeof ProviderRequirementSchema>;
