/**
 * Go's `strconv.FormatFloat(f, fmt, prec, 64)` for the formats `fmt` uses: 'e', 'E', 'f', 'g',
 * 'G', 'x', 'X', 'b', with `prec` -1 meaning the shortest representation that round-trips.
 * Rounding is exact (ties to even), like Go's.
 */
import { fixedDigits, significantDigits } from './decimal.ts';
import { shortestDigits } from './format.ts';

/** Decimal digits without trailing zeros; the value is 0.digits × 10^dp. */
interface Digits {
  readonly d: string;
  readonly dp: number;
}

function trimmed(digits: string, exp: number): Digits {
  const d = digits.replace(/0+$/, '');
  return d === '' ? { d: '', dp: 0 } : { d, dp: exp + 1 };
}

function shortest(abs: number): Digits {
  if (abs === 0) return { d: '', dp: 0 };
  const { digits, exp } = shortestDigits(abs);
  return trimmed(digits, exp);
}

/** |f| rounded to n ≥ 1 significant digits. */
function rounded(abs: number, n: number): Digits {
  if (abs === 0) return { d: '', dp: 0 };
  const { digits, exp } = significantDigits(abs, n);
  return trimmed(digits, exp);
}

function fmtE(neg: boolean, g: Digits, prec: number, ch: string): string {
  let s = neg ? '-' : '';
  s += g.d.length > 0 ? (g.d[0] as string) : '0';
  if (prec > 0) {
    s += '.';
    let i = 1;
    const m = Math.min(g.d.length, prec + 1);
    if (i < m) {
      s += g.d.slice(i, m);
      i = m;
    }
    for (; i <= prec; i++) s += '0';
  }
  let exp = g.dp - 1;
  if (g.d.length === 0) exp = 0;
  s += ch + (exp < 0 ? '-' : '+');
  s += String(Math.abs(exp)).padStart(2, '0');
  return s;
}

function fmtF(neg: boolean, g: Digits, prec: number): string {
  let s = neg ? '-' : '';
  if (g.dp > 0) {
    const m = Math.min(g.d.length, g.dp);
    s += g.d.slice(0, m) + '0'.repeat(g.dp - m);
  } else s += '0';
  if (prec > 0) {
    s += '.';
    for (let i = 1; i <= prec; i++) {
      const j = g.dp + i - 1;
      s += j >= 0 && j < g.d.length ? (g.d[j] as string) : '0';
    }
  }
  return s;
}

function bits(f: number): { mant: bigint; exp: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, f);
  const b = view.getBigUint64(0);
  let exp = Number((b >> 52n) & 0x7ffn);
  let mant = b & ((1n << 52n) - 1n);
  if (exp === 0) exp++;
  else mant |= 1n << 52n;
  return { mant, exp: exp - 1023 };
}

function fmtX(neg: boolean, f: number, prec: number, ch: 'x' | 'X'): string {
  let { mant, exp } = bits(f);
  if (mant === 0n) exp = 0;
  mant <<= 8n; // leading bit from 1<<52 to 1<<60
  while (mant !== 0n && (mant & (1n << 60n)) === 0n) {
    mant <<= 1n;
    exp--;
  }
  const mask60 = (1n << 60n) - 1n;
  if (prec >= 0 && prec < 15) {
    const shift = BigInt(prec * 4);
    const extra = (mant << shift) & mask60;
    mant >>= 60n - shift;
    if ((extra | (mant & 1n)) > 1n << 59n) mant++;
    mant <<= 60n - shift;
    if ((mant & (1n << 61n)) !== 0n) {
      mant >>= 1n;
      exp++;
    }
  }
  const hex = ch === 'X' ? '0123456789ABCDEF' : '0123456789abcdef';
  let s = `${neg ? '-' : ''}0${ch}${(mant >> 60n) & 1n}`;
  mant = (mant << 4n) & ((1n << 64n) - 1n);
  const digit = (): string => hex[Number((mant >> 60n) & 15n)] as string;
  if (prec < 0 && mant !== 0n) {
    s += '.';
    while (mant !== 0n) {
      s += digit();
      mant = (mant << 4n) & ((1n << 64n) - 1n);
    }
  } else if (prec > 0) {
    s += '.';
    for (let i = 0; i < prec; i++) {
      s += digit();
      mant = (mant << 4n) & ((1n << 64n) - 1n);
    }
  }
  s += ch === 'X' ? 'P' : 'p';
  s += exp < 0 ? '-' : '+';
  return s + String(Math.abs(exp)).padStart(2, '0');
}

/** Go's strconv.FormatFloat for a finite float64. */
export function formatFloat(f: number, fmt: string, prec: number): string {
  const neg = f < 0 || Object.is(f, -0);
  const abs = Math.abs(f);
  switch (fmt) {
    case 'x':
    case 'X':
      return fmtX(neg, f, prec, fmt);
    case 'b': {
      const { mant, exp } = bits(f);
      return `${neg ? '-' : ''}${mant}p${exp - 52 < 0 ? '-' : '+'}${Math.abs(exp - 52)}`;
    }
    case 'e':
    case 'E': {
      const g = prec < 0 ? shortest(abs) : rounded(abs, prec + 1);
      return fmtE(neg, g, prec < 0 ? Math.max(g.d.length - 1, 0) : prec, fmt);
    }
    case 'f': {
      if (prec < 0) {
        const g = shortest(abs);
        return fmtF(neg, g, Math.max(g.d.length - g.dp, 0));
      }
      const fixed = fixedDigits(abs, prec);
      return (neg ? '-' : '') + fixed;
    }
    default: {
      // 'g' / 'G'
      const upper = fmt === 'G';
      let p = prec;
      let g: Digits;
      if (p < 0) {
        g = shortest(abs);
        p = g.d.length;
      } else {
        if (p === 0) p = 1;
        g = rounded(abs, p);
      }
      let eprec = p;
      if (eprec > g.d.length && g.d.length >= g.dp) eprec = g.d.length;
      if (prec < 0) eprec = 6;
      const exp = g.dp - 1;
      if (exp < -4 || exp >= eprec) {
        if (p > g.d.length) p = g.d.length;
        return fmtE(neg, g, p - 1, upper ? 'E' : 'e');
      }
      if (p > g.dp) p = g.d.length;
      return fmtF(neg, g, Math.max(p - g.dp, 0));
    }
  }
}
