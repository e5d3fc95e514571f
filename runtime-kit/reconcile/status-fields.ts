/**
 * Declared status fields (`status.fields` / `emit.status.fields`): the rendered value cast
 * per `type` as Orkestra does (`int`/`integer`, `float`, `bool`/`boolean`, `auto` tries int,
 * float, bool, then string; anything else stays a string; a value that does not parse stays
 * the string), written at a dot path (`database.host` → nested maps). Later fields with the
 * same path win.
 */

/** Casts a rendered status value. */
export function castStatusValue(type: string, rendered: string): string | number | boolean {
  const t = type.toLowerCase();
  const asInt = (): number | undefined => (/^[+-]?\d+$/.test(rendered.trim()) ? Number(rendered.trim()) : undefined);
  const asFloat = (): number | undefined => (rendered.trim() !== '' && Number.isFinite(Number(rendered.trim())) ? Number(rendered.trim()) : undefined);
  const asBool = (): boolean | undefined => (/^(true|1|t)$/i.test(rendered.trim()) ? true : /^(false|0|f)$/i.test(rendered.trim()) ? false : undefined);
  switch (t) {
    case 'int':
    case 'integer':
      return asInt() ?? rendered;
    case 'float':
      return asFloat() ?? rendered;
    case 'bool':
    case 'boolean':
      return asBool() ?? rendered;
    case 'auto':
      return asInt() ?? asFloat() ?? asBool() ?? rendered;
    default:
      return rendered;
  }
}

/** Writes `value` at a dot path inside `target` (creating null-prototype maps on the way). */
export function setStatusField(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.').filter((p) => p !== '');
  let cur = target;
  for (const p of parts.slice(0, -1)) {
    const next = Object.hasOwn(cur, p) ? cur[p] : undefined;
    if (next === null || typeof next !== 'object' || Array.isArray(next)) {
      const created = Object.create(null) as Record<string, unknown>;
      Object.defineProperty(cur, p, { value: created, enumerable: true, writable: true, configurable: true });
      cur = created;
    } else cur = next as Record<string, unknown>;
  }
  const last = parts[parts.length - 1];
  if (last !== undefined) Object.defineProperty(cur, last, { value, enumerable: true, writable: true, configurable: true });
}
