/** Top-level `publish` (Orkestra `PublishConfig`): registry supply-chain policy; ignored by ork. */
import { type Static } from '@sinclair/typebox';
import { Obj, Opt, Bool, StrList } from './scalars.ts';

export const PublishSchema = Obj('Publishing policy for the registry (not used by ork).', {
  signing: Opt(Obj('Signature requirements.', {
    verify: Opt(Bool('Refuse unsigned artifacts at pull.')),
    expectedIdentities: Opt(StrList('Trusted OIDC subjects.')),
  })),
  tests: Opt(Obj('Quality gates at push.', {
    e2e: Opt(Bool('Run e2e (default true).')),
    simulate: Opt(Bool('Run simulate (default true).')),
    intent: Opt(Bool('Run serve play (default false).')),
  })),
});
export type RawPublish = Static<typeof PublishSchema>;
