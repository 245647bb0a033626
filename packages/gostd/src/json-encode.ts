// encoding/json Marshal: sorted map keys, struct fields in order, HTML-safe string
// escaping, floats formatted as Go formats them, []uint8 as base64, Go's error texts.

import { base64Encode } from './base64.js';
import { GoError } from './errors.js';
import { goEntries, goFields, goItems, goKind, goScalar, goTypeName, isByteSlice, type GoValue } from './go-value.js';
import { formatFloat } from './strconv-ftoa.js';
import { compareStrings } from './strings.js';

const HEX = '0123456789abcdef';
// Characters that need no escape: printable ASCII but `"`, `\`, `<`, `>`, `&`.
const SAFE = /^[\x20\x21\x23-\x25\x27-\x3b\x3d\x3f-\x5b\x5d-\x7e]*$/;

/** A JSON string as encoding/json writes it: `<`, `>`, `&`, U+2028 and U+2029 escaped; a lone surrogate (bytes that were not UTF-8) as `\ufffd`. */
export function jsonQuote(s: string): string {
  if (SAFE.test(s)) return '"' + s + '"';
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c !== 0x22 && c !== 0x5c && c !== 0x3c && c !== 0x3e && c !== 0x26 && c !== 0x2028 && c !== 0x2029) {
      if (c >= 0xd800 && c <= 0xdfff) {
        const d = s.charCodeAt(i + 1);
        if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
          out += s[i] + s[i + 1];
          i++;
        } else out += '\\ufffd';
        continue;
      }
      out += s[i];
      continue;
    }
    switch (c) {
      case 0x22: out += '\\"'; break;
      case 0x5c: out += '\\\\'; break;
      case 0x0a: out += '\\n'; break;
      case 0x0d: out += '\\r'; break;
      case 0x09: out += '\\t'; break;
      case 0x08: out += '\\b'; break;
      case 0x0c: out += '\\f'; break;
      default:
        out += c > 0xff ? '\\u' + c.toString(16) : '\\u00' + HEX[c >> 4] + HEX[c & 15];
    }
  }
  return out + '"';
}

/** A float as encoding/json writes it: like JavaScript's number formatting, `e` form below 1e-6 and from 1e21. */
export function jsonFloat(f: number, bits = 64): string {
  if (!Number.isFinite(f)) throw new GoError(`json: unsupported value: ${formatFloat(f, 'g', -1, bits)}`);
  const abs = Math.abs(f);
  const fmt = abs !== 0 && (abs < 1e-6 || abs >= 1e21) ? 'e' : 'f';
  let s = formatFloat(f, fmt, -1, bits);
  if (fmt === 'e') {
    const n = s.length;
    if (n >= 4 && s[n - 4] === 'e' && s[n - 3] === '-' && s[n - 2] === '0') s = s.slice(0, n - 2) + s[n - 1];
  }
  return s;
}

/** json.Marshal. Throws GoError for NaN/Inf and functions. */
export function jsonMarshal(v: GoValue): string {
  switch (goKind(v)) {
    case 'nil':
      return 'null';
    case 'bool':
    case 'int':
    case 'uint':
      return String(goScalar(v));
    case 'float':
      return jsonFloat(goScalar(v) as number, goTypeName(v) === 'float32' ? 32 : 64);
    case 'string':
      return jsonQuote(goScalar(v) as string);
    case 'slice':
      if (isByteSlice(v)) return jsonQuote(base64Encode(Uint8Array.from(goItems(v), (b) => Number(goScalar(b))), false));
      return '[' + goItems(v).map(jsonMarshal).join(',') + ']';
    case 'map': {
      const m = goEntries(v);
      const keys = [...m.keys()].sort(compareStrings);
      return '{' + keys.map((k) => jsonQuote(k) + ':' + jsonMarshal(m.get(k)!)).join(',') + '}';
    }
    case 'struct':
      return '{' + goFields(v).map(([k, x]) => jsonQuote(k) + ':' + jsonMarshal(x)).join(',') + '}';
    case 'func':
      throw new GoError(`json: unsupported type: ${goTypeName(v)}`);
  }
}
