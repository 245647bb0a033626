// strconv.ParseInt / ParseUint / Atoi: base 0 prefixes (0x, 0o, 0b, leading 0),
// underscores only with base 0 and only between digits, bit sizes, Go's errors.

import { ERR_RANGE, ERR_SYNTAX } from './errors.js';
import { quote } from './strconv-quote.js';

/** strconv.NumError: `message` is Go's text, e.g. `strconv.ParseInt: parsing "x": invalid syntax`. */
export class NumError {
  constructor(
    readonly func: string,
    readonly num: string,
    /** The cause: ERR_SYNTAX, ERR_RANGE, or an "invalid base"/"invalid bit size" text. */
    readonly err: string,
    /** For range errors: the clamped value Go returns alongside the error. */
    readonly value?: bigint | number,
  ) {}
  get message(): string {
    return `strconv.${this.func}: parsing ${quote(this.num)}: ${this.err}`;
  }
  toString(): string {
    return this.message;
  }
}

const lower = (c: number) => c | 0x20;

/** Go's underscoreOK: `_` only between digits, or between a base prefix and a digit. */
export function underscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s[0] === '-' || s[0] === '+') s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'box'.includes(String.fromCharCode(lower(s.charCodeAt(1))))) {
    i = 2;
    saw = '0';
    hex = lower(s.charCodeAt(1)) === 0x78;
  }
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x30 && c <= 0x39) || (hex && lower(c) >= 0x61 && lower(c) <= 0x66)) {
      saw = '0';
      continue;
    }
    if (c === 0x5f) {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

/** strconv.ParseUint(s, base, bitSize); bitSize 0 means 64. Throws NumError. */
export function parseUint64(s: string, base = 10, bitSize = 64): bigint {
  return parseUintAs('ParseUint', s, base, bitSize);
}

function parseUintAs(fn: string, s: string, base: number, bitSize: number): bigint {
  if (s === '') throw new NumError(fn, s, ERR_SYNTAX);
  const base0 = base === 0;
  const s0 = s;
  if (base0) {
    base = 10;
    if (s[0] === '0') {
      const p = s.length >= 3 ? lower(s.charCodeAt(1)) : 0;
      base = p === 0x62 ? 2 : p === 0x6f ? 8 : p === 0x78 ? 16 : 8;
      s = s.slice(p === 0x62 || p === 0x6f || p === 0x78 ? 2 : 1);
    }
  } else if (base < 2 || base > 36) throw new NumError(fn, s0, `invalid base ${base}`);
  if (bitSize === 0) bitSize = 64;
  else if (bitSize < 0 || bitSize > 64) throw new NumError(fn, s0, `invalid bit size ${bitSize}`);
  const max = (1n << BigInt(bitSize)) - 1n;
  const b = BigInt(base);
  let underscores = false;
  let n = 0n;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let d: number;
    if (c === 0x5f && base0) {
      underscores = true;
      continue;
    } else if (c >= 0x30 && c <= 0x39) d = c - 0x30;
    else if (lower(c) >= 0x61 && lower(c) <= 0x7a) d = lower(c) - 0x61 + 10;
    else throw new NumError(fn, s0, ERR_SYNTAX);
    if (d >= base) throw new NumError(fn, s0, ERR_SYNTAX);
    n = n * b + BigInt(d);
    if (n > max) throw new NumError(fn, s0, ERR_RANGE, max);
  }
  if (underscores && !underscoreOK(s0)) throw new NumError(fn, s0, ERR_SYNTAX);
  return n;
}

/** strconv.ParseInt(s, base, bitSize); bitSize 0 means 64. Throws NumError. */
export function parseInt64(s: string, base = 10, bitSize = 64): bigint {
  if (s === '') throw new NumError('ParseInt', s, ERR_SYNTAX);
  const neg = s[0] === '-';
  const body = s[0] === '+' || neg ? s.slice(1) : s;
  let un: bigint;
  try {
    un = parseUintAs('ParseInt', body, base, bitSize);
  } catch (e) {
    if (!(e instanceof NumError) || e.err !== ERR_RANGE) throw e instanceof NumError ? new NumError('ParseInt', s, e.err) : e;
    un = e.value as bigint;
  }
  const cutoff = 1n << BigInt((bitSize || 64) - 1);
  if (!neg && un >= cutoff) throw new NumError('ParseInt', s, ERR_RANGE, cutoff - 1n);
  if (neg && un > cutoff) throw new NumError('ParseInt', s, ERR_RANGE, -cutoff);
  return neg ? -un : un;
}

/** strconv.Atoi: ParseInt(s, 10, 64) as a number, with Atoi's name in errors. */
export function atoi(s: string): number {
  try {
    return Number(parseInt64(s, 10, 64));
  } catch (e) {
    if (e instanceof NumError) throw new NumError('Atoi', s, e.err, e.value);
    throw e;
  }
}
