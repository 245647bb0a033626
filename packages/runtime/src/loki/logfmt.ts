// A logfmt decoder following go-logfmt's rules: records are lines, keys end at
// '=' or a space, values may be bare or double-quoted with JSON escapes, and a
// syntax error stops decoding (pairs read before it are kept).

export interface LogfmtPair {
  key: string;
  value: string;
}

/** Calls `onPair` for each key/value until the end or the first syntax error; returns the error text. */
export function decodeLogfmt(input: string, onPair: (key: string, value: string) => void): string | undefined {
  let start = 0;
  while (start <= input.length) {
    let end = input.indexOf('\n', start);
    if (end < 0) end = input.length;
    let line = input.slice(start, end);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (end === input.length && line === '' && start === input.length) break;
    const err = decodeLine(line, onPair);
    if (err) return err;
    start = end + 1;
  }
  return undefined;
}

function decodeLine(line: string, onPair: (key: string, value: string) => void): string | undefined {
  let pos = 0;
  const n = line.length;
  for (;;) {
    while (pos < n && line.charCodeAt(pos) <= 32) pos++;
    if (pos >= n) return undefined;
    // key
    const ks = pos;
    while (pos < n) {
      const c = line.charCodeAt(pos);
      if (c === 61 /* = */ || c === 34 /* " */ || c <= 32) break;
      pos++;
    }
    const key = line.slice(ks, pos);
    if (pos >= n || line.charCodeAt(pos) <= 32) {
      onPair(key, '');
      continue;
    }
    if (line.charCodeAt(pos) === 34) return `logfmt syntax error at pos ${pos + 1}: unexpected '"'`;
    if (key === '') return `logfmt syntax error at pos ${pos + 1}: unexpected '='`;
    pos++; // '='
    if (pos >= n || line.charCodeAt(pos) <= 32) {
      onPair(key, '');
      continue;
    }
    if (line.charCodeAt(pos) !== 34) {
      const vs = pos;
      while (pos < n) {
        const c = line.charCodeAt(pos);
        if (c === 61 || c === 34) return `logfmt syntax error at pos ${pos + 1}: unexpected '${line[pos]}'`;
        if (c <= 32) break;
        pos++;
      }
      onPair(key, line.slice(vs, pos));
      continue;
    }
    // quoted value
    const qs = pos;
    let esc = false;
    let hasEsc = false;
    let close = -1;
    for (let i = pos + 1; i < n; i++) {
      const c = line.charCodeAt(i);
      if (esc) esc = false;
      else if (c === 92 /* \ */) hasEsc = esc = true;
      else if (c === 34) {
        close = i;
        break;
      }
    }
    if (close < 0) return `logfmt syntax error at pos ${n + 1}: unterminated quoted value`;
    pos = close + 1;
    if (!hasEsc) {
      onPair(key, line.slice(qs + 1, close));
      continue;
    }
    const v = unquote(line.slice(qs + 1, close));
    if (v === undefined) return `logfmt syntax error at pos ${pos}: invalid quoted value`;
    onPair(key, v);
  }
}

const SIMPLE: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** encoding/json's unquote of a string body; undefined when an escape is invalid. */
function unquote(s: string): string | undefined {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\') {
      if (c.charCodeAt(0) < 32) return undefined;
      out += c;
      continue;
    }
    const e = s[++i];
    if (e === undefined) return undefined;
    if (e in SIMPLE) {
      out += SIMPLE[e];
      continue;
    }
    if (e !== 'u') return undefined;
    const hex = s.slice(i + 1, i + 5);
    if (!/^[0-9a-fA-F]{4}$/.test(hex)) return undefined;
    i += 4;
    let cp = parseInt(hex, 16);
    if (cp >= 0xd800 && cp < 0xdc00) {
      const m = /^\\u([dD][c-fC-F][0-9a-fA-F]{2})/.exec(s.slice(i + 1));
      if (m) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (parseInt(m[1], 16) - 0xdc00);
        i += 6;
      } else cp = 0xfffd;
    } else if (cp >= 0xdc00 && cp < 0xe000) cp = 0xfffd;
    out += String.fromCodePoint(cp);
  }
  return out;
}
