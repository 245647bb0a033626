// strconv.ParseFloat: decimal and hexadecimal (`0x1.8p3`) forms, underscores where Go's
// literal syntax allows them, inf/infinity/nan in any case, range errors as ±Inf.

import { ERR_RANGE, ERR_SYNTAX } from './errors.js';
import { NumError, underscoreOK } from './strconv-atoi.js';

/** Go's `special`: a signed inf/infinity, or an unsigned nan, as a prefix of `s`; returns [value, length]. */
function special(s: string): [number, number] | undefined {
  let sign = 1;
  let nsign = 0;
  let t = s;
  if (t[0] === '+' || t[0] === '-') {
    if (t[0] === '-') sign = -1;
    nsign = 1;
    t = t.slice(1);
  } else if (/^nan/i.test(t)) return [NaN, 3];
  const m = /^inf(inity)?/i.exec(t);
  if (m) return [sign * Infinity, nsign + m[0].length];
  return undefined;
}

interface Mantissa {
  neg: boolean;
  hex: boolean;
  /** Every mantissa digit, without the point and underscores. */
  digits: string;
  /** Digits after the point. */
  frac: number;
  /** The written exponent (decimal power for 'e', binary power for 'p'). */
  exp: number;
  /** Bytes of `s` that make up the number. */
  n: number;
}

const isDec = (c: number) => c >= 0x30 && c <= 0x39;
const isHexLetter = (c: number) => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66;

/** Go's readFloat: the longest float prefix of `s`, or undefined when none is valid. */
function readFloat(s: string): Mantissa | undefined {
  let i = 0;
  let neg = false;
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-';
    i++;
  }
  let hex = false;
  if (i + 2 < s.length && s[i] === '0' && (s.charCodeAt(i + 1) | 0x20) === 0x78) {
    hex = true;
    i += 2;
  }
  let digits = '';
  let frac = 0;
  let sawdot = false;
  let underscores = false;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x5f) underscores = true;
    else if (c === 0x2e) {
      if (sawdot) break;
      sawdot = true;
    } else if (isDec(c) || (hex && isHexLetter(c))) {
      digits += s[i];
      if (sawdot) frac++;
    } else break;
  }
  if (digits === '') return undefined;
  let exp = 0;
  if (i < s.length && (s.charCodeAt(i) | 0x20) === (hex ? 0x70 : 0x65)) {
    i++;
    let esign = 1;
    if (s[i] === '+' || s[i] === '-') esign = s[i++] === '-' ? -1 : 1;
    if (i >= s.length || !isDec(s.charCodeAt(i))) return undefined;
    for (; i < s.length && (isDec(s.charCodeAt(i)) || s[i] === '_'); i++) {
      if (s[i] === '_') underscores = true;
      else if (exp < 10000) exp = exp * 10 + s.charCodeAt(i) - 0x30;
    }
    exp *= esign;
  } else if (hex) return undefined;
  if (underscores && !underscoreOK(s.slice(0, i))) return undefined;
  return { neg, hex, digits, frac, exp, n: i };
}

/** m × 2^e rounded once (half to even) to a float of `mantBits` explicit bits; may overflow to Infinity. */
export function scaleBinary(m: bigint, e: number, mantBits = 52, minExp = -1022): number {
  if (m === 0n) return 0;
  const top = m.toString(2).length - 1 + e; // exponent of the leading bit
  const lsb = Math.max(top - mantBits, minExp - mantBits);
  const shift = lsb - e;
  let q: bigint;
  if (shift <= 0) q = m << BigInt(-shift);
  else {
    const s = BigInt(shift);
    q = m >> s;
    const rem = m - (q << s);
    const half = 1n << (s - 1n);
    if (rem > half || (rem === half && (q & 1n) === 1n)) q++;
  }
  if (lsb > 1100) return Infinity;
  return Number(q) * 2 ** lsb;
}

const FLOAT32_MAX = 3.4028234663852886e38;

/** strconv.ParseFloat(s, bitSize): the nearest float; throws NumError (syntax, or range with ±Inf as `value`). */
export function parseFloat64(s: string, bitSize = 64): number {
  const sp = special(s);
  if (sp) {
    if (sp[1] !== s.length) throw new NumError('ParseFloat', s, ERR_SYNTAX);
    return sp[0];
  }
  const m = readFloat(s);
  if (!m || m.n !== s.length) throw new NumError('ParseFloat', s, ERR_SYNTAX);
  let v: number;
  if (m.hex) {
    v = bitSize === 32 ? scaleBinary(BigInt('0x' + m.digits), m.exp - 4 * m.frac, 23, -126) : scaleBinary(BigInt('0x' + m.digits), m.exp - 4 * m.frac);
    if (bitSize === 32 && v > FLOAT32_MAX) v = Infinity;
  } else {
    const text = s.includes('_') ? s.replace(/_/g, '') : s;
    v = Math.abs(Number(text));
    if (bitSize === 32) v = Math.fround(v);
  }
  if (m.neg) v = -v;
  if (!Number.isFinite(v)) throw new NumError('ParseFloat', s, ERR_RANGE, v);
  return v;
}
