/**
 * Exact decimal rounding of float64 values, as Go's strconv does it (correctly rounded, ties
 * to even), for `%f`, `%e` and `%g` with a precision.
 * JS's `toFixed`/`toExponential` round ties away from zero, which differs for values such as
 * 0.25 or 2.5.
 */

/** The exact value of |f| as `int / 10^scale`. */
function exact(f: number): { int: bigint; scale: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(f));
  const bits = view.getBigUint64(0);
  let exp = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  if (exp === 0) exp = 1;
  else mant |= 1n << 52n;
  const e2 = exp - 1075;
  if (e2 >= 0) return { int: mant << BigInt(e2), scale: 0 };
  return { int: mant * 5n ** BigInt(-e2), scale: -e2 };
}

function roundDiv(n: bigint, div: bigint): bigint {
  const q = n / div;
  const twice = (n % div) * 2n;
  return twice > div || (twice === div && q % 2n === 1n) ? q + 1n : q;
}

/** |f| with `prec` digits after the point, correctly rounded (ties to even). */
export function fixedDigits(f: number, prec: number): string {
  const { int, scale } = exact(f);
  const q = scale <= prec ? int * 10n ** BigInt(prec - scale) : roundDiv(int, 10n ** BigInt(scale - prec));
  const s = q.toString().padStart(prec + 1, '0');
  return prec > 0 ? `${s.slice(0, -prec)}.${s.slice(-prec)}` : s;
}

/** |f| rounded to `n` significant digits: the digits and the decimal exponent of the first. */
export function significantDigits(f: number, n: number): { digits: string; exp: number } {
  if (f === 0) return { digits: '0'.repeat(n), exp: 0 };
  const { int, scale } = exact(f);
  const str = int.toString();
  let exp = str.length - 1 - scale;
  let digits: string;
  if (str.length > n) {
    let q = roundDiv(int, 10n ** BigInt(str.length - n));
    if (q.toString().length > n) {
      q /= 10n;
      exp++;
    }
    digits = q.toString();
  } else digits = str.padEnd(n, '0');
  return { digits, exp };
}
