// Go's strings, path/filepath, net/url and encoding/base64 functions used by the stdlib.

import { goQuote } from '@alloy-lint/parser';
import { isAscii, utf8Bytes, utf8Decode } from './utf8.js';

// Simple (one-to-one) case mappings where JS's full mapping gives several characters.
function simpleUpper(cp: number): number {
  if ((cp >= 0x1f80 && cp <= 0x1f87) || (cp >= 0x1f90 && cp <= 0x1f97) || (cp >= 0x1fa0 && cp <= 0x1fa7)) return cp + 8;
  if (cp === 0x1fb3) return 0x1fbc;
  if (cp === 0x1fc3) return 0x1fcc;
  if (cp === 0x1ff3) return 0x1ffc;
  return cp;
}

function mapRunes(s: string, full: (c: string) => string, simple: (cp: number) => number): string {
  let out = '';
  for (const ch of s) {
    const m = full(ch);
    if (m.length === ch.length || [...m].length === 1) out += m;
    else out += String.fromCodePoint(simple(ch.codePointAt(0)!));
  }
  return out;
}

/** strings.ToUpper: per-rune simple case mapping. */
export function toUpper(s: string): string {
  if (isAscii(s)) return s.toUpperCase();
  return mapRunes(s, (c) => c.toUpperCase(), simpleUpper);
}

/** strings.ToLower: per-rune simple case mapping. */
export function toLower(s: string): string {
  if (isAscii(s)) return s.toLowerCase();
  return mapRunes(s, (c) => c.toLowerCase(), (cp) => (cp === 0x130 ? 0x69 : cp));
}

/** unicode.IsSpace */
export function isSpace(cp: number): boolean {
  if (cp <= 0xff) return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) || cp === 0x85 || cp === 0xa0;
  return cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x2028 || cp === 0x2029 || cp === 0x202f || cp === 0x205f || cp === 0x3000;
}

function trimBy(s: string, drop: (cp: number) => boolean, left: boolean, right: boolean): string {
  const runes = Array.from(s);
  let a = 0;
  let b = runes.length;
  if (left) while (a < b && drop(runes[a].codePointAt(0)!)) a++;
  if (right) while (b > a && drop(runes[b - 1].codePointAt(0)!)) b--;
  return runes.slice(a, b).join('');
}

/** strings.TrimSpace */
export function trimSpace(s: string): string {
  return trimBy(s, isSpace, true, true);
}

/** strings.Trim(s, cutset) */
export function trim(s: string, cutset: string): string {
  if (s === '' || cutset === '') return s;
  const set = new Set(Array.from(cutset, (c) => c.codePointAt(0)!));
  return trimBy(s, (cp) => set.has(cp), true, true);
}

export function trimPrefix(s: string, prefix: string): string {
  return s.startsWith(prefix) ? s.slice(prefix.length) : s;
}

export function trimSuffix(s: string, suffix: string): string {
  return suffix !== '' && s.endsWith(suffix) ? s.slice(0, s.length - suffix.length) : s;
}

/** strings.Split: an empty separator splits after each rune. */
export function split(s: string, sep: string): string[] {
  if (sep === '') return Array.from(s);
  return s.split(sep);
}

/** strings.ReplaceAll: an empty `old` inserts `repl` around every rune. */
export function replaceAll(s: string, old: string, repl: string): string {
  if (old === '') return repl + Array.from(s).map((c) => c + repl).join('');
  return s.split(old).join(repl);
}

/** path.Clean (slash-separated; filepath.Join uses it on POSIX). */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p[0] === '/';
  const parts: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
      else if (!rooted) parts.push('..');
      continue;
    }
    parts.push(seg);
  }
  const out = (rooted ? '/' : '') + parts.join('/');
  return out === '' ? '.' : out;
}

/** filepath.Join on a POSIX system. */
export function pathJoin(elems: readonly string[]): string {
  const nonEmpty = elems.filter((e) => e !== '');
  if (nonEmpty.length === 0) return '';
  return cleanPath(nonEmpty.join('/'));
}

const UNRESERVED = /^[A-Za-z0-9\-_.~]$/;

/** url.QueryEscape */
export function queryEscape(s: string): string {
  let out = '';
  for (const b of utf8Bytes(s)) {
    const c = String.fromCharCode(b);
    if (b < 0x80 && UNRESERVED.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

export class GoError {
  constructor(readonly message: string) {}
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** url.QueryUnescape */
export function queryUnescape(s: string): string {
  const b = utf8Bytes(s);
  const out: number[] = [];
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c === 0x25) {
      if (i + 2 >= b.length || !isHex(b[i + 1]) || !isHex(b[i + 2])) {
        let rest = utf8Decode(b.subarray(i));
        if (b.length - i > 3) rest = utf8Decode(b.subarray(i, i + 3));
        throw new GoError(`invalid URL escape ${goQuote(rest)}`);
      }
      out.push(parseInt(String.fromCharCode(b[i + 1], b[i + 2]), 16));
      i += 2;
    } else if (c === 0x2b) out.push(0x20);
    else out.push(c);
  }
  return utf8Decode(Uint8Array.from(out));
}


const STD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function base64Encode(s: string, url: boolean): string {
  const alpha = url ? URL : STD;
  const b = utf8Bytes(s);
  let out = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i] << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    out += alpha[(n >> 18) & 63] + alpha[(n >> 12) & 63];
    out += i + 1 < b.length ? alpha[(n >> 6) & 63] : '=';
    out += i + 2 < b.length ? alpha[n & 63] : '=';
  }
  return out;
}

/** base64.StdEncoding / URLEncoding DecodeString, with Go's "illegal base64 data at input byte N". */
export function base64Decode(s: string, url: boolean): Uint8Array {
  const alpha = url ? URL : STD;
  const src = utf8Bytes(s);
  const out: number[] = [];
  const illegal = (at: number) => new GoError(`illegal base64 data at input byte ${at}`);
  let si = 0;
  while (si < src.length) {
    const dbuf = [0, 0, 0, 0];
    let dlen = 4;
    let j = 0;
    for (; j < 4; j++) {
      // Skip newlines.
      while (si < src.length && (src[si] === 0x0a || src[si] === 0x0d)) si++;
      if (si === src.length) {
        if (j === 0) return Uint8Array.from(out);
        if (j === 1) throw illegal(si - j);
        // Padding is required.
        throw illegal(si - j);
      }
      const c = src[si];
      si++;
      const d = alpha.indexOf(String.fromCharCode(c));
      if (c < 0x80 && d >= 0) {
        dbuf[j] = d;
        continue;
      }
      if (c === 0x3d) {
        // '=' padding: only valid at positions 2 or 3 of a quantum.
        switch (j) {
          case 0:
          case 1:
            throw illegal(si - 1);
          case 2:
            while (si < src.length && (src[si] === 0x0a || src[si] === 0x0d)) si++;
            if (si === src.length) throw illegal(src.length);
            if (src[si] !== 0x3d) throw illegal(si - 1);
            si++;
        }
        while (si < src.length && (src[si] === 0x0a || src[si] === 0x0d)) si++;
        if (si < src.length) throw illegal(si);
        dlen = j;
        break;
      }
      throw illegal(si - 1);
    }
    const n = (dbuf[0] << 18) | (dbuf[1] << 12) | (dbuf[2] << 6) | dbuf[3];
    const bytes = [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
    if (dlen === 4) out.push(...bytes);
    else if (dlen === 3) out.push(bytes[0], bytes[1]);
    else if (dlen === 2) out.push(bytes[0]);
    if (dlen < 4) break;
  }
  return Uint8Array.from(out);
}
