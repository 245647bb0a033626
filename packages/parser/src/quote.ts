import { decodeRune, isPrint, RUNE_ERROR, toBytes } from './utf8.js';

const hex2 = (n: number) => n.toString(16).padStart(2, '0');

/** Go's `strconv.Quote` (the `%q` verb) over the UTF-8 bytes of `input`. */
export function goQuote(input: string | Uint8Array): string {
  const b = toBytes(input);
  let out = '"';
  for (let i = 0; i < b.length; ) {
    const packed = decodeRune(b, i);
    const r = Math.floor(packed / 8);
    const w = packed % 8;
    if (r === RUNE_ERROR && w === 1) {
      out += '\\x' + hex2(b[i]);
      i += 1;
      continue;
    }
    i += w;
    if (r === 0x22 || r === 0x5c) {
      out += '\\' + String.fromCharCode(r);
    } else if (isPrint(r)) {
      out += String.fromCodePoint(r);
    } else {
      out += escapeRune(r);
    }
  }
  return out + '"';
}

function escapeRune(r: number): string {
  switch (r) {
    case 0x07: return '\\a';
    case 0x08: return '\\b';
    case 0x0c: return '\\f';
    case 0x0a: return '\\n';
    case 0x0d: return '\\r';
    case 0x09: return '\\t';
    case 0x0b: return '\\v';
  }
  if (r < 0x20 || r === 0x7f) return '\\x' + hex2(r);
  if (r < 0x10000) return '\\u' + r.toString(16).padStart(4, '0');
  return '\\U' + r.toString(16).padStart(8, '0');
}
