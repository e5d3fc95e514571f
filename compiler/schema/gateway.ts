/**
 * Top-level `gateway` (Orkestra `GatewayConfig`). ork uses only `endpoint` (enables the /notify
 * client); the rest configures the Gateway product and is validated for shape.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Obj, Opt, Str, Bool, AnyMap } from './scalars.ts';
import { SecretRefSchema } from './secret-ref.ts';

const ApiTokenSchema = Obj('One accepted bearer token (exactly one source).', {
  name: Str('Token name (logs, serve.tokens).'),
  secretRef: Opt(SecretRefSchema),
  token: Opt(Str('${ENV_VAR} reference (no literals).')),
  githubOIDC: Opt(AnyMap('GitHub Actions OIDC claims (shape not enforced).')),
  gitlabOIDC: Opt(AnyMap('GitLab CI OIDC claims (shape not enforced).')),
  vaultOIDC: Opt(AnyMap('Vault OIDC settings (shape not enforced).')),
  oidc: Opt(AnyMap('Generic OIDC settings (shape not enforced).')),
});

const ClusterSchema = Obj('A remote cluster: kubeconfig secretRef XOR tokenRef + caRef.', {
  endpoint: Str('API server URL.'),
  secretRef: Opt(SecretRefSchema),
  tokenRef: Opt(SecretRefSchema),
  caRef: Opt(SecretRefSchema),
  insecure: Opt(Bool('Skip TLS verification (development only).')),
});

export const GatewayClustersSchema = Type.Object({
  include: Opt(Str('Path of a YAML file with more clusters (inline wins).')),
}, {
  patternProperties: { '^(?!include$)': ClusterSchema },
  additionalProperties: false,
  description: 'Remote clusters by name (plus an optional include).',
});

export const GatewaySchema = Obj('The Orkestra Gateway; ork reads only endpoint (the /notify client).', {
  enabled: Opt(Bool('Install the Gateway (default false).')),
  standalone: Opt(Bool('Gateway-only installation.')),
  endpoint: Opt(Str('Base URL of the Gateway; enables notification delivery through POST <endpoint>/notify.')),
  api: Opt(Obj('Gateway self-service API.', {
    enabled: Opt(Bool('Serve the API.')),
    auth: Opt(Obj('API authentication.', {
      tokens: Opt(Type.Array(ApiTokenSchema, { description: 'Accepted tokens.' })),
      include: Opt(Str('Path of a YAML file with more tokens.')),
    })),
  })),
  webhooks: Opt(AnyMap('Inbound intent webhooks (GitHub, GitLab, Slack ...); shape not enforced.')),
  clusters: Opt(GatewayClustersSchema),
});
export type RawGateway = Static<typeof GatewaySchema>;
