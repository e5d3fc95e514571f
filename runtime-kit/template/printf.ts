/**
 * Go's `fmt.Sprintf`, `fmt.Sprint` and `fmt.Sprintln` over template values: the verbs
 * `%v %s %d %q %t %f %F %e %E %g %G %x %X %o %O %b %c %U %%`, flags `+ - # 0 space`, width and
 * precision (including `*`), and Go's error forms (`%!d(string=x)`, `%!s(MISSING)`,
 * `%!(EXTRA int64=1)`, `%!(NOVERB)`).
 */
import { fixedFromDigits, formatFloatV, formatV, goExponent, nonFinite, shortestDigits } from './format.ts';
import { fixedDigits, hexFloat, significantDigits } from './decimal.ts';
import { goQuote, goQuoteRune } from './quote.ts';
import { type GoValue, goTypeName, isMap, isNil, sortedKeys, utf8Bytes } from './values.ts';

interface Spec {
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  width: number | undefined;
  prec: number | undefined;
  verb: string;
}

function runeLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function pad(s: string, sp: Spec, numeric: boolean): string {
  const w = sp.width ?? 0;
  const n = runeLength(s);
  if (n >= w) return s;
  if (sp.minus) return s + ' '.repeat(w - n);
  if (sp.zero) {
    const signed = numeric && /^[+\- ]/.test(s);
    const head = signed ? s[0] : '';
    const body = signed ? s.slice(1) : s;
    return head + '0'.repeat(w - n) + body;
  }
  return ' '.repeat(w - n) + s;
}

/** Go's `%!verb(type=value)`: the value is printed with `%v` and the same flags. */
function badVerb(sp: Spec, v: GoValue): string {
  if (isNil(v)) return `%!${sp.verb}(<nil>)`;
  return `%!${sp.verb}(${goTypeName(v)}=${formatArg(v, { ...sp, verb: 'v' }, 0)})`;
}

function signed(body: string, negative: boolean, sp: Spec): string {
  if (negative) return `-${body}`;
  if (sp.plus) return `+${body}`;
  if (sp.space) return ` ${body}`;
  return body;
}

function formatInt(n: bigint, sp: Spec): string {
  const neg = n < 0n;
  const abs = neg ? -n : n;
  let body: string;
  switch (sp.verb) {
    case 'v':
    case 'd':
      body = abs.toString(10);
      break;
    case 'b':
      body = abs.toString(2);
      break;
    case 'o':
    case 'O':
      body = abs.toString(8);
      break;
    case 'x':
      body = abs.toString(16);
      break;
    case 'X':
      body = abs.toString(16).toUpperCase();
      break;
    case 'c':
      return pad(String.fromCodePoint(validRune(n)), sp, false);
    case 'q':
      return pad(goQuoteRune(Number(n)), sp, false);
    case 'U':
      return pad(`U+${abs.toString(16).toUpperCase().padStart(4, '0')}`, sp, false);
    default:
      return badVerb(sp, n);
  }
  if (sp.prec !== undefined) body = sp.prec === 0 && abs === 0n ? '' : body.padStart(sp.prec, '0');
  if (sp.verb === 'O') body = `0o${body}`;
  else if (sp.sharp && sp.verb === 'o' && !body.startsWith('0')) body = `0${body}`;
  else if (sp.sharp && sp.verb === 'x') body = `0x${body}`;
  else if (sp.sharp && sp.verb === 'X') body = `0X${body}`;
  return pad(signed(body, neg, sp), { ...sp, zero: sp.zero && sp.prec === undefined }, true);
}

function validRune(n: bigint): number {
  const cp = Number(n);
  return n >= 0n && n <= 0x10ffffn && !(cp >= 0xd800 && cp <= 0xdfff) ? cp : 0xfffd;
}

function expForm(f: number, prec: number, upper: boolean): string {
  const { digits, exp } = significantDigits(f, prec + 1);
  const mant = prec > 0 ? `${digits[0]}.${digits.slice(1)}` : digits;
  return mant + goExponent(f === 0 ? 0 : exp, upper);
}

function fixedForm(f: number, prec: number): string {
  return fixedDigits(f, prec);
}

function gForm(f: number, prec: number | undefined, upper: boolean, sharp: boolean): string {
  const abs = Math.abs(f);
  if (abs === 0) return prec !== undefined && sharp ? `0.${'0'.repeat(Math.max(prec - 1, 0))}` : '0';
  let digits: string;
  let exp: number;
  let eprec: number;
  if (prec === undefined) {
    ({ digits, exp } = shortestDigits(abs));
    eprec = 6;
  } else {
    const p = prec === 0 ? 1 : prec;
    ({ digits, exp } = significantDigits(abs, p));
    if (!sharp) digits = digits.replace(/0+$/, '') || '0';
    eprec = p;
    if (eprec > digits.length && digits.length >= exp + 1) eprec = digits.length;
  }
  if (exp < -4 || exp >= eprec) {
    const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return mant + goExponent(exp, upper);
  }
  return fixedFromDigits(digits, exp);
}

function formatFloat(f: number, sp: Spec): string {
  const special = nonFinite(f);
  if (special !== undefined) {
    if (!['v', 'e', 'E', 'f', 'F', 'g', 'G', 'x', 'X'].includes(sp.verb)) return badVerb(sp, f);
    const s = special === 'NaN' ? (sp.plus ? '+NaN' : sp.space ? ' NaN' : 'NaN') : special === '+Inf' && !sp.plus ? (sp.space ? ' Inf' : 'Inf') : special;
    return pad(s, { ...sp, zero: false }, true);
  }
  const neg = f < 0 || Object.is(f, -0);
  let body: string;
  switch (sp.verb) {
    case 'v':
      body = sp.prec === undefined ? formatFloatV(Math.abs(f)) : gForm(f, sp.prec, false, sp.sharp);
      break;
    case 'g':
    case 'G':
      body = gForm(f, sp.prec, sp.verb === 'G', sp.sharp);
      break;
    case 'e':
    case 'E':
      body = expForm(f, sp.prec ?? 6, sp.verb === 'E');
      break;
    case 'f':
    case 'F':
      body = fixedForm(f, sp.prec ?? 6);
      break;
    case 'x':
    case 'X':
      body = hexFloat(f, sp.verb === 'X');
      break;
    default:
      return badVerb(sp, f);
  }
  return pad(signed(body, neg, sp), sp, true);
}

function formatString(s: string, sp: Spec): string {
  switch (sp.verb) {
    case 'v':
    case 's': {
      const t = sp.prec === undefined ? s : Array.from(s).slice(0, sp.prec).join('');
      return pad(t, sp, false);
    }
    case 'q':
      return pad(goQuote(sp.prec === undefined ? s : Array.from(s).slice(0, sp.prec).join('')), sp, false);
    case 'x':
    case 'X': {
      let hex = Array.from(utf8Bytes(s), (b) => b.toString(16).padStart(2, '0')).join(sp.space ? ' ' : '');
      if (sp.verb === 'X') hex = hex.toUpperCase();
      return pad(hex, sp, false);
    }
    default:
      return badVerb(sp, s);
  }
}

/** Formats one operand with one verb, recursing into lists and maps as Go's `printValue` does. */
function formatArg(v: GoValue, sp: Spec, depth: number): string {
  if (isNil(v)) return depth > 0 || sp.verb === 'v' ? pad('<nil>', sp, false) : badVerb(sp, v);
  switch (typeof v) {
    case 'boolean':
      return sp.verb === 'v' || sp.verb === 't' ? pad(v ? 'true' : 'false', sp, false) : badVerb(sp, v);
    case 'bigint':
      return formatInt(v, sp);
    case 'number':
      return formatFloat(v, sp);
    case 'string':
      return formatString(v, sp);
  }
  if (Array.isArray(v)) return `[${v.map((e) => formatArg(e, sp, depth + 1)).join(' ')}]`;
  if (isMap(v)) return `map[${sortedKeys(v).map((k) => `${formatArg(k, sp, depth + 1)}:${formatArg(v[k], sp, depth + 1)}`).join(' ')}]`;
  return badVerb(sp, null);
}

function extraArg(v: GoValue): string {
  return isNil(v) ? '<nil>' : `${goTypeName(v)}=${formatV(v)}`;
}

/** Go's `fmt.Sprintf`. */
export function sprintf(format: string, args: readonly GoValue[]): string {
  let out = '';
  let argi = 0;
  let i = 0;
  let reordered = false;
  let badIndex = false;
  const takeStar = (): number | undefined => {
    const a = args[argi++];
    return typeof a === 'bigint' ? Number(a) : undefined;
  };
  /** An explicit argument index `[n]` (1-based) at the current position. */
  const argIndex = (): void => {
    if (format[i] !== '[') return;
    reordered = true;
    const m = /^\[(\d+)\]/.exec(format.slice(i));
    const n = m ? Number(m[1]) : 0;
    if (m && n >= 1 && n <= args.length) {
      argi = n - 1;
      i += m[0].length;
      return;
    }
    badIndex = true;
    const close = format.indexOf(']', i);
    i = close < 0 ? i + 1 : close + 1;
  };
  while (i < format.length) {
    const pct = format.indexOf('%', i);
    if (pct < 0) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, pct);
    i = pct + 1;
    const sp: Spec = { minus: false, plus: false, sharp: false, space: false, zero: false, width: undefined, prec: undefined, verb: '' };
    for (; i < format.length; i++) {
      const c = format[i];
      if (c === '-') sp.minus = true;
      else if (c === '+') sp.plus = true;
      else if (c === '#') sp.sharp = true;
      else if (c === ' ') sp.space = true;
      else if (c === '0') sp.zero = !sp.minus;
      else break;
    }
    argIndex();
    if (format[i] === '*') {
      i++;
      sp.width = takeStar();
      if (sp.width !== undefined && sp.width < 0) {
        sp.minus = true;
        sp.width = -sp.width;
      }
    } else {
      const m = /^\d+/.exec(format.slice(i));
      if (m) {
        sp.width = Number(m[0]);
        i += m[0].length;
      }
    }
    if (format[i] === '.') {
      i++;
      argIndex();
      if (format[i] === '*') {
        i++;
        sp.prec = takeStar();
      } else {
        const m = /^\d+/.exec(format.slice(i));
        sp.prec = m ? Number(m[0]) : 0;
        if (m) i += m[0].length;
      }
    }
    argIndex();
    if (i >= format.length) {
      out += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i) ?? 0);
    i += verb.length;
    sp.verb = verb;
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (badIndex) {
      badIndex = false;
      out += `%!${verb}(BADINDEX)`;
      continue;
    }
    if (argi >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    const arg = args[argi++] ?? null;
    if (verb === 'T') out += pad(isNil(arg) ? '<nil>' : goTypeName(arg), sp, false);
    else out += formatArg(arg, sp, 0);
  }
  if (!reordered && argi < args.length) out += `%!(EXTRA ${args.slice(argi).map(extraArg).join(', ')})`;
  return out;
}

/** Go's `fmt.Sprint`: spaces between operands when neither side is a string. */
export function sprint(args: readonly GoValue[]): string {
  let out = '';
  let prevString = false;
  args.forEach((a, i) => {
    const isString = typeof a === 'string';
    if (i > 0 && !isString && !prevString) out += ' ';
    out += formatV(a ?? null);
    prevString = isString;
  });
  return out;
}

/** Go's `fmt.Sprintln`: operands separated by spaces, then a newline. */
export function sprintln(args: readonly GoValue[]): string {
  return `${args.map((a) => formatV(a ?? null)).join(' ')}\n`;
}
