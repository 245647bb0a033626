// strings: trimming, splitting, replacing and case mapping with Go's rules. Every
// function is linear in the length of its input.

import { isDigit, isLetter, isSpace, toLowerRune, toTitleRune, toUpperRune } from './unicode.js';
import { isAscii } from './utf8.js';

const HIGH = (c: number) => c >= 0xd800 && c <= 0xdbff;
const LOW = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Index just past the leading runs of runes for which `drop` holds. */
function leftEdge(s: string, drop: (r: number) => boolean): number {
  let i = 0;
  while (i < s.length) {
    const r = s.codePointAt(i)!;
    if (!drop(r)) break;
    i += r > 0xffff ? 2 : 1;
  }
  return i;
}

/** Index of the end of `s` once trailing runes for which `drop` holds are removed (not below `from`). */
function rightEdge(s: string, drop: (r: number) => boolean, from = 0): number {
  let j = s.length;
  while (j > from) {
    let k = j - 1;
    let r = s.charCodeAt(k);
    if (LOW(r) && k > from && HIGH(s.charCodeAt(k - 1))) {
      k--;
      r = s.codePointAt(k)!;
    }
    if (!drop(r)) break;
    j = k;
  }
  return j;
}

/** strings.TrimFunc */
export function trimFunc(s: string, drop: (r: number) => boolean): string {
  const a = leftEdge(s, drop);
  return s.slice(a, rightEdge(s, drop, a));
}

/** strings.TrimLeftFunc */
export function trimLeftFunc(s: string, drop: (r: number) => boolean): string {
  return s.slice(leftEdge(s, drop));
}

/** strings.TrimRightFunc */
export function trimRightFunc(s: string, drop: (r: number) => boolean): string {
  return s.slice(0, rightEdge(s, drop));
}

/** strings.TrimSpace: unicode.IsSpace at both ends (JS's `trim` also strips U+FEFF; Go does not). */
export function trimSpace(s: string): string {
  return trimFunc(s, isSpace);
}

function inCutset(cutset: string): (r: number) => boolean {
  if (cutset.length === 1) {
    const c = cutset.charCodeAt(0);
    return (r) => r === c;
  }
  const set = new Set<number>();
  for (const ch of cutset) set.add(ch.codePointAt(0)!);
  return (r) => set.has(r);
}

/** strings.Trim(s, cutset): removes leading and trailing runes contained in `cutset`. */
export function trim(s: string, cutset: string): string {
  if (s === '' || cutset === '') return s;
  return trimFunc(s, inCutset(cutset));
}

/** strings.TrimLeft(s, cutset) */
export function trimLeft(s: string, cutset: string): string {
  if (s === '' || cutset === '') return s;
  return trimLeftFunc(s, inCutset(cutset));
}

/** strings.TrimRight(s, cutset) */
export function trimRight(s: string, cutset: string): string {
  if (s === '' || cutset === '') return s;
  return trimRightFunc(s, inCutset(cutset));
}

/** strings.TrimPrefix */
export function trimPrefix(s: string, prefix: string): string {
  return s.startsWith(prefix) ? s.slice(prefix.length) : s;
}

/** strings.TrimSuffix */
export function trimSuffix(s: string, suffix: string): string {
  return s.endsWith(suffix) ? s.slice(0, s.length - suffix.length) : s;
}

/** strings.Fields: the runs of non-space runes. */
export function fields(s: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < s.length; ) {
    const r = s.codePointAt(i)!;
    const w = r > 0xffff ? 2 : 1;
    if (isSpace(r)) {
      if (start >= 0) out.push(s.slice(start, i));
      start = -1;
    } else if (start < 0) start = i;
    i += w;
  }
  if (start >= 0) out.push(s.slice(start));
  return out;
}

/** strings.Split: an empty separator splits after each rune. */
export function split(s: string, sep: string): string[] {
  return sep === '' ? Array.from(s) : s.split(sep);
}

/** strings.Replace: the first `n` non-overlapping `old` replaced (all when n < 0); an empty `old` matches around every rune. */
export function replace(s: string, old: string, repl: string, n: number): string {
  if (n === 0 || old === repl) return s;
  let left = n < 0 ? Infinity : n;
  let out = '';
  if (old === '') {
    for (const ch of s) {
      if (left > 0) {
        out += repl;
        left--;
      }
      out += ch;
    }
    return left > 0 ? out + repl : out;
  }
  let i = 0;
  while (left > 0) {
    const j = s.indexOf(old, i);
    if (j < 0) break;
    out += s.slice(i, j) + repl;
    i = j + old.length;
    left--;
  }
  return i === 0 ? s : out + s.slice(i);
}

/** strings.ReplaceAll */
export function replaceAll(s: string, old: string, repl: string): string {
  return replace(s, old, repl, -1);
}

/** strings.Map over code points. */
export function mapRunes(s: string, f: (r: number) => number): string {
  let out = '';
  for (let i = 0; i < s.length; ) {
    const r = s.codePointAt(i)!;
    i += r > 0xffff ? 2 : 1;
    out += String.fromCodePoint(f(r));
  }
  return out;
}

/** strings.ToUpper: each rune through unicode.ToUpper (no multi-letter mappings: "ß" stays). */
export function toUpper(s: string): string {
  return isAscii(s) ? s.toUpperCase() : mapRunes(s, toUpperRune);
}

/** strings.ToLower: each rune through unicode.ToLower. */
export function toLower(s: string): string {
  return isAscii(s) ? s.toLowerCase() : mapRunes(s, toLowerRune);
}

/** strings.ToTitle: each rune through unicode.ToTitle. */
export function toTitle(s: string): string {
  return mapRunes(s, toTitleRune);
}

// strings.Title's word boundary: ASCII other than [0-9A-Za-z_], and Unicode space.
function isSeparator(r: number): boolean {
  if (r <= 0x7f) return !((r >= 0x30 && r <= 0x39) || ((r | 0x20) >= 0x61 && (r | 0x20) <= 0x7a) || r === 0x5f);
  if (isLetter(r) || isDigit(r)) return false;
  return isSpace(r);
}

/** strings.Title (deprecated in Go, used by sprig's `title`): the first rune of each word in title case; "it's" gives "It'S". */
export function title(s: string): string {
  let prev = 0x20;
  return mapRunes(s, (r) => {
    const sep = isSeparator(prev);
    prev = r;
    return sep ? toTitleRune(r) : r;
  });
}

/** strings.Compare: by UTF-8 bytes, i.e. by code point (JS `<` puts astral characters before U+E000–U+FFFF). */
export function compareStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
