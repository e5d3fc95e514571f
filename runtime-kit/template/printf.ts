/**
 * Go's `fmt.Sprintf`, `fmt.Sprint` and `fmt.Sprintln` over template values, following the
 * structure of Go's fmt package: per-directive flags (`+ - # 0 space`), width and precision
 * (`*` and `[n]` argument indexes included), the verbs for bools, integers, floats, strings,
 * lists and maps, `%v`/`%#v`/`%T`, and Go's error forms (`%!d(string=x)`, `%!s(MISSING)`,
 * `%!(EXTRA int64=1)`, `%!(NOVERB)`, `%!d(BADINDEX)`, `%!(BADWIDTH)`, `%!(BADPREC)`).
 */
import { clear, Printer } from './printer.ts';
import { type GoValue, goTypeName, isNil } from './values.ts';

/** Go's `fmt.Sprintf`. */
export function sprintf(format: string, args: readonly GoValue[]): string {
  const p = new Printer();
  let argNum = 0;
  let reordered = false;
  let goodArgNum = true;
  let i = 0;
  const end = format.length;
  /** Parses `[n]` at i; returns whether one was present. */
  const argNumber = (): boolean => {
    if (format[i] !== '[') return false;
    reordered = true;
    const m = /^\[(\d+)\]/.exec(format.slice(i));
    if (m) {
      const n = Number(m[1]);
      i += m[0].length;
      if (n >= 1 && n <= args.length) {
        argNum = n - 1;
        return true;
      }
      goodArgNum = false;
      return true;
    }
    goodArgNum = false;
    const close = format.indexOf(']', i);
    i = close < 0 ? end : close + 1;
    return true;
  };
  const intFromArg = (): number | undefined => {
    const a = args[argNum];
    if (argNum >= args.length) return undefined;
    argNum++;
    if (typeof a !== 'bigint') return undefined;
    if (a > 1_000_000n || a < -1_000_000n) return undefined;
    return Number(a);
  };
  while (i < end) {
    goodArgNum = true;
    const pct = format.indexOf('%', i);
    if (pct < 0) {
      p.buf += format.slice(i);
      break;
    }
    p.buf += format.slice(i, pct);
    i = pct + 1;
    p.f = clear();
    for (; i < end; i++) {
      const c = format[i];
      if (c === '#') p.f.sharp = true;
      else if (c === '0') p.f.zero = !p.f.minus;
      else if (c === '+') p.f.plus = true;
      else if (c === '-') {
        p.f.minus = true;
        p.f.zero = false;
      } else if (c === ' ') p.f.space = true;
      else break;
    }
    let afterIndex = argNumber();
    if (format[i] === '*') {
      i++;
      const w = intFromArg();
      if (w === undefined) p.buf += '%!(BADWIDTH)';
      else {
        p.f.wid = w;
        if (w < 0) {
          p.f.wid = -w;
          p.f.minus = true;
          p.f.zero = false;
        }
      }
      afterIndex = false;
    } else {
      const m = /^\d+/.exec(format.slice(i));
      if (m) {
        p.f.wid = Number(m[0]);
        i += m[0].length;
        if (afterIndex) goodArgNum = false;
      }
    }
    if (format[i] === '.') {
      i++;
      if (afterIndex) goodArgNum = false;
      afterIndex = argNumber();
      if (format[i] === '*') {
        i++;
        const pr = intFromArg();
        if (pr === undefined) p.buf += '%!(BADPREC)';
        else if (pr >= 0) p.f.prec = pr;
        afterIndex = false;
      } else {
        const m = /^\d+/.exec(format.slice(i));
        p.f.prec = m ? Number(m[0]) : 0;
        if (m) i += m[0].length;
      }
    }
    if (!afterIndex) afterIndex = argNumber();
    if (i >= end) {
      p.buf += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i) ?? 0);
    i += verb.length;
    if (verb === '%') {
      p.buf += '%';
      continue;
    }
    if (!goodArgNum) {
      p.buf += `%!${verb}(BADINDEX)`;
      continue;
    }
    if (argNum >= args.length) {
      p.buf += `%!${verb}(MISSING)`;
      continue;
    }
    if (verb === 'v') {
      p.f.sharpV = p.f.sharp;
      p.f.sharp = false;
      p.f.plusV = p.f.plus;
      p.f.plus = false;
    }
    p.printArg(args[argNum] ?? null, verb);
    argNum++;
  }
  if (!reordered && argNum < args.length) {
    p.f = clear();
    p.buf += '%!(EXTRA ';
    args.slice(argNum).forEach((a, k) => {
      if (k > 0) p.buf += ', ';
      if (isNil(a)) p.buf += '<nil>';
      else {
        p.buf += `${goTypeName(a)}=`;
        p.printArg(a, 'v');
      }
    });
    p.buf += ')';
  }
  return p.buf;
}

/** Go's `%v` of one value (`fmt.Sprint(v)`): nil prints `<nil>`. */
export function formatV(v: GoValue): string {
  const p = new Printer();
  p.printArg(v ?? null, 'v');
  return p.buf;
}

/** What `{{ pipeline }}` writes: nil is `<no value>` (later removed by `finish`). */
export function show(v: GoValue): string {
  return isNil(v) ? '<no value>' : formatV(v);
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
