// fmt's verb formatters: integers, floats, strings and byte slices with Go's flags,
// width and precision.

import { canBackquote, quote, quoteRune, quoteToASCII } from './strconv-quote.js';
import { isPrint } from './unicode.js';
import { formatFloat } from './strconv-ftoa.js';
import { runeCount, utf8Bytes, utf8Decode, validRune } from './utf8.js';

export interface Flags {
  plus: boolean;
  minus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  /** `%+v`: field names in structs. */
  plusV: boolean;
  /** `%#v`: Go syntax. */
  sharpV: boolean;
  wid?: number;
  prec?: number;
}

export function plainFlags(): Flags {
  return { plus: false, minus: false, sharp: false, space: false, zero: false, plusV: false, sharpV: false };
}

/** Pads to the width (counted in runes); zeros go after a sign when `zeroOk`. */
export function pad(s: string, f: Flags, zeroOk = false): string {
  if (f.wid === undefined) return s;
  const n = runeCount(s);
  if (n >= f.wid) return s;
  const fill = f.wid - n;
  if (f.minus) return s + ' '.repeat(fill);
  if (f.zero && zeroOk) {
    const sign = s[0] === '-' || s[0] === '+' || s[0] === ' ' ? s[0] : '';
    return sign + '0'.repeat(fill) + s.slice(sign.length);
  }
  return ' '.repeat(fill) + s;
}

const RADIX: Record<string, number> = { d: 10, v: 10, b: 2, o: 8, O: 8, x: 16, X: 16 };

/** %b %d %o %O %x %X (and %v as %d) of an integer; `v` is the value, `signed` its Go signedness. */
export function fmtInteger(v: bigint, signed: boolean, verb: string, f: Flags): string {
  const base = RADIX[verb];
  const neg = signed && v < 0n;
  const u = neg ? -v : v;
  let prec = 0;
  if (f.prec !== undefined) {
    prec = f.prec;
    if (prec === 0 && u === 0n) return pad('', { ...f, zero: false });
  } else if (f.zero && !f.minus && f.wid !== undefined) {
    prec = f.wid - (neg || f.plus || f.space ? 1 : 0);
  }
  let s = u.toString(base);
  if (verb === 'X') s = s.toUpperCase();
  if (s.length < prec) s = '0'.repeat(prec - s.length) + s;
  if (f.sharp) {
    if (base === 2) s = '0b' + s;
    else if (base === 8 && s[0] !== '0') s = '0' + s;
    else if (base === 16) s = (verb === 'X' ? '0X' : '0x') + s;
  }
  if (verb === 'O') s = '0o' + s;
  s = (neg ? '-' : f.plus ? '+' : f.space ? ' ' : '') + s;
  return pad(s, { ...f, zero: false });
}

/** %c of an integer (`u` is the value as uint64): invalid runes print U+FFFD. */
export function fmtChar(u: bigint, f: Flags): string {
  const r = u <= 0x10ffffn && validRune(Number(u)) ? Number(u) : 0xfffd;
  return pad(String.fromCodePoint(r), f);
}

/** %q of an integer (`u` ≤ U+10FFFF; the caller reports larger values as a bad verb). */
export function fmtQuotedChar(u: bigint, f: Flags): string {
  return pad(quoteRune(Number(u), f.plus), f);
}

/** %U of an integer (`u` is the value as uint64): `U+0078`, with %#U ` 'x'` when printable. */
export function fmtUnicode(u: bigint, f: Flags): string {
  const prec = f.prec !== undefined && f.prec > 4 ? f.prec : 4;
  let s = 'U+' + u.toString(16).toUpperCase().padStart(prec, '0');
  if (f.sharp && u <= 0x10ffffn && isPrint(Number(u))) s += " '" + String.fromCodePoint(Number(u)) + "'";
  return pad(s, { ...f, zero: false });
}

/** %b %e %E %f %F %g %G %x %X %v of a float (bits 32 for float32). */
export function fmtFloat(x: number, verb: string, f: Flags, bits = 64): string {
  let fmt = (verb === 'v' ? 'g' : verb === 'F' ? 'f' : verb) as 'e' | 'E' | 'f' | 'g' | 'G' | 'b' | 'x' | 'X';
  let prec = f.prec ?? ('eEfF'.includes(verb) ? 6 : -1);
  if (f.sharpV) {
    fmt = 'g';
    prec = -1;
  }
  let s = formatFloat(x, fmt, prec, bits);
  if (s[0] !== '-' && s[0] !== '+') s = '+' + s;
  if (f.space && s[0] === '+' && !f.plus) s = ' ' + s.slice(1);
  if (s[1] === 'I' || s[1] === 'N') {
    if (s[1] === 'N' && !f.space && !f.plus) s = s.slice(1);
    return pad(s, { ...f, zero: false });
  }
  if (f.sharp && fmt !== 'b') s = sharpFloat(s, fmt, prec);
  if (f.plus || s[0] !== '+') return pad(s, f, !f.minus);
  return pad(s.slice(1), f, !f.minus);
}

/** `%#g` and friends (`s` starts with its sign): keep a decimal point, and for g/x the trailing zeros up to the precision. */
function sharpFloat(s: string, fmt: string, prec: number): string {
  let digits = fmt === 'g' || fmt === 'G' || fmt === 'x' ? (prec === -1 ? 6 : prec) : 0;
  const isHex = fmt === 'x' || fmt === 'X';
  let num = s;
  let tail = '';
  let dot = false;
  let nonzero = false;
  for (let i = 1; i < num.length; i++) {
    const c = num[i];
    if (c === '.') dot = true;
    else if (c === 'p' || c === 'P' || ((c === 'e' || c === 'E') && !isHex)) {
      tail = num.slice(i);
      num = num.slice(0, i);
    } else {
      if (c !== '0') nonzero = true;
      if (nonzero) digits--;
    }
  }
  if (!dot) {
    if (num.length === 2 && num[1] === '0') digits--;
    num += '.';
  }
  if (digits > 0) num += '0'.repeat(digits);
  return num + tail;
}

/** %s %q %x %X %v of a string. */
export function fmtString(s: string, verb: string, f: Flags): string {
  switch (verb) {
    case 'v':
      if (f.sharpV) return pad(quote(s), f);
      return pad(truncate(s, f.prec), f);
    case 's':
      return pad(truncate(s, f.prec), f);
    case 'q': {
      const t = truncate(s, f.prec);
      if (f.sharp && canBackquote(t)) return pad('`' + t + '`', f);
      return pad(f.plus ? quoteToASCII(t) : quote(t), f);
    }
    case 'x':
    case 'X':
      return fmtHexBytes(utf8Bytes(s), verb, f);
    default:
      return '';
  }
}

/** %s %q %x %X of a byte slice. */
export function fmtBytes(b: Uint8Array, verb: string, f: Flags): string {
  if (verb === 'x' || verb === 'X') return fmtHexBytes(b, verb, f);
  return fmtString(utf8Decode(b), verb, f);
}

function fmtHexBytes(b: Uint8Array, verb: string, f: Flags): string {
  if (f.prec !== undefined) b = b.subarray(0, f.prec);
  const parts = Array.from(b, (c) => c.toString(16).padStart(2, '0'));
  let out: string;
  if (f.space) out = parts.map((p) => (f.sharp ? '0x' + p : p)).join(' ');
  else out = (f.sharp && parts.length ? '0x' : '') + parts.join('');
  return pad(verb === 'X' ? out.toUpperCase() : out, f);
}

function truncate(s: string, prec: number | undefined): string {
  if (prec === undefined) return s;
  return Array.from(s).slice(0, prec).join('');
}
