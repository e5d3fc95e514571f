/** Top-level `security` (Orkestra `KatalogSecurity`): Gateway webhooks and protection; ignored by ork's operator. */
import { type Static } from '@sinclair/typebox';
import { Obj, Opt, Str, Bool, Int, StrList } from './scalars.ts';

const webhookKeys = (what: string) => ({
  enabled: Opt(Bool(`Enable ${what} (default true when the block is present).`)),
  serviceName: Opt(Str('Service fronting the webhook server.')),
  failurePolicy: Opt(Str('Fail or Ignore when the webhook is unreachable.')),
  cleanupOnShutdown: Opt(Bool('Delete the webhook configuration on shutdown.')),
});

export const SecuritySchema = Obj('Gateway security features: deletion/namespace protection, admission and conversion webhooks, certificates.', {
  serviceName: Opt(Obj('Service names of the deployment.', {
    runtime: Opt(Str('Runtime service name.')),
    gateway: Opt(Str('Gateway service name.')),
  })),
  deletionProtection: Opt(Obj('Block deletion of managed CRDs and CRs.', {
    ...webhookKeys('deletion protection'),
    strictMode: Opt(Bool('Also block removing the protection label.')),
  })),
  webhooks: Opt(Obj('Admission webhooks (validation/mutation rules at admission).', {
    admission: Opt(Obj('Admission webhook toggle.', { enabled: Opt(Bool('Register the admission webhooks.')) })),
    failurePolicy: Opt(Str('Fail or Ignore.')),
    serviceName: Opt(Str('Service fronting the webhook server.')),
    cleanupOnShutdown: Opt(Bool('Delete the webhook configurations on shutdown.')),
  })),
  conversion: Opt(Obj('CRD conversion webhook.', {
    enabled: Opt(Bool('Serve /convert.')),
    conversionWindow: Opt(Int('Stats window size.')),
  })),
  namespaceProtection: Opt(Obj('Reject CRs in forbidden namespaces at admission.', {
    ...webhookKeys('namespace protection'),
    restrictedNamespaces: Opt(StrList('Namespaces denied to every CRD.')),
    allowedNamespaces: Opt(StrList('Namespaces allowed to every CRD.')),
  })),
  certManager: Opt(Obj('Built-in TLS certificate lifecycle.', {
    autoRotate: Opt(Bool('Rotate before expiry (default true).')),
    rotationThreshold: Opt(Str('Rotate this long before expiry, default 30d.')),
    validFor: Opt(Str('Certificate validity, default 1y.')),
  })),
});
export type RawSecurity = Static<typeof SecuritySchema>;
