import { describe, expect, it } from 'vitest';
import { format } from '../src/index.js';

/**
 * The printer copies identifiers and literals from the source bytes when they
 * spell them exactly, and encodes the parsed strings otherwise. These inputs
 * need the string path (multi-byte characters, carriage returns, names with
 * blanks, raw keys) or cut cells inside a token (tabs in raw strings).
 */
const cases: [string, string][] = [
  ['ñame = 1\nx = "é"\n', 'ñame = 1\nx    = "é"\n'],
  ['café.bloc "lbl" {\n  a = `x\ty`\n  bb = 2\n}\n', 'café.bloc "lbl" {\n\ta  = `x y`\n\tbb = 2\n}\n'],
  ['a = 1 // é\r\nbbb = 2 /* c\r\nd */\n', 'a   = 1 // é\nbbb = 2 /* c\nd */\n'],
  ['a = {\n  "ké" = 1,\n  `raw` = 2,\n}\n', 'a = {\n\t"ké"  = 1,\n\t"raw" = 2,\n}\n'],
  ['b . c "x" {\n}\n', 'b.c "x" { }\n'],
  ['v = `line1\n\tline2`\nw = 1\n', 'v = `line1\n\tline2`\nw = 1\n'],
];

describe('text copied from the source or encoded', () => {
  for (const [input, expected] of cases) {
    it(JSON.stringify(input), () => {
      expect(format(input).text).toBe(expected);
      expect(format(new TextEncoder().encode(input)).text).toBe(expected);
    });
  }
});
