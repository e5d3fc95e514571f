/**
 * `external:` calls (Orkestra `external.go` `ExternalCallSpec`): HTTP and other protocols called
 * before a block runs. Refused by ork (outbound calls other than the Gateway break the Runtime's
 * security promise) but known, so the refusal can name them.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Obj, Opt, Str, Bool, Int, StringMap } from './scalars.ts';
import { gateKeys } from './conditions.ts';
import { Def, Ref } from './definitions.ts';
import { SecretRefSchema } from './secret-ref.ts';
import { RetryBackoffSchema } from './queue.ts';

/** `fires:` of external calls and admission rules. */
export const FiresSchema = Obj('When this runs: omit for admission and reconcile time.', {
  reconcile: Opt(Bool('false = admission time only.')),
});

export const ExternalCallSchema = Def('ExternalCall', Obj('A call made before the block runs; results in .external.<name>.* (not supported by ork).', {
  name: Str('Key of the result: .external.<name>.status / .body / .error.'),
  protocol: Opt(Str('http (default), redis, prometheus, postgres, mongo, grpc, kafka, nats, mqtt.')),
  url: Str('URL or connection string (template).'),
  query: Opt(Str('Protocol-specific query (PromQL, SQL, Redis command ...).')),
  cacheFor: Opt(Str('Reuse the result for this long.')),
  auth: Opt(Obj('Credential of the call (one of secretRef, env).', {
    secretRef: Opt(SecretRefSchema),
    env: Opt(Str('Environment variable holding the credential.')),
    header: Opt(Str('HTTP header carrying it, default Authorization (Bearer).')),
  })),
  poolSize: Opt(Int('Connections kept per url for stateful protocols, default 2.')),
  method: Opt(Str('HTTP method, default GET.')),
  body: Opt(Str('HTTP request body (template).')),
  headers: Opt(StringMap('HTTP headers (values may be templates).')),
  timeout: Opt(Str('Call timeout, e.g. 5s.')),
  expectedStatus: Opt(Int('HTTP status meaning success; default any 2xx.')),
  continueOnError: Opt(Bool('On failure set .external.<name>.error and continue.')),
  ...gateKeys('the call'),
  sleep: Opt(Str('Testing knob: artificial delay.')),
  fires: Opt(FiresSchema),
  include: Opt(Str('Path of a YAML file whose calls: list replaces this entry.')),
  retryBackoff: Opt(RetryBackoffSchema),
}));
export type RawExternalCall = Static<typeof ExternalCallSchema>;

export function ExternalCallList(description: string) {
  return Type.Array(Ref(ExternalCallSchema), { description });
}
