/**
 * Builds the data a template runs on, as Orkestra's resolver does: the CR map, an empty
 * `.inputs` map when absent, `.ork` runtime facts, and the contexts of the template's place
 * (`item`, `index`, `children`, `cross`, `metrics`, `health`, …). The CR is not modified.
 */
import type { GoMap, GoValue, TemplateData } from './values.ts';

/** Runtime facts under `.ork` (zero values when unknown). */
export interface OrkFacts {
  readonly [key: string]: GoValue;
}

/** The data map for one template execution. */
export function templateData(cr: GoMap, ork: OrkFacts = {}, contexts: Readonly<Record<string, GoValue>> = {}): TemplateData {
  const out = Object.create(null) as Record<string, GoValue>;
  const put = (k: string, v: GoValue): void => {
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  };
  for (const k of Object.keys(cr)) put(k, cr[k] ?? null);
  if (!Object.prototype.hasOwnProperty.call(cr, 'inputs')) put('inputs', Object.create(null) as GoMap);
  const facts = Object.create(null) as Record<string, GoValue>;
  for (const k of Object.keys(ork)) Object.defineProperty(facts, k, { value: ork[k] ?? null, enumerable: true, writable: true, configurable: true });
  put('ork', facts);
  for (const k of Object.keys(contexts)) put(k, contexts[k] ?? null);
  return out;
}
