// Literal values: Go's strconv.Unquote for strings, base-0 integer parsing for numbers.

import { GoError, NumError, parseFloat64, parseInt64, parseUint64 as parseUint, quote, unquote as goUnquote } from '@alloy-lint/gostd';
import { PlainErr } from './errors.js';
import { FALSE, NULL, TRUE, float64, int64, string, uint64, type Value } from './value.js';

/** strconv.Unquote for `"…"` and `` `…` `` literals; throws PlainErr("invalid syntax"). */
export function unquote(lit: string): string {
  try {
    return goUnquote(lit);
  } catch (e) {
    if (e instanceof GoError) throw new PlainErr(e.message);
    throw e;
  }
}

/** The value of a literal token, as Alloy's ValueFromLiteral computes it. */
export function literalValue(kind: 'STRING' | 'NUMBER' | 'FLOAT' | 'BOOL' | 'NULL', raw: string): Value {
  switch (kind) {
    case 'NULL':
      return NULL;
    case 'BOOL':
      if (raw === 'true') return TRUE;
      if (raw === 'false') return FALSE;
      throw new PlainErr(`invalid boolean literal ${quote(raw)}`);
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
