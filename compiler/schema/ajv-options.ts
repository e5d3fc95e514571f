/**
 * The ajv options the Katalog schema is meant to be compiled with:
 * - `strict`, `allErrors`: reject anything ajv finds ambiguous; report every error at once;
 * - `ownProperties`: Orkestra has a key named `constructor` (reconciler.constructor); without this
 *   option ajv sees the inherited `Object.prototype.constructor` on every parsed YAML object;
 * - `inlineRefs: false`: compile each shared definition once (about 6x faster than inlining).
 */
export const KATALOG_AJV_OPTIONS = {
  strict: true,
  allErrors: true,
  ownProperties: true,
  inlineRefs: false,
} as const;
