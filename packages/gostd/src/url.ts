// net/url's query escaping.

import { GoError } from './errors.js';
import { quote } from './strconv-quote.js';
import { utf8Bytes, utf8Decode } from './utf8.js';

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
        throw new GoError(`invalid URL escape ${quote(rest)}`);
      }
      out.push(parseInt(String.fromCharCode(b[i + 1], b[i + 2]), 16));
      i += 2;
    } else if (c === 0x2b) out.push(0x20);
    else out.push(c);
  }
  return utf8Decode(Uint8Array.from(out));
}
