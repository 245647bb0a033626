// strconv.Unquote for "…", `…` and '…' literals. Escapes that name bytes (`\x41`, `\101`)
// give those bytes, not code points; an escaped quote must be the literal's own quote.

import { ERR_SYNTAX, GoError } from './errors.js';
import { byteLength, decodeRune, runeOf, utf8Bytes, utf8Decode, validRune, widthOf } from './utf8.js';

const SIMPLE: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 };

const bad = (): never => {
  throw new GoError(ERR_SYNTAX);
};

function hexValue(s: string): number {
  if (!/^[0-9a-fA-F]+$/.test(s)) bad();
  return parseInt(s, 16);
}

/** Appends the UTF-8 encoding of rune `r`. */
function pushRune(out: number[], r: number): void {
  if (r < 0x80) out.push(r);
  else if (r < 0x800) out.push(0xc0 | (r >> 6), 0x80 | (r & 63));
  else if (r < 0x10000) out.push(0xe0 | (r >> 12), 0x80 | ((r >> 6) & 63), 0x80 | (r & 63));
  else out.push(0xf0 | (r >> 18), 0x80 | ((r >> 12) & 63), 0x80 | ((r >> 6) & 63), 0x80 | (r & 63));
}

/**
 * strconv.UnquoteChar on `body` at `i`: appends the character's bytes to `out`, returns
 * the index after it. Throws GoError("invalid syntax").
 */
function unquoteChar(body: string, i: number, quote: string, out: number[]): number {
  const c = body[i];
  if (c === quote && quote !== '`') bad();
  if (c !== '\\') {
    const r = body.codePointAt(i)!;
    pushRune(out, r >= 0xd800 && r <= 0xdfff ? 0xfffd : r);
    return i + (r > 0xffff ? 2 : 1);
  }
  const e = body[i + 1];
  if (e === undefined) bad();
  if (e in SIMPLE) {
    out.push(SIMPLE[e]);
    return i + 2;
  }
  switch (e) {
    case 'x':
      out.push(hexValue(body.slice(i + 2, i + 4).padEnd(2, 'g')));
      return i + 4;
    case 'u':
    case 'U': {
      const n = e === 'u' ? 4 : 8;
      const digits = body.slice(i + 2, i + 2 + n);
      const r = digits.length === n ? hexValue(digits) : bad();
      if (!validRune(r)) bad();
      pushRune(out, r);
      return i + 2 + n;
    }
    case "'":
    case '"':
      if (e !== quote) bad();
      out.push(e.charCodeAt(0));
      return i + 2;
  }
  if (e >= '0' && e <= '7') {
    const digits = body.slice(i + 1, i + 4);
    if (!/^[0-7]{3}$/.test(digits)) bad();
    const v = parseInt(digits, 8);
    if (v > 255) bad();
    out.push(v);
    return i + 4;
  }
  return bad();
}

/** strconv.Unquote as bytes (a `\xff` escape gives the byte 0xff). Throws GoError("invalid syntax"). */
export function unquoteBytes(lit: string): Uint8Array {
  const r = unquoteImpl(lit);
  return typeof r === 'string' ? utf8Bytes(r) : Uint8Array.from(r);
}

/** strconv.Unquote; bytes that are not UTF-8 (from `\x` or octal escapes) decode as U+FFFD. Throws GoError. */
export function unquote(lit: string): string {
  const r = unquoteImpl(lit);
  return typeof r === 'string' ? r : utf8Decode(Uint8Array.from(r));
}

/** A plain string when no escape occurs, else the bytes. */
function unquoteImpl(lit: string): string | number[] {
  const n = lit.length;
  if (n < 2) bad();
  const q = lit[0];
  if (q !== lit[n - 1]) bad();
  const body = lit.slice(1, n - 1);
  if (q === '`') {
    if (body.includes('`')) bad();
    return body.includes('\r') ? body.replace(/\r/g, '') : body;
  }
  if (q !== '"' && q !== "'") bad();
  if (body.includes('\n')) bad();
  if (q === '"' && !body.includes('\\') && !body.includes(q)) return body;
  return unquoteSlow(body, q);
}

function unquoteSlow(body: string, q: string, srcOf?: number[]): number[] {
  const out: number[] = [];
  let runes = 0;
  let byte = 1; // UTF-8 offset in the literal of body[i]
  for (let i = 0; i < body.length; runes++) {
    const n = out.length;
    const next = unquoteChar(body, i, q, out);
    if (srcOf) for (let k = n; k < out.length; k++) srcOf.push(byte);
    byte += byteLength(body.slice(i, next));
    i = next;
  }
  if (q === "'" && runes !== 1) bad();
  return out;
}

/** A literal's value with, for each UTF-16 unit of it, the UTF-8 offset in the literal where it was written. */
export interface MappedUnquote {
  text: string;
  /** `at[i]` is the byte offset (in `lit`, quotes included) of text unit `i`; `at[text.length]` is the closing quote's. */
  at: number[];
}

/**
 * strconv.Unquote that also maps the value back to the literal: a character written as an
 * escape maps to the escape's start; byte escapes that spell one UTF-8 character together
 * map to the first of them; `\r` dropped from raw strings maps nowhere. Throws GoError.
 */
export function unquoteMapped(lit: string): MappedUnquote {
  const n = lit.length;
  if (n < 2 || lit[0] !== lit[n - 1]) bad();
  const q = lit[0];
  const body = lit.slice(1, n - 1);
  const srcOf: number[] = [];
  let bytes: number[];
  if (q === '`') {
    if (body.includes('`')) bad();
    bytes = [];
    let byte = 1;
    for (const ch of body) {
      const w = byteLength(ch);
      if (ch !== '\r') for (const b of utf8Bytes(ch)) (bytes.push(b), srcOf.push(byte));
      byte += w;
    }
  } else {
    if ((q !== '"' && q !== "'") || body.includes('\n')) bad();
    bytes = unquoteSlow(body, q, srcOf);
  }
  let text = '';
  const at: number[] = [];
  const b = Uint8Array.from(bytes);
  for (let k = 0; k < b.length; ) {
    const packed = decodeRune(b, k);
    const ch = String.fromCodePoint(runeOf(packed));
    text += ch;
    for (let u = 0; u < ch.length; u++) at.push(srcOf[k]);
    k += widthOf(packed);
  }
  at.push(byteLength(lit) - 1);
  return { text, at };
}
