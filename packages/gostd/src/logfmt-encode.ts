// go-logfmt's encoder (MarshalKeyvals): keys lose the runes logfmt cannot carry, values are
// written bare unless they hold a space, '=', '"', a control character, DEL or U+FFFD, then
// quoted with encoding/json's escapes; the string "null" is quoted, nil is null. Numbers and
// bools print as fmt.Sprint prints them; maps and slices become "unsupported value type".

import { sprint } from './fmt-print.js';
import { decodeRune, RUNE_ERROR, runeOf, utf8Bytes, utf8Decode, widthOf } from './utf8.js';

/** A value as Go would hand it to MarshalKeyvals: Uint8Array is []byte, bigint an int64, number a float64. */
export type LogfmtValue = string | number | bigint | boolean | null | Uint8Array | readonly unknown[] | ReadonlyMap<unknown, unknown>;

const HEX = '0123456789abcdef';
const needsQuote = (r: number) => r <= 0x20 || r === 0x3d || r === 0x22 || r === 0x7f || r === RUNE_ERROR;

function quoted(b: Uint8Array): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    if (c < 0x80) {
      if (c >= 0x20 && c !== 0x5c && c !== 0x22) {
        i++;
        continue;
      }
      out += utf8Decode(b, start, i);
      out += c === 0x5c || c === 0x22 ? '\\' + String.fromCharCode(c) : c === 0x0a ? '\\n' : c === 0x0d ? '\\r' : c === 0x09 ? '\\t' : `\\u00${HEX[c >> 4]}${HEX[c & 15]}`;
      start = ++i;
      continue;
    }
    const p = decodeRune(b, i);
    if (runeOf(p) === RUNE_ERROR && widthOf(p) === 1) {
      out += utf8Decode(b, start, i) + '\\ufffd';
      start = ++i;
      continue;
    }
    i += widthOf(p);
  }
  return out + utf8Decode(b, start, b.length) + '"';
}

function anyRune(b: Uint8Array, pred: (r: number) => boolean): boolean {
  for (let i = 0; i < b.length; ) {
    const p = decodeRune(b, i);
    if (pred(runeOf(p))) return true;
    i += widthOf(p);
  }
  return false;
}

function bytesValue(b: Uint8Array): string {
  return anyRune(b, needsQuote) ? quoted(b) : utf8Decode(b);
}

function stringValue(s: string): string {
  return s === 'null' ? '"null"' : bytesValue(utf8Bytes(s));
}

/** One value as go-logfmt writes it. */
export function logfmtValue(v: LogfmtValue): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return stringValue(v);
  if (v instanceof Uint8Array) return bytesValue(v);
  if (typeof v === 'object') return stringValue('unsupported value type');
  return stringValue(sprint(v));
}

/** logfmt.MarshalKeyvals over [key, value] pairs; a key with nothing left after filtering is an error, as upstream. */
export function marshalLogfmt(pairs: Iterable<readonly [string, LogfmtValue]>): { line: string } | { error: string } {
  const parts: string[] = [];
  for (const [key, v] of pairs) {
    let k = '';
    for (const ch of key) {
      const r = ch.codePointAt(0)!;
      if (!(r <= 0x20 || r === 0x3d || r === 0x22 || r === RUNE_ERROR || (r >= 0xd800 && r <= 0xdfff))) k += ch;
    }
    if (!k) return { error: 'invalid key' };
    parts.push(`${k}=${logfmtValue(v)}`);
  }
  return { line: parts.join(' ') };
}
