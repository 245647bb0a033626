// Literal values: Go's strconv.Unquote for strings, base-0 integer parsing for numbers.

import { PlainErr } from './errors.js';
import { NumError, parseFloat64, parseInt64, parseUint } from './strconv.js';
import { utf8Decode } from './utf8.js';
import { FALSE, NULL, TRUE, float64, int64, string, uint64, type Value } from './value.js';

const SIMPLE: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92, '"': 34 };

/** strconv.Unquote for `"…"` and `` `…` `` literals; throws PlainErr("invalid syntax"). */
export function unquote(lit: string): string {
  const q = lit[0];
  if (lit.length < 2 || lit[lit.length - 1] !== q) throw new PlainErr('invalid syntax');
  const body = lit.slice(1, -1);
  if (q === '`') return body.includes('\r') ? body.replace(/\r/g, '') : body;
  if (q !== '"') throw new PlainErr('invalid syntax');
  if (!body.includes('\\')) {
    if (body.includes('\n')) throw new PlainErr('invalid syntax');
    return body;
  }
  // Escapes may produce raw bytes (\x, octal), so build UTF-8 bytes.
  const out: number[] = [];
  const enc = new TextEncoder();
  let i = 0;
  const pushRune = (r: number) => out.push(...enc.encode(String.fromCodePoint(r)));
  while (i < body.length) {
    const c = body[i];
    if (c !== '\\') {
      const cp = body.codePointAt(i)!;
      if (cp === 10) throw new PlainErr('invalid syntax');
      pushRune(cp);
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const e = body[i + 1];
    if (e === undefined) throw new PlainErr('invalid syntax');
    if (e in SIMPLE) {
      out.push(SIMPLE[e]);
      i += 2;
      continue;
    }
    let n = 0;
    let base = 16;
    if (e === 'x') n = 2;
    else if (e === 'u') n = 4;
    else if (e === 'U') n = 8;
    else if (e >= '0' && e <= '7') {
      n = 3;
      base = 8;
    } else throw new PlainErr('invalid syntax');
    const digits = base === 8 ? body.slice(i + 1, i + 4) : body.slice(i + 2, i + 2 + n);
    if (digits.length !== n || !(base === 8 ? /^[0-7]+$/ : /^[0-9a-fA-F]+$/).test(digits)) throw new PlainErr('invalid syntax');
    const v = parseInt(digits, base);
    if (e === 'x' || base === 8) {
      if (v > 255) throw new PlainErr('invalid syntax');
      out.push(v);
    } else {
      if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) throw new PlainErr('invalid syntax');
      pushRune(v);
    }
    i += base === 8 ? 4 : 2 + n;
  }
  return utf8Decode(Uint8Array.from(out));
}

/** The value of a literal token, as Alloy's ValueFromLiteral computes it. */
export function literalValue(kind: 'STRING' | 'NUMBER' | 'FLOAT' | 'BOOL' | 'NULL', raw: string): Value {
  switch (kind) {
    case 'NULL':
      return NULL;
    case 'BOOL':
      if (raw === 'true') return TRUE;
      if (raw === 'false') return FALSE;
      throw new PlainErr(`invalid boolean literal ${JSON.stringify(raw)}`);
    case 'STRING':
      return string(unquote(raw));
    case 'NUMBER':
      try {
        return int64(parseInt64(raw, 0));
      } catch {
        try {
          return uint64(parseUint(raw, 0));
        } catch {
          return float64(parseFloatLit(raw));
        }
      }
    case 'FLOAT':
      return float64(parseFloatLit(raw));
  }
}

function parseFloatLit(raw: string): number {
  try {
    return parseFloat64(raw);
  } catch (e) {
    if (e instanceof NumError) throw new PlainErr(e.message);
    throw e;
  }
}
