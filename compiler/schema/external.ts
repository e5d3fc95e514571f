/**
 * `external:` HTTP calls (Orkestra `ExternalCallSpec`). Refused by ork (outbound calls other than
 * the Gateway break the Runtime's security promise) but known, so the refusal can name it.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Obj, Opt, Str, Bool, Duration, StringMap } from './scalars.ts';
import { gateKeys } from './conditions.ts';
import { Def, Ref } from './definitions.ts';

export const ExternalCallSchema = Def('ExternalCall', Obj('An HTTP call made before the block runs; results in .external.<name>.* (not supported by ork).', {
  name: Str('Key of the result: .external.<name>.status / .body / .error / .headers.'),
  url: Str('URL (template).'),
  method: Opt(Str('HTTP method, default GET.')),
  headers: Opt(StringMap('Request headers (values may be templates).')),
  body: Opt(Str('Request body (template).')),
  timeout: Opt(Duration('Per-call timeout, default 5s')),
  continueOnError: Opt(Bool('On failure leave .external.<name>.body empty instead of failing the reconcile.')),
  ...gateKeys('the call'),
}));
export type RawExternalCall = Static<typeof ExternalCallSchema>;

export function ExternalCallList(description: string) {
  return Type.Array(Ref(ExternalCallSchema), { description });
}
