/**
 * UTF-8 and base64 without platform APIs (no TextEncoder, TextDecoder or Buffer): the runtime
 * kit compiles against plain ES2024 in the generated operator.
 */

/** The UTF-8 bytes of a string (a lone surrogate encodes as U+FFFD). */
export function utf8Bytes(s: string): Uint8Array {
  const out: number[] = [];
  for (const ch of s) {
    let cp = ch.codePointAt(0) ?? 0xfffd;
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return Uint8Array.from(out);
}

/** Decodes UTF-8; each byte that does not start a valid sequence becomes U+FFFD. */
export function utf8Decode(b: Uint8Array): string {
  let out = '';
  for (let i = 0; i < b.length; ) {
    const c = b[i] ?? 0;
    const need = c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
    if (need < 0) {
      out += '\ufffd';
      i++;
      continue;
    }
    let cp = need === 0 ? c : need === 1 ? c & 0x1f : need === 2 ? c & 0x0f : c & 0x07;
    let ok = i + need < b.length;
    for (let k = 1; ok && k <= need; k++) {
      const d = b[i + k] ?? 0;
      if ((d & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (d & 63);
    }
    const min = need === 1 ? 0x80 : need === 2 ? 0x800 : need === 3 ? 0x10000 : 0;
    if (!ok || cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      out += '\ufffd';
      i++;
      continue;
    }
    out += String.fromCodePoint(cp);
    i += need + 1;
  }
  return out;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 (with padding) of bytes. */
export function base64Encode(b: Uint8Array): string {
  let out = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = ((b[i] ?? 0) << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    out += (B64[(n >> 18) & 63] as string) + (B64[(n >> 12) & 63] as string);
    out += i + 1 < b.length ? (B64[(n >> 6) & 63] as string) : '=';
    out += i + 2 < b.length ? (B64[n & 63] as string) : '=';
  }
  return out;
}

/**
 * Strict standard base64 decoding as Go's `base64.StdEncoding.DecodeString` (CR and LF are
 * skipped): the bytes, or the byte offset Go reports as "illegal base64 data at input byte N".
 */
export function base64Decode(text: string): Uint8Array | number {
  const src = utf8Bytes(text);
  const out: number[] = [];
  const value = (c: number): number => B64.indexOf(String.fromCharCode(c));
  const newline = (c: number | undefined): boolean => c === 10 || c === 13;
  let si = 0;
  while (si < src.length) {
    const dbuf = [0, 0, 0, 0];
    let dlen = 4;
    let trailing: number | undefined;
    let j = 0;
    for (; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return Uint8Array.from(out);
        return si - j;
      }
      const c = src[si] as number;
      si++;
      const v = c < 128 ? value(c) : -1;
      if (v >= 0) {
        dbuf[j] = v;
        continue;
      }
      if (newline(c)) {
        j--;
        continue;
      }
      if (c !== 61) return si - 1;
      // Padding: the quantum ends here.
      if (j < 2) return si - 1;
      if (j === 2) {
        while (si < src.length && newline(src[si])) si++;
        if (si === src.length) return src.length;
        if (src[si] !== 61) return si - 1;
        si++;
      }
      while (si < src.length && newline(src[si])) si++;
      if (si < src.length) trailing = si;
      dlen = j;
      break;
    }
    const n = ((dbuf[0] ?? 0) << 18) | ((dbuf[1] ?? 0) << 12) | ((dbuf[2] ?? 0) << 6) | (dbuf[3] ?? 0);
    const bytes = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
    out.push(...bytes.slice(0, dlen - 1));
    if (trailing !== undefined) return trailing;
    if (dlen < 4) return Uint8Array.from(out);
  }
  return Uint8Array.from(out);
}
