// strconv.FormatFloat: formats e, E, f, g, G (shortest digits when prec < 0, exact
// decimal expansion rounded half to even otherwise), plus b, x and X.

import { fmtBinary, fmtHex } from './strconv-ftoa-bits.js';

/** Decimal digits and point position: value = 0.d1d2d3… × 10^dp. */
export interface Digits {
  d: string;
  dp: number;
}

/** The shortest digits that read back as `f` (|f| > 0, finite); for float32 when bits is 32. */
export function shortestDigits(f: number, bits = 64): Digits {
  const a = Math.abs(f);
  if (bits === 32) {
    for (let p = 1; p <= 9; p++) {
      const s = a.toPrecision(p);
      if (Math.fround(Number(s)) === a) return fromExponential(Number(s).toExponential(p - 1));
    }
  }
  return fromExponential(a.toExponential());
}

function fromExponential(e: string): Digits {
  const i = e.indexOf('e');
  const mant = e.slice(0, i).replace('.', '');
  const exp = Number(e.slice(i + 1));
  const d = mant.replace(/0+$/, '') || '0';
  return { d, dp: exp + 1 };
}

/** The exact decimal expansion of a finite double (|f| > 0). */
export function exactDigits(f: number): Digits {
  const a = Math.abs(f);
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, a);
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  const expBits = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (expBits === 0) e = -1074;
  else {
    mant |= 1n << 52n;
    e = expBits - 1075;
  }
  let s: string;
  let dp: number;
  if (e >= 0) {
    s = (mant << BigInt(e)).toString();
    dp = s.length;
  } else {
    s = (mant * 5n ** BigInt(-e)).toString();
    dp = s.length + e;
  }
  const trimmed = s.replace(/0+$/, '');
  return { d: trimmed || '0', dp };
}

/** Rounds to `n` digits like Go's decimal.Round: half to even on exact ties, trailing zeros trimmed. */
export function roundDigits(x: Digits, n: number): Digits {
  if (n < 0 || n >= x.d.length) return x;
  const next = x.d.charCodeAt(n) - 48;
  let up = next >= 5;
  if (next === 5 && n + 1 === x.d.length) up = n > 0 && (x.d.charCodeAt(n - 1) - 48) % 2 === 1;
  if (up) {
    let i = n - 1;
    while (i >= 0 && x.d[i] === '9') i--;
    if (i < 0) return { d: '1', dp: x.dp + 1 };
    return { d: x.d.slice(0, i) + String.fromCharCode(x.d.charCodeAt(i) + 1), dp: x.dp };
  }
  const d = x.d.slice(0, n).replace(/0+$/, '');
  return { d, dp: d ? x.dp : 0 };
}

function fmtE(x: Digits, prec: number, neg: boolean, upper: boolean): string {
  let s = neg ? '-' : '';
  s += x.d.length === 0 ? '0' : x.d[0];
  if (prec > 0) {
    s += '.';
    for (let i = 1; i <= prec; i++) s += i < x.d.length ? x.d[i] : '0';
  }
  const exp = x.d.length === 0 ? 0 : x.dp - 1;
  const ae = Math.abs(exp);
  return s + (upper ? 'E' : 'e') + (exp < 0 ? '-' : '+') + (ae < 10 ? '0' + ae : String(ae));
}

function fmtF(x: Digits, prec: number, neg: boolean): string {
  let s = neg ? '-' : '';
  if (x.dp > 0) {
    let m = Math.min(x.d.length, x.dp);
    s += x.d.slice(0, m);
    for (; m < x.dp; m++) s += '0';
  } else s += '0';
  if (prec > 0) {
    s += '.';
    for (let i = 1; i <= prec; i++) {
      const j = x.dp + i - 1;
      s += j >= 0 && j < x.d.length ? x.d[j] : '0';
    }
  }
  return s;
}

export type FloatFormat = 'e' | 'E' | 'f' | 'g' | 'G' | 'b' | 'x' | 'X';

/**
 * strconv.FormatFloat(f, fmt, prec, bits). prec < 0 means the shortest representation
 * that reads back exactly; bits 32 formats `f` as a float32.
 */
export function formatFloat(f: number, fmt: FloatFormat, prec: number, bits = 64): string {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  if (fmt === 'b') return fmtBinary(f, bits);
  if (fmt === 'x' || fmt === 'X') return fmtHex(f, prec, fmt, bits);
  const neg = f < 0 || Object.is(f, -0);
  const shortest = prec < 0;
  let x: Digits;
  if (f === 0) x = { d: '', dp: 0 };
  else if (shortest) x = shortestDigits(f, bits);
  else {
    const ex = exactDigits(bits === 32 ? Math.fround(f) : f);
    switch (fmt) {
      case 'e':
      case 'E':
        x = roundDigits(ex, prec + 1);
        break;
      case 'f':
        x = roundDigits(ex, ex.dp + prec);
        break;
      default:
        x = roundDigits(ex, prec === 0 ? 1 : prec);
    }
  }
  const nd = x.d.length;
  if (shortest) {
    if (fmt === 'e' || fmt === 'E') prec = Math.max(nd - 1, 0);
    else if (fmt === 'f') prec = Math.max(nd - x.dp, 0);
    else prec = nd;
  }
  switch (fmt) {
    case 'e':
    case 'E':
      return fmtE(x, prec, neg, fmt === 'E');
    case 'f':
      return fmtF(x, prec, neg);
    default: {
      if (!shortest && prec === 0) prec = 1;
      let eprec = prec;
      if (eprec > nd && nd >= x.dp) eprec = nd;
      if (shortest) eprec = 6;
      const exp = x.dp - 1;
      if (exp < -4 || exp >= eprec) {
        if (prec > nd) prec = nd;
        return fmtE(x, prec - 1, neg, fmt === 'G');
      }
      if (prec > x.dp) prec = nd;
      return fmtF(x, Math.max(prec - x.dp, 0), neg);
    }
  }
}
