/**
 * User text that ends up in generated code goes through here: property keys are bare only
 * when they are plain identifiers and not reserved words; names of generated declarations are
 * built from a strict pattern; doc comments cannot be closed early.
 */

const RESERVED = new Set(
  ('break case catch class const continue debugger default delete do else enum export extends false finally for function if import in ' +
    'instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package ' +
    'private protected public await abstract any as async boolean constructor declare get infer is keyof module namespace never readonly ' +
    'require number object set string symbol type undefined unique unknown from global bigint of __proto__ prototype').split(' '),
);
const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A property key as written in TypeScript: bare when safe, else a JSON string literal. */
export function propertyKey(name: string): string {
  return IDENT.test(name) && !RESERVED.has(name) ? name : JSON.stringify(name);
}

/** PascalCase identifier from arbitrary text (`web-app` → `WebApp`); never empty, never starts with a digit. */
export function pascalCase(text: string): string {
  const words = text.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const joined = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
  const safe = joined === '' ? 'Unnamed' : joined;
  return /^[0-9]/.test(safe) ? `T${safe}` : safe;
}

/** camelCase identifier from arbitrary text (`web-app` → `webApp`), safe against reserved words. */
export function camelCase(text: string): string {
  const p = pascalCase(text);
  const c = p.charAt(0).toLowerCase() + p.slice(1);
  return RESERVED.has(c) ? `${c}_` : c;
}

/** Text for a doc comment: a closing star-slash is neutralised, control characters removed, trimmed. */
export function docText(text: string): string {
  return text
    .replace(/\*\//g, '*\u200b/')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .trim();
}
