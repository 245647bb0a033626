// time.ParseDuration and Duration.String, in bigint nanoseconds.

import { GoError } from './errors.js';
import { utf8Bytes } from './utf8.js';

const UNITS: Record<string, bigint> = {
  ns: 1n,
  us: 1000n,
  'µs': 1000n, // U+00B5 micro sign
  'μs': 1000n, // U+03BC Greek mu
  ms: 1000000n,
  s: 1000000000n,
  m: 60000000000n,
  h: 3600000000000n,
};

const LIMIT = 1n << 63n;

/** The time package's quote: non-ASCII and control bytes as \xNN, `"` and `\` escaped. */
export function timeQuote(s: string): string {
  let out = '"';
  const bytes = utf8Bytes(s);
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (c >= 0x80 || c < 0x20) out += '\\x' + c.toString(16).padStart(2, '0');
    else {
      if (c === 0x22 || c === 0x5c) out += '\\';
      out += String.fromCharCode(c);
    }
  }
  return out + '"';
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** time.ParseDuration: nanoseconds; throws GoError with Go's message (`time: invalid duration "x"`). */
export function parseDuration(orig: string): bigint {
  let s = orig;
  let neg = false;
  const invalid = () => new GoError('time: invalid duration ' + timeQuote(orig));
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') throw invalid();
  let d = 0n;
  while (s !== '') {
    let v = 0n;
    let f = 0n;
    let scale = 1;
    if (!(s[0] === '.' || isDigit(s[0]))) throw invalid();
    // Integer part.
    let i = 0;
    for (; i < s.length && isDigit(s[i]); i++) {
      if (v > LIMIT / 10n) throw invalid();
      v = v * 10n + BigInt(s.charCodeAt(i) - 48);
      if (v > LIMIT) throw invalid();
    }
    const pre = i > 0;
    s = s.slice(i);
    // Fraction.
    let post = false;
    if (s !== '' && s[0] === '.') {
      s = s.slice(1);
      let j = 0;
      let overflow = false;
      for (; j < s.length && isDigit(s[j]); j++) {
        if (overflow) continue;
        if (f > (LIMIT - 1n) / 10n) {
          overflow = true;
          continue;
        }
        const y = f * 10n + BigInt(s.charCodeAt(j) - 48);
        if (y > LIMIT) {
          overflow = true;
          continue;
        }
        f = y;
        scale *= 10;
      }
      post = j > 0;
      s = s.slice(j);
    }
    if (!pre && !post) throw invalid();
    // Unit.
    let k = 0;
    for (; k < s.length; k++) {
      if (s[k] === '.' || isDigit(s[k])) break;
    }
    if (k === 0) throw new GoError('time: missing unit in duration ' + timeQuote(orig));
    const u = s.slice(0, k);
    s = s.slice(k);
    const unit = UNITS[u];
    if (unit === undefined) throw new GoError('time: unknown unit ' + timeQuote(u) + ' in duration ' + timeQuote(orig));
    if (v > LIMIT / unit) throw invalid();
    v *= unit;
    if (f > 0n) {
      v += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
      if (v > LIMIT) throw invalid();
    }
    d += v;
    if (d > LIMIT) throw invalid();
  }
  if (neg) return -d;
  if (d > LIMIT - 1n) throw invalid();
  return d;
}

function fmtFrac(v: bigint, prec: number): { text: string; rest: bigint } {
  let text = '';
  let print = false;
  for (let i = 0; i < prec; i++) {
    const digit = v % 10n;
    print = print || digit !== 0n;
    if (print) text = String(digit) + text;
    v /= 10n;
  }
  if (print) text = '.' + text;
  return { text, rest: v };
}

/** Duration.String: `1h2m3.5s`, `300ms`, `0s`. */
export function formatDuration(d: bigint): string {
  let u = BigInt.asUintN(64, d);
  const neg = d < 0n;
  if (neg) u = BigInt.asUintN(64, -u);
  let out: string;
  if (u < 1000000000n) {
    if (u === 0n) return '0s';
    let prec: number;
    let unit: string;
    if (u < 1000n) {
      prec = 0;
      unit = 'ns';
    } else if (u < 1000000n) {
      prec = 3;
      unit = 'µs';
    } else {
      prec = 6;
      unit = 'ms';
    }
    const { text, rest } = fmtFrac(u, prec);
    out = String(rest) + text + unit;
  } else {
    const { text, rest } = fmtFrac(u, 9);
    let secs = rest;
    out = String(secs % 60n) + text + 's';
    secs /= 60n;
    if (secs > 0n) {
      out = String(secs % 60n) + 'm' + out;
      secs /= 60n;
      if (secs > 0n) out = String(secs) + 'h' + out;
    }
  }
  return neg ? '-' + out : out;
}
