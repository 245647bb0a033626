// The verb formatters behind fmt.Sprintf: integers, floats and strings with Go's flags.

import { goQuote } from '@alloy-lint/parser';
import { formatFloat } from './strconv.js';
import { utf8Bytes } from './utf8.js';

export interface Flags {
  plus: boolean;
  minus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  plusV: boolean;
  sharpV: boolean;
  wid?: number;
  prec?: number;
}

function runeCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export function pad(s: string, f: Flags, zeroOk = false): string {
  if (f.wid === undefined) return s;
  const n = runeCount(s);
  if (n >= f.wid) return s;
  const fill = f.wid - n;
  if (f.minus) return s + ' '.repeat(fill);
  if (f.zero && zeroOk) {
    // Zero padding goes after the sign.
    const sign = s[0] === '-' || s[0] === '+' || s[0] === ' ' ? s[0] : '';
    return sign + '0'.repeat(fill) + s.slice(sign.length);
  }
  return ' '.repeat(fill) + s;
}

function quoteRune(r: number): string {
  if (r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) r = 0xfffd;
  if (r === 0x27) return "'\\''";
  if (r === 0x22) return "'\"'";
  const q = goQuote(String.fromCodePoint(r));
  return "'" + q.slice(1, -1) + "'";
}

export function fmtInteger(v: bigint, signed: boolean, verb: string, f: Flags): string {
  const neg = signed && v < 0n;
  let u = neg ? -v : v;
  let digits: string;
  switch (verb) {
    case 'd':
    case 'v':
      digits = u.toString(10);
      break;
    case 'b':
      digits = u.toString(2);
      break;
    case 'o':
    case 'O':
      digits = u.toString(8);
      break;
    case 'x':
      digits = u.toString(16);
      break;
    case 'X':
      digits = u.toString(16).toUpperCase();
      break;
    case 'c':
      return pad(String.fromCodePoint(validRune(v)), f);
    case 'q':
      return pad(quoteRune(Number(validRuneBig(v))), f);
    case 'U': {
      let s = 'U+' + u.toString(16).toUpperCase().padStart(4, '0');
      if (neg) s = 'U+' + BigInt.asUintN(64, v).toString(16).toUpperCase();
      if (f.sharp && v >= 0n && v <= 0x10ffffn) s += " '" + String.fromCodePoint(validRune(v)) + "'";
      return pad(s, f);
    }
    default:
      return '';
  }
  if (f.prec !== undefined) {
    if (f.prec === 0 && u === 0n) digits = '';
    else digits = digits.padStart(f.prec, '0');
  } else if (f.zero && !f.minus && f.wid !== undefined) {
    const signLen = neg || f.plus || f.space ? 1 : 0;
    const prefixLen = f.sharp ? prefixOf(verb).length : verb === 'O' ? 2 : 0;
    digits = digits.padStart(f.wid - signLen - prefixLen, '0');
  }
  let prefix = '';
  if (f.sharp) prefix = prefixOf(verb);
  if (verb === 'O') prefix = '0o';
  if (prefix === '0' && digits.startsWith('0')) prefix = '';
  const sign = neg ? '-' : f.plus ? '+' : f.space ? ' ' : '';
  u = 0n;
  return pad(sign + prefix + digits, { ...f, zero: false });
}

function prefixOf(verb: string): string {
  switch (verb) {
    case 'b':
      return '0b';
    case 'o':
      return '0';
    case 'x':
      return '0x';
    case 'X':
      return '0X';
    default:
      return '';
  }
}

function validRuneBig(v: bigint): bigint {
  return v < 0n || v > 0x10ffffn || (v >= 0xd800n && v <= 0xdfffn) ? 0xfffdn : v;
}

function validRune(v: bigint): number {
  return Number(validRuneBig(v));
}

export function fmtFloatVerb(x: number, verb: string, f: Flags, bits = 64): string {
  let fmt: 'e' | 'E' | 'f' | 'g' | 'G';
  let prec = f.prec ?? -1;
  switch (verb) {
    case 'v':
    case 'g':
      fmt = 'g';
      break;
    case 'G':
      fmt = 'G';
      break;
    case 'e':
    case 'E':
      fmt = verb;
      if (f.prec === undefined) prec = 6;
      break;
    case 'f':
    case 'F':
      fmt = 'f';
      if (f.prec === undefined) prec = 6;
      break;
    default:
      return '';
  }
  if (f.sharpV) {
    fmt = 'g';
    prec = -1;
  }
  let s = formatFloat(x, fmt, prec, bits);
  if (s === 'NaN' || s === '+Inf' || s === '-Inf') {
    if (s === 'NaN') s = f.plus ? '+NaN' : f.space ? ' NaN' : 'NaN';
    else if (s === '+Inf') s = f.plus ? '+Inf' : f.space ? ' Inf' : 'Inf';
    return pad(s, { ...f, zero: false });
  }
  if (f.sharp && fmt !== 'e' && fmt !== 'E' && !s.includes('.') && !/[eE]/.test(s)) s += '.';
  if (s[0] !== '-') s = f.plus ? '+' + s : f.space ? ' ' + s : s;
  return pad(s, f, !f.minus);
}

export function fmtString(s: string, verb: string, f: Flags): string {
  switch (verb) {
    case 'v':
      if (f.sharpV) return goQuote(s);
      return pad(truncate(s, f.prec), f);
    case 's':
      return pad(truncate(s, f.prec), f);
    case 'q': {
      const t = truncate(s, f.prec);
      if (f.sharp && !t.includes('`') && !/[\x00-\x08\x0a-\x1f\x7f]/.test(t)) return pad('`' + t + '`', f);
      return pad(goQuote(t), f);
    }
    case 'x':
    case 'X': {
      let b = utf8Bytes(s);
      if (f.prec !== undefined) b = b.subarray(0, f.prec);
      const parts = Array.from(b, (c) => c.toString(16).padStart(2, '0'));
      let out: string;
      if (f.space) out = parts.map((p) => (f.sharp ? '0x' + p : p)).join(' ');
      else out = (f.sharp && parts.length ? '0x' : '') + parts.join('');
      return pad(verb === 'X' ? out.toUpperCase() : out, f);
    }
    default:
      return '';
  }
}

function truncate(s: string, prec: number | undefined): string {
  if (prec === undefined) return s;
  return Array.from(s).slice(0, prec).join('');
}

