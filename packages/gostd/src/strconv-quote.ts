// strconv.Quote, QuoteToASCII, QuoteRune and CanBackquote over the UTF-8 bytes of a
// string (what `%q` prints; JSON.stringify escapes differently).

import { isPrint } from './unicode.js';
import { decodeRune, RUNE_ERROR, runeOf, toBytes, validRune, widthOf } from './utf8.js';

const hex = (n: number, w: number) => n.toString(16).padStart(w, '0');

/** One rune as it appears inside a quoted literal delimited by `quote`. */
function escapeRune(r: number, quote: number, asciiOnly: boolean): string {
  if (r === quote || r === 0x5c) return '\\' + String.fromCharCode(r);
  if (asciiOnly ? r < 0x80 && isPrint(r) : isPrint(r)) return String.fromCodePoint(r);
  switch (r) {
    case 0x07: return '\\a';
    case 0x08: return '\\b';
    case 0x0c: return '\\f';
    case 0x0a: return '\\n';
    case 0x0d: return '\\r';
    case 0x09: return '\\t';
    case 0x0b: return '\\v';
  }
  if (r < 0x20 || r === 0x7f) return '\\x' + hex(r, 2);
  if (!validRune(r)) r = RUNE_ERROR;
  if (r < 0x10000) return '\\u' + hex(r, 4);
  return '\\U' + hex(r, 8);
}

// Printable ASCII other than `"` and `\`: the common case, returned unchanged.
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

function quoteWith(input: string | Uint8Array, quote: number, asciiOnly: boolean): string {
  const q = String.fromCharCode(quote);
  if (typeof input === 'string' && quote === 0x22 && PLAIN.test(input)) return q + input + q;
  const b = toBytes(input);
  let out = q;
  for (let i = 0; i < b.length; ) {
    const packed = decodeRune(b, i);
    const r = runeOf(packed);
    const w = widthOf(packed);
    if (r === RUNE_ERROR && w === 1) out += '\\x' + hex(b[i], 2);
    else out += escapeRune(r, quote, asciiOnly);
    i += w;
  }
  return out + q;
}

/** strconv.Quote: a double-quoted Go literal; invalid UTF-8 bytes print as `\xNN`. */
export function quote(s: string | Uint8Array): string {
  return quoteWith(s, 0x22, false);
}

/** strconv.QuoteToASCII: like `quote`, with every non-ASCII rune escaped (`%+q`). */
export function quoteToASCII(s: string | Uint8Array): string {
  return quoteWith(s, 0x22, true);
}

/** strconv.QuoteRune: a single-quoted rune literal; an invalid rune prints as U+FFFD. */
export function quoteRune(r: number, asciiOnly = false): string {
  if (!validRune(r)) r = RUNE_ERROR;
  return "'" + escapeRune(r, 0x27, asciiOnly) + "'";
}

/** strconv.CanBackquote: `s` fits in a raw string literal (no control character but tab, no backquote, no BOM). */
export function canBackquote(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09) || c === 0x60 || c === 0x7f || c === 0xfeff) return false;
    if (c >= 0xd800 && c <= 0xdfff) {
      const d = s.charCodeAt(i + 1);
      if (c > 0xdbff || !(d >= 0xdc00 && d <= 0xdfff)) return false; // not UTF-8
      i++;
    }
  }
  return true;
}
