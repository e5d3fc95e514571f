/** Orkestra's string notes (Go's `strings` functions with typed string parameters), plus the
 *  sprig-style `lower`, `upper`, `quote`, `b64enc`, `b64dec` and Orkestra's `toBase64`,
 *  `fromBase64`. Case mapping is per code point, like Go's simple case mapping. */
import { argString, argStringSlice } from './args.ts';
import type { TemplateOrigin } from './errors.ts';
import { goTrimSpace } from './format.ts';
import { formatV } from './printf.ts';
import { goQuote } from './quote.ts';
import { base64Decode, base64Encode, utf8Bytes, utf8Decode } from './utf8.ts';
import { type GoValue, isNil, markStringSlice } from './values.ts';

function mapRunes(s: string, f: (ch: string) => string): string {
  let out = '';
  for (const ch of s) {
    const m = f(ch);
    out += Array.from(m).length === 1 ? m : ch;
  }
  return out;
}

/** `toLower S` / `lower S`. */
export function noteLower(at: TemplateOrigin | undefined, s: GoValue): string {
  return mapRunes(argString(at, s), (ch) => (ch === '\u0130' ? 'i' : ch.toLowerCase()));
}

/** `toUpper S` / `upper S`. */
export function noteUpper(at: TemplateOrigin | undefined, s: GoValue): string {
  return mapRunes(argString(at, s), (ch) => ch.toUpperCase());
}

/** `trim S CUTSET`: strips leading and trailing runes found in CUTSET. */
export function noteTrim(at: TemplateOrigin | undefined, s: GoValue, cutset: GoValue): string {
  const runes = Array.from(argString(at, s));
  const cut = new Set(Array.from(argString(at, cutset)));
  let lo = 0;
  let hi = runes.length;
  while (lo < hi && cut.has(runes[lo] ?? '')) lo++;
  while (hi > lo && cut.has(runes[hi - 1] ?? '')) hi--;
  return runes.slice(lo, hi).join('');
}

/** `trimPrefix S PREFIX`. */
export function noteTrimPrefix(at: TemplateOrigin | undefined, s: GoValue, p: GoValue): string {
  const str = argString(at, s);
  const pre = argString(at, p);
  return str.startsWith(pre) ? str.slice(pre.length) : str;
}

/** `trimSuffix S SUFFIX`. */
export function noteTrimSuffix(at: TemplateOrigin | undefined, s: GoValue, p: GoValue): string {
  const str = argString(at, s);
  const suf = argString(at, p);
  return suf !== '' && str.endsWith(suf) ? str.slice(0, str.length - suf.length) : str;
}

/** `replace S OLD NEW` (Go's `strings.ReplaceAll`, so S comes first). */
export function noteReplace(at: TemplateOrigin | undefined, s: GoValue, old: GoValue, repl: GoValue): string {
  const str = argString(at, s);
  const o = argString(at, old);
  const n = argString(at, repl);
  if (o === '') return n + Array.from(str).join(n) + (str === '' ? '' : n);
  return str.split(o).join(n);
}

/** `contains S SUBSTR`. */
export function noteContains(at: TemplateOrigin | undefined, s: GoValue, sub: GoValue): boolean {
  return argString(at, s).includes(argString(at, sub));
}

/** `hasPrefix S PREFIX`. */
export function noteHasPrefix(at: TemplateOrigin | undefined, s: GoValue, p: GoValue): boolean {
  return argString(at, s).startsWith(argString(at, p));
}

/** `hasSuffix S SUFFIX`. */
export function noteHasSuffix(at: TemplateOrigin | undefined, s: GoValue, p: GoValue): boolean {
  return argString(at, s).endsWith(argString(at, p));
}

/** `split S SEP` → `[]string` (empty for an empty S). */
export function noteSplit(at: TemplateOrigin | undefined, s: GoValue, sep: GoValue): string[] {
  const str = argString(at, s);
  const sp = argString(at, sep);
  if (str === '') return markStringSlice([]);
  return markStringSlice(sp === '' ? Array.from(str) : str.split(sp));
}

/** `join LIST SEP` (LIST must be a `[]string`, as in Go's `strings.Join`). */
export function noteJoin(at: TemplateOrigin | undefined, list: GoValue, sep: GoValue): string {
  return argStringSlice(at, list).join(argString(at, sep));
}

/** `quote A B…` (sprig): each non-nil argument printed and Go-quoted, joined by spaces. */
export function noteQuote(_at: TemplateOrigin | undefined, ...vals: GoValue[]): string {
  return vals.filter((v) => !isNil(v)).map((v) => goQuote(formatV(v))).join(' ');
}

function encodeBase64(s: string): string {
  return base64Encode(utf8Bytes(s));
}

/** Decoded text, or the offset of the first illegal byte. */
function decodeBase64(s: string): string | number {
  const r = base64Decode(s);
  return typeof r === 'number' ? r : utf8Decode(r);
}

/** `toBase64 S` (Orkestra) / `b64enc S` (sprig): standard base64. */
export function noteB64Enc(at: TemplateOrigin | undefined, s: GoValue): string {
  return encodeBase64(argString(at, s));
}

/** `fromBase64 S` (Orkestra): decoded text, "" when S is not valid base64. */
export function noteFromBase64(at: TemplateOrigin | undefined, s: GoValue): string {
  const r = decodeBase64(argString(at, s));
  return typeof r === 'string' ? r : '';
}

/** `b64dec S` (sprig): decoded text, or Go's error text when S is not valid base64. */
export function noteB64Dec(at: TemplateOrigin | undefined, s: GoValue): string {
  const r = decodeBase64(argString(at, s));
  return typeof r === 'string' ? r : `illegal base64 data at input byte ${r}`;
}

/** `trimSpace S` (Go's strings.TrimSpace). */
export function noteTrimSpaceFn(at: TemplateOrigin | undefined, s: GoValue): string {
  return goTrimSpace(argString(at, s));
}
