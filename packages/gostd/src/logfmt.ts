// A logfmt decoder following go-logfmt's rules: records are lines, keys end at
// '=' or a space, values may be bare or double-quoted with encoding/json's escapes,
// and a syntax error stops decoding (pairs read before it are kept).

import { jsonUnquote } from './json-decode.js';
import { byteLength } from './utf8.js';

/** Error positions count bytes, as go-logfmt does. */
const bpos = (line: string, i: number) => byteLength(line.slice(0, i));

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
    if (line.charCodeAt(pos) === 34) return `logfmt syntax error at pos ${bpos(line, pos) + 1}: unexpected '"'`;
    if (key === '') return `logfmt syntax error at pos ${bpos(line, pos) + 1}: unexpected '='`;
    pos++; // '='
    if (pos >= n || line.charCodeAt(pos) <= 32) {
      onPair(key, '');
      continue;
    }
    if (line.charCodeAt(pos) !== 34) {
      const vs = pos;
      while (pos < n) {
        const c = line.charCodeAt(pos);
        if (c === 61 || c === 34) return `logfmt syntax error at pos ${bpos(line, pos) + 1}: unexpected '${line[pos]}'`;
        if (c <= 32) break;
        pos++;
      }
      onPair(key, line.slice(vs, pos));
      continue;
    }
    // quoted value
    const qs = pos;
    let esc = false;
    let close = -1;
    for (let i = pos + 1; i < n; i++) {
      const c = line.charCodeAt(i);
      if (esc) esc = false;
      else if (c === 92 /* \ */) esc = true;
      else if (c === 34) {
        close = i;
        break;
      }
    }
    if (close < 0) return `logfmt syntax error at pos ${bpos(line, n) + 1}: unterminated quoted value`;
    pos = close + 1;
    const v = jsonUnquote(line.slice(qs, close + 1));
    if (v === undefined) return `logfmt syntax error at pos ${bpos(line, pos)}: invalid quoted value`;
    onPair(key, v);
  }
}

