/**
 * JSON in and out with Go's number semantics. `parseJson` decodes like Kubernetes'
 * unstructured decoder (integers that fit int64 → `bigint`, every other number → float64);
 * `marshalJson` encodes like Go's `encoding/json` (sorted map keys, HTML-safe escapes,
 * Go's float formatting). Objects are created with a null prototype and own properties only,
 * so a key named `__proto__` is data, never a prototype.
 */
import { fail } from './errors.ts';
import { type GoValue, isMap, isNil, sortedKeys } from './values.ts';

/** Nesting limit for decoding and encoding (a guard against stack exhaustion; Kubernetes
 *  objects are nowhere near it). */
export const MAX_DEPTH = 1000;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Parses JSON text into template values (throws `TemplateError` on bad JSON). */
export function parseJson(text: string): GoValue {
  const p = new JsonReader(text);
  p.ws();
  const v = p.value(0);
  p.ws();
  if (p.i !== text.length) p.bad();
  return v;
}

/** Returns the parsed value, or `undefined` when the text is not JSON. */
export function tryParseJson(text: string): GoValue | undefined {
  try {
    return parseJson(text);
  } catch {
    return undefined;
  }
}

class JsonReader {
  i = 0;
  readonly s: string;
  constructor(s: string) {
    this.s = s;
  }
  bad(): never {
    return fail(`invalid JSON at offset ${this.i}`);
  }
  ws(): void {
    while (this.i < this.s.length && ' \t\r\n'.includes(this.s[this.i] ?? '')) this.i++;
  }
  value(depth: number): GoValue {
    if (depth > MAX_DEPTH) fail(`JSON nested deeper than ${MAX_DEPTH} levels`);
    const c = this.s[this.i];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') return this.string();
    if (this.s.startsWith('true', this.i)) return (this.i += 4), true;
    if (this.s.startsWith('false', this.i)) return (this.i += 5), false;
    if (this.s.startsWith('null', this.i)) return (this.i += 4), null;
    return this.number();
  }
  object(depth: number): GoValue {
    const out = Object.create(null) as Record<string, GoValue>;
    this.i++;
    this.ws();
    if (this.s[this.i] === '}') return this.i++, out;
    for (;;) {
      this.ws();
      if (this.s[this.i] !== '"') this.bad();
      const k = this.string();
      this.ws();
      if (this.s[this.i++] !== ':') this.bad();
      this.ws();
      Object.defineProperty(out, k, { value: this.value(depth + 1), enumerable: true, writable: true, configurable: true });
      this.ws();
      const c = this.s[this.i++];
      if (c === '}') return out;
      if (c !== ',') this.bad();
    }
  }
  array(depth: number): GoValue {
    const out: GoValue[] = [];
    this.i++;
    this.ws();
    if (this.s[this.i] === ']') return this.i++, out;
    for (;;) {
      this.ws();
      out.push(this.value(depth + 1));
      this.ws();
      const c = this.s[this.i++];
      if (c === ']') return out;
      if (c !== ',') this.bad();
    }
  }
  string(): string {
    const m = /^"((?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*)"/.exec(this.s.slice(this.i));
    if (!m) this.bad();
    this.i += m[0].length;
    return JSON.parse(m[0]) as string;
  }
  number(): GoValue {
    const m = /^-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.s.slice(this.i));
    if (!m) this.bad();
    this.i += m[0].length;
    if (m[1] === undefined && m[2] === undefined) {
      const b = BigInt(m[0]);
      if (b >= INT64_MIN && b <= INT64_MAX) return b;
    }
    return Number(m[0]);
  }
}

/** Go's `encoding/json` float format: `%f` style in [1e-6, 1e21), else exponent form `1e-07`. */
function jsonFloat(f: number): string {
  if (!Number.isFinite(f)) return fail(`json: unsupported value: ${f}`);
  const abs = Math.abs(f);
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) {
    return f.toExponential();
  }
  return Object.is(f, -0) ? '-0' : String(f);
}

/** Escapes a string like Go's encoding/json (HTML-safe: `<`, `>`, `&`, U+2028, U+2029). */
export function jsonString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Encodes a template value like Go's `json.Marshal`. */
export function marshalJson(v: GoValue, depth = 0): string {
  if (depth > MAX_DEPTH) return fail(`json: value nested deeper than ${MAX_DEPTH} levels`);
  if (isNil(v)) return 'null';
  switch (typeof v) {
    case 'string':
      return jsonString(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'bigint':
      return v.toString();
    case 'number':
      return jsonFloat(v);
  }
  if (Array.isArray(v)) return `[${v.map((e) => marshalJson(e, depth + 1)).join(',')}]`;
  if (isMap(v)) return `{${sortedKeys(v).map((k) => `${jsonString(k)}:${marshalJson(v[k], depth + 1)}`).join(',')}}`;
  return 'null';
}
