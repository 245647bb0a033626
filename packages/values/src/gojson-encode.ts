// Go's encoding/json Marshal of values decoded into interface{}: sorted keys,
// HTML-safe escaping, Go's float formatting and error texts.

import { GoError } from './gostrings.js';
import { formatFloat } from './strconv.js';
import { compareStrings, type Value } from './value.js';

const HEX = '0123456789abcdef';

/** Go's JSON string encoding with HTML escaping. */
export function jsonQuote(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c !== 0x22 && c !== 0x5c && c !== 0x3c && c !== 0x3e && c !== 0x26 && c !== 0x2028 && c !== 0x2029) {
      if (c >= 0xd800 && c <= 0xdfff) {
        const cp = s.codePointAt(i)!;
        if (cp > 0xffff) {
          out += s[i] + s[i + 1];
          i++;
        } else out += '\ufffd';
        continue;
      }
      out += s[i];
      continue;
    }
    switch (c) {
      case 0x22:
        out += '\\"';
        break;
      case 0x5c:
        out += '\\\\';
        break;
      case 0x0a:
        out += '\\n';
        break;
      case 0x0d:
        out += '\\r';
        break;
      case 0x09:
        out += '\\t';
        break;
      case 0x08:
        out += '\\b';
        break;
      case 0x0c:
        out += '\\f';
        break;
      default:
        out += '\\u' + (c > 0xff ? c.toString(16).padStart(4, '0') : '00' + HEX[c >> 4] + HEX[c & 15]);
    }
  }
  return out + '"';
}

function jsonFloat(f: number, bits: number): string {
  if (!Number.isFinite(f)) throw new GoError(`json: unsupported value: ${formatFloat(f, 'g', -1, bits)}`);
  const abs = Math.abs(f);
  let fmt: 'e' | 'f' = 'f';
  if (abs !== 0 && ((bits === 64 && (abs < 1e-6 || abs >= 1e21)) || (bits === 32 && (abs < 1e-6 || abs >= 1e21)))) fmt = 'e';
  let s = formatFloat(f, fmt, -1, bits);
  if (fmt === 'e') {
    // Clean up e-09 to e-9.
    const n = s.length;
    if (n >= 4 && s[n - 4] === 'e' && s[n - 3] === '-' && s[n - 2] === '0') s = s.slice(0, n - 2) + s.slice(n - 1);
  }
  return s;
}

/** Go's json.Marshal of a value decoded into interface{}. Throws GoError. */
export function jsonEncode(v: Value): string {
  switch (v.t) {
    case 'null':
      return 'null';
    case 'bool':
      return v.v ? 'true' : 'false';
    case 'number':
      return typeof v.v === 'number' ? jsonFloat(v.v, v.go === 'float32' ? 32 : 64) : v.v.toString();
    case 'string':
      return jsonQuote(v.v);
    case 'array':
      if (v.go === '[]uint8') return jsonQuote(btoaBytes(v));
      return '[' + v.v.map(jsonEncode).join(',') + ']';
    case 'object': {
      const keys = [...v.v.keys()].sort(compareStrings);
      return '{' + keys.map((k) => jsonQuote(k) + ':' + jsonEncode(v.v.get(k)!)).join(',') + '}';
    }
    case 'function':
      throw new GoError(`json: unsupported type: ${v.sig}`);
    case 'capsule':
      if (v.kind === 'secret') return jsonQuote(v.v);
      if (v.kind === 'optional_secret') return `{"IsSecret":${v.isSecret},"Value":${jsonQuote(v.v)}}`;
      if (v.toObject) {
        const o = v.toObject();
        if (o) return jsonEncode({ t: 'object', v: o });
      }
      return '{}';
  }
}

function btoaBytes(v: Value): string {
  if (v.t !== 'array') return '';
  const STD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const b = v.v.map((e) => (e.t === 'number' ? Number(e.v) : 0));
  let out = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i] << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    out += STD[(n >> 18) & 63] + STD[(n >> 12) & 63] + (i + 1 < b.length ? STD[(n >> 6) & 63] : '=') + (i + 2 < b.length ? STD[n & 63] : '=');
  }
  return out;
}
