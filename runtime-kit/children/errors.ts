/** The error a builder throws when a rendered declaration cannot become a valid object. */

/**
 * A declaration misses a field Orkestra requires (`image`, `schedule`, a service `port`,
 * a claim's `storage` ...) or holds a value Orkestra cannot parse (a resource quantity).
 * Orkestra fails the reconcile in the same cases (`validateSpec`, `resource.MustParse`).
 */
export class ChildSpecError extends Error {
  /** Kind of the object being built, e.g. `Deployment`. */
  readonly kind: string;
  /** Object name (after defaults), '' when the name itself is missing. */
  readonly objectName: string;
  /** The offending input fields, e.g. `['image']`. */
  readonly fields: readonly string[];

  constructor(kind: string, objectName: string, fields: readonly string[], detail: string) {
    super(`${kind} ${JSON.stringify(objectName)}: ${detail}`);
    this.name = 'ChildSpecError';
    this.kind = kind;
    this.objectName = objectName;
    this.fields = fields;
  }
}

/** Throws a {@link ChildSpecError} listing the missing required fields, if any. */
export function requireFields(kind: string, objectName: string, present: Readonly<Record<string, boolean>>): void {
  const missing = Object.keys(present).filter((k) => !present[k]);
  if (missing.length > 0) throw new ChildSpecError(kind, objectName, missing, `missing required fields: ${missing.join(', ')}`);
}
