/**
 * A walk over raw Katalog data that knows where the data is free-form. Custom manifests
 * (`custom:` entries), Go hook `args`, remote reconciler settings, provider blocks, Motif
 * `with` inputs and mutation values are the user's own objects: a key named `when` or
 * `external` inside them means nothing to Orkestra, so checks looking for conditions or
 * refused features must not look there.
 */
import type { DocPath } from '../load/yaml-document.ts';
import type { RawCondition } from '../schema/index.ts';
import { asRecord } from './values.ts';

/** Keys whose values are free-form user data at any depth. */
const FREE_FORM_KEYS = new Set(['args', 'remote', 'with', 'values', 'default', 'override', 'providers']);

/** Keys of a `custom:` entry that Orkestra itself reads (the rest is the manifest). */
const CUSTOM_ENTRY_KEYS = new Set(['when', 'or', 'anyOf', 'forEach']);

/** One object found by the walk and where it is. */
export interface FoundObject {
  readonly at: DocPath;
  readonly obj: Record<string, unknown>;
}

/** Every plain object under `value` (itself included) outside free-form data, in document order. */
export function objectsIn(value: unknown, at: DocPath): FoundObject[] {
  const out: FoundObject[] = [];
  const visit = (v: unknown, path: DocPath, inCustomList: boolean): void => {
    if (Array.isArray(v)) {
      v.forEach((item, i) => visit(item, [...path, i], inCustomList));
      return;
    }
    const o = asRecord(v);
    if (!o) return;
    out.push({ at: path, obj: o });
    for (const [k, child] of Object.entries(o)) {
      if (FREE_FORM_KEYS.has(k)) continue;
      if (inCustomList && !CUSTOM_ENTRY_KEYS.has(k)) continue;
      visit(child, [...path, k], k === 'custom' && Array.isArray(child));
    }
  };
  visit(value, at, false);
  return out;
}

/** A `when:` or `or:` list and where it is. */
export interface FoundConditions {
  readonly at: DocPath;
  readonly conditions: readonly RawCondition[];
}

/** Every `when:` / `or:` condition list under `value`, outside free-form data. */
export function conditionListsIn(value: unknown, at: DocPath): FoundConditions[] {
  const out: FoundConditions[] = [];
  for (const { at: p, obj } of objectsIn(value, at)) {
    for (const key of ['when', 'or'] as const) {
      const list = obj[key];
      if (Array.isArray(list)) out.push({ at: [...p, key], conditions: list as RawCondition[] });
    }
  }
  return out;
}
