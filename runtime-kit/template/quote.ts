/** Go's `strconv.Quote`, `QuoteToASCII`, `QuoteRune`, `QuoteRuneToASCII` and `CanBackquote`. */

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** Go's unicode.IsPrint (letters, marks, numbers, punctuation, symbols, ASCII space). */
export function isPrint(ch: string): boolean {
  return PRINTABLE.test(ch);
}

function escapeRune(cp: number, quote: string, asciiOnly: boolean): string {
  const ch = String.fromCodePoint(cp);
  if (ch === quote || ch === '\\') return `\\${ch}`;
  if (asciiOnly ? cp < 0x80 && isPrint(ch) : isPrint(ch)) return ch;
  switch (ch) {
    case '\u0007':
      return '\\a';
    case '\b':
      return '\\b';
    case '\f':
      return '\\f';
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
    case '\v':
      return '\\v';
  }
  if (cp < 0x20 || cp === 0x7f) return `\\x${cp.toString(16).padStart(2, '0')}`;
  if (cp < 0x10000) return `\\u${cp.toString(16).padStart(4, '0')}`;
  return `\\U${cp.toString(16).padStart(8, '0')}`;
}

function quoteWith(s: string, asciiOnly: boolean): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0xfffd;
    // A lone surrogate cannot come from valid UTF-8: Go would see U+FFFD.
    out += escapeRune(cp >= 0xd800 && cp <= 0xdfff ? 0xfffd : cp, '"', asciiOnly);
  }
  return `${out}"`;
}

/** Go's `strconv.Quote`. */
export function goQuote(s: string): string {
  return quoteWith(s, false);
}

/** Go's `strconv.QuoteToASCII`. */
export function goQuoteASCII(s: string): string {
  return quoteWith(s, true);
}

/** Go's `strconv.QuoteRune` (`asciiOnly`: `QuoteRuneToASCII`); invalid code points become U+FFFD. */
export function goQuoteRune(cp: number, asciiOnly = false): string {
  const valid = cp >= 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff);
  return `'${escapeRune(valid ? cp : 0xfffd, "'", asciiOnly)}'`;
}

/** Go's `strconv.CanBackquote`: no control characters other than tab, no backquote, no U+FEFF. */
export function canBackquote(s: string): boolean {
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '`' || cp === 0xfeff) return false;
    if ((cp < 0x20 && ch !== '\t') || cp === 0x7f) return false;
  }
  return true;
}
