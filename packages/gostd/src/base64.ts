// encoding/base64 (StdEncoding, URLEncoding) with Go's decode errors.

import { GoError } from './errors.js';
import { toBytes, utf8Bytes } from './utf8.js';

const STD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** EncodeToString of `b` (the UTF-8 bytes when a string), padded with '='. */
export function base64Encode(input: string | Uint8Array, url = false): string {
  const alpha = url ? URL_ALPHABET : STD;
  const b = toBytes(input);
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
export function base64Decode(s: string, url = false): Uint8Array {
  const alpha = url ? URL_ALPHABET : STD;
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
    if (dlen === 4) out.push(bytes[0], bytes[1], bytes[2]);
    else if (dlen === 3) out.push(bytes[0], bytes[1]);
    else if (dlen === 2) out.push(bytes[0]);
    if (dlen < 4) break;
  }
  return Uint8Array.from(out);
}
