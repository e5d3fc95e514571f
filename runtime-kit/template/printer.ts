/**
 * The printer behind Go's `fmt` verbs, after the structure of Go's fmt package: per-directive
 * flags (`+ - # 0 space`), width and precision, and the formatting of bools, integers
 * (`fmtInteger`), floats (`fmtFloat`, `#` handling), strings (`%s %q %x`), lists and maps,
 * `%#v`, and `%!verb(type=value)` for bad verbs. `printf.ts` parses format strings and drives it.
 */
import { fail } from './errors.ts';
import { nonFinite } from './format.ts';
import { MAX_DEPTH } from './json.ts';
import { canBackquote, goQuote, goQuoteASCII, goQuoteRune, isPrint } from './quote.ts';
import { formatFloat } from './strconv-float.ts';
import { type GoValue, goTypeName, isMap, isNil, sortedKeys, utf8Bytes } from './values.ts';

/** Flags of one directive. */
export interface Flags {
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  sharpV: boolean;
  plusV: boolean;
  wid: number | undefined;
  prec: number | undefined;
}

/** No flags set. */
export const clear = (): Flags => ({ minus: false, plus: false, sharp: false, space: false, zero: false, sharpV: false, plusV: false, wid: undefined, prec: undefined });

function runeCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

const U64 = 1n << 64n;

/** The printer: one per Sprintf call, holding the output and the current directive's flags. */
export class Printer {
  buf = '';
  f: Flags = clear();

  private padding(n: number): string {
    return n > 0 ? (this.f.zero ? '0' : ' ').repeat(n) : '';
  }

  /** Writes s padded to the width (zeros on the left when the zero flag is set). */
  pad(s: string): void {
    const w = this.f.wid;
    if (w === undefined || w === 0) {
      this.buf += s;
      return;
    }
    const n = w - runeCount(s);
    if (!this.f.minus) this.buf += this.padding(n) + s;
    else this.buf += s + (n > 0 ? ' '.repeat(n) : '');
  }

  private truncate(s: string): string {
    const p = this.f.prec;
    if (p === undefined) return s;
    return Array.from(s).slice(0, Math.max(p, 0)).join('');
  }

  fmtS(s: string): void {
    this.pad(this.truncate(s));
  }

  fmtQ(s: string): void {
    const t = this.truncate(s);
    if (this.f.sharp && canBackquote(t)) this.pad(`\`${t}\``);
    else this.pad(this.f.plus ? goQuoteASCII(t) : goQuote(t));
  }

  fmtSbx(s: string, upper: boolean): void {
    const bytes = utf8Bytes(s);
    const digits = upper ? '0123456789ABCDEF' : '0123456789abcdef';
    let length = bytes.length;
    if (this.f.prec !== undefined && this.f.prec < length) length = this.f.prec;
    let width = 2 * length;
    if (width > 0) {
      if (this.f.space) {
        if (this.f.sharp) width *= 2;
        width += length - 1;
      } else if (this.f.sharp) width += 2;
    } else {
      if (this.f.wid !== undefined) this.buf += this.padding(this.f.wid);
      return;
    }
    const w = this.f.wid ?? 0;
    if (w > width && !this.f.minus) this.buf += this.padding(w - width);
    const x = upper ? 'X' : 'x';
    if (this.f.sharp) this.buf += `0${x}`;
    for (let i = 0; i < length; i++) {
      if (this.f.space && i > 0) {
        this.buf += ' ';
        if (this.f.sharp) this.buf += `0${x}`;
      }
      const c = bytes[i] ?? 0;
      this.buf += (digits[c >> 4] as string) + (digits[c & 15] as string);
    }
    if (w > width && this.f.minus) this.buf += this.padding(w - width);
  }

  fmtBoolean(b: boolean): void {
    this.pad(b ? 'true' : 'false');
  }

  /** Go's fmtInteger: `u` is the two's-complement uint64 of the value. */
  fmtInteger(v: bigint, base: number, verb: string, upper: boolean): void {
    const negative = v < 0n;
    let u = negative ? -v : v;
    let prec = 0;
    if (this.f.prec !== undefined) {
      prec = this.f.prec;
      if (prec === 0 && u === 0n) {
        const z = this.f.zero;
        this.f.zero = false;
        this.buf += this.padding(this.f.wid ?? 0);
        this.f.zero = z;
        return;
      }
    } else if (this.f.zero && !this.f.minus && this.f.wid !== undefined) {
      prec = this.f.wid;
      if (negative || this.f.plus || this.f.space) prec--;
    }
    let digits = u.toString(base);
    if (upper) digits = digits.toUpperCase();
    u = 0n;
    if (digits.length < prec) digits = '0'.repeat(prec - digits.length) + digits;
    if (this.f.sharp) {
      if (base === 2) digits = `0b${digits}`;
      else if (base === 8 && !digits.startsWith('0')) digits = `0${digits}`;
      else if (base === 16) digits = `0${upper ? 'X' : 'x'}${digits}`;
    }
    if (verb === 'O') digits = `0o${digits}`;
    if (negative) digits = `-${digits}`;
    else if (this.f.plus) digits = `+${digits}`;
    else if (this.f.space) digits = ` ${digits}`;
    const z = this.f.zero;
    this.f.zero = false;
    this.pad(digits);
    this.f.zero = z;
  }

  fmtUnicode(v: bigint): void {
    const u = v < 0n ? v + U64 : v;
    let prec = 4;
    if (this.f.prec !== undefined && this.f.prec > 4) prec = this.f.prec;
    let s = u.toString(16).toUpperCase();
    if (s.length < prec) s = '0'.repeat(prec - s.length) + s;
    s = `U+${s}`;
    if (this.f.sharp && u <= 0x10ffffn && !(u >= 0xd800n && u <= 0xdfffn)) {
      const ch = String.fromCodePoint(Number(u));
      if (isPrint(ch)) s += ` '${ch}'`;
    }
    const z = this.f.zero;
    this.f.zero = false;
    this.pad(s);
    this.f.zero = z;
  }

  private rune(v: bigint): number {
    const u = v < 0n ? v + U64 : v;
    return u > 0x10ffffn || (u >= 0xd800n && u <= 0xdfffn) ? 0xfffd : Number(u);
  }

  fmtC(v: bigint): void {
    this.pad(String.fromCodePoint(this.rune(v)));
  }

  fmtQc(v: bigint): void {
    this.pad(goQuoteRune(this.rune(v), this.f.plus));
  }

  /** Go's fmt.fmtFloat: strconv formatting, `#` handling, sign and zero padding. */
  fmtFloat(v: number, verb: string, precIn: number): void {
    const prec = this.f.prec !== undefined ? this.f.prec : precIn;
    const special = nonFinite(v);
    let num: string;
    if (special !== undefined) num = special === 'NaN' ? '+NaN' : special;
    else {
      const s = formatFloat(v, verb === 'F' ? 'f' : verb, prec);
      num = s.startsWith('-') ? s : `+${s}`;
    }
    if (this.f.space && num[0] === '+' && !this.f.plus) num = ` ${num.slice(1)}`;
    if (num[1] === 'I' || num[1] === 'N') {
      const z = this.f.zero;
      this.f.zero = false;
      if (num[1] === 'N' && !this.f.space && !this.f.plus) num = num.slice(1);
      this.pad(num);
      this.f.zero = z;
      return;
    }
    if (this.f.sharp && verb !== 'b') {
      let digits = 0;
      if (verb === 'v' || verb === 'g' || verb === 'G' || verb === 'x') digits = prec === -1 ? 6 : prec;
      let tail = '';
      let body = num;
      let hasPoint = false;
      let sawNonzero = false;
      for (let i = 1; i < body.length; i++) {
        const c = body[i] as string;
        if (c === '.') hasPoint = true;
        else if (c === 'p' || c === 'P' || ((c === 'e' || c === 'E') && verb !== 'x' && verb !== 'X')) {
          tail = body.slice(i);
          body = body.slice(0, i);
          break;
        } else {
          if (c !== '0') sawNonzero = true;
          if (sawNonzero) digits--;
        }
      }
      if (!hasPoint) {
        if (body.length === 2 && body[1] === '0') digits--;
        body += '.';
      }
      while (digits > 0) {
        body += '0';
        digits--;
      }
      num = body + tail;
    }
    if (this.f.plus || num[0] !== '+') {
      const w = this.f.wid;
      if (this.f.zero && !this.f.minus && w !== undefined && w > num.length) {
        this.buf += num[0] as string;
        this.buf += this.padding(w - num.length);
        this.buf += num.slice(1);
        return;
      }
      this.pad(num);
      return;
    }
    this.pad(num.slice(1));
  }

  badVerb(verb: string, v: GoValue, top: boolean): void {
    this.buf += `%!${verb}(`;
    if (isNil(v)) this.buf += '<nil>';
    else {
      this.buf += `${goTypeName(v)}=`;
      this.printValue(v, 'v', top ? 0 : 1);
    }
    this.buf += ')';
  }

  /** printArg: a top-level operand. */
  printArg(v: GoValue, verb: string): void {
    if (isNil(v)) {
      if (verb === 'T' || verb === 'v') this.pad('<nil>');
      else this.badVerb(verb, v, true);
      return;
    }
    if (verb === 'T') {
      this.fmtS(goTypeName(v));
      return;
    }
    this.printValue(v, verb, 0);
  }

  printValue(v: GoValue, verb: string, depth: number): void {
    if (depth > MAX_DEPTH) fail(`value nested deeper than ${MAX_DEPTH} levels cannot be printed`);
    if (isNil(v)) {
      this.buf += this.f.sharpV ? 'interface {}(nil)' : '<nil>';
      return;
    }
    switch (typeof v) {
      case 'boolean':
        if (verb === 't' || verb === 'v') this.fmtBoolean(v);
        else this.badVerb(verb, v, depth === 0);
        return;
      case 'bigint':
        this.printInt(v, verb, depth);
        return;
      case 'number':
        this.printFloat(v, verb, depth);
        return;
      case 'string':
        this.printString(v, verb, depth);
        return;
    }
    if (Array.isArray(v)) {
      if (this.f.sharpV) {
        this.buf += `${goTypeName(v)}{`;
        v.forEach((e, i) => {
          if (i > 0) this.buf += ', ';
          this.printValue(e ?? null, verb, depth + 1);
        });
        this.buf += '}';
      } else {
        this.buf += '[';
        v.forEach((e, i) => {
          if (i > 0) this.buf += ' ';
          this.printValue(e ?? null, verb, depth + 1);
        });
        this.buf += ']';
      }
      return;
    }
    if (isMap(v)) {
      this.buf += this.f.sharpV ? `${goTypeName(v)}{` : 'map[';
      sortedKeys(v).forEach((k, i) => {
        if (i > 0) this.buf += this.f.sharpV ? ', ' : ' ';
        this.printValue(k, verb, depth + 1);
        this.buf += ':';
        this.printValue(v[k] ?? null, verb, depth + 1);
      });
      this.buf += this.f.sharpV ? '}' : ']';
    }
  }

  private printInt(v: bigint, verb: string, depth: number): void {
    switch (verb) {
      case 'v':
      case 'd':
        this.fmtInteger(v, 10, verb, false);
        return;
      case 'b':
        this.fmtInteger(v, 2, verb, false);
        return;
      case 'o':
      case 'O':
        this.fmtInteger(v, 8, verb, false);
        return;
      case 'x':
        this.fmtInteger(v, 16, verb, false);
        return;
      case 'X':
        this.fmtInteger(v, 16, verb, true);
        return;
      case 'c':
        this.fmtC(v);
        return;
      case 'q':
        this.fmtQc(v);
        return;
      case 'U':
        this.fmtUnicode(v);
        return;
      default:
        this.badVerb(verb, v, depth === 0);
    }
  }

  private printFloat(v: number, verb: string, depth: number): void {
    switch (verb) {
      case 'v':
        this.fmtFloat(v, 'g', -1);
        return;
      case 'b':
      case 'g':
      case 'G':
      case 'x':
      case 'X':
        this.fmtFloat(v, verb, -1);
        return;
      case 'f':
      case 'e':
      case 'E':
      case 'F':
        this.fmtFloat(v, verb, 6);
        return;
      default:
        this.badVerb(verb, v, depth === 0);
    }
  }

  private printString(v: string, verb: string, depth: number): void {
    switch (verb) {
      case 'v':
        if (this.f.sharpV) this.fmtQ(v);
        else this.fmtS(v);
        return;
      case 's':
        this.fmtS(v);
        return;
      case 'x':
      case 'X':
        this.fmtSbx(v, verb === 'X');
        return;
      case 'q':
        this.fmtQ(v);
        return;
      default:
        this.badVerb(verb, v, depth === 0);
    }
  }
}

