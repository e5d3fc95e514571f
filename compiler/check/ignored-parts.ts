/**
 * The parts of a Katalog that belong to Orkestra's other products (the Gateway, the Control
 * Center, the registry) or to features ork's operator does not run. They are validated for
 * shape by the schema and then ignored: ORK043 prints one note per part, and checks that
 * refuse features (ORK042) do not look inside them.
 */

/** One ignored part: its key and who owns it. */
export interface IgnoredPart {
  readonly key: string;
  readonly owner: string;
}

/** Top-level keys that are not part of the compiled operator. */
export const IGNORED_TOP_LEVEL: readonly IgnoredPart[] = [
  { key: 'security', owner: 'the Gateway (webhooks, deletion and namespace protection, certificates)' },
  { key: 'publish', owner: 'the Orkestra registry' },
  { key: 'crossAccess', owner: 'cross-Katalog reads between Orkestra runtimes' },
];

/** `gateway` keys other than `endpoint` (which enables the operator's /notify client). */
export const IGNORED_GATEWAY_KEYS: readonly string[] = ['enabled', 'standalone', 'api', 'webhooks', 'clusters'];

/** CRD entry keys that are not part of the compiled operator. */
export const IGNORED_CRD_KEYS: readonly IgnoredPart[] = [
  { key: 'serve', owner: 'the Gateway self-service API' },
  { key: 'conversion', owner: 'the Gateway conversion webhook' },
  { key: 'webhooks', owner: 'the Gateway admission webhooks' },
  { key: 'mutation', owner: 'the Gateway mutating webhook' },
  { key: 'deletionProtection', owner: 'the Gateway deletion protection' },
  { key: 'enrich', owner: 'Orkestra\'s child enrichment (.children is read by ork from owned children)' },
  { key: 'enrichAll', owner: 'Orkestra\'s child enrichment (.children is read by ork from owned children)' },
  { key: 'normalize', owner: 'the Gateway admission path' },
  { key: 'crossAccess', owner: 'cross-Katalog reads between Orkestra runtimes' },
  { key: 'workersActive', owner: 'Orkestra\'s runtime record (not meant to be written)' },
];

/** `admission` keys that are not part of the compiled operator (validation is). */
export const IGNORED_ADMISSION_KEYS: readonly string[] = ['mutation'];
