// strconv.Unquote: Go's quote tests, including the cases the old copies got wrong.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { quote, quoteToASCII, unquote, unquoteBytes } from '../src/index.js';

describe('unquote (strconv.Unquote)', () => {
  it.each([
    ['""', ''],
    ['"a"', 'a'],
    ['"☺"', '☺'],
    ['"\\u1234"', '\u1234'],
    ['"\\U00010111"', '\u{10111}'],
    ['"\\U0001011111"', '\u{10111}11'],
    ['"\\a\\b\\f\\n\\r\\t\\v\\\\\\""', '\x07\b\f\n\r\t\v\\"'],
    [`"'"`, "'"],
    ["'a'", 'a'],
    ["'☹'", '☹'],
    ["'\\t'", '\t'],
    ["'\\''", "'"],
    [`'"'`, '"'],
    ['``', ''],
    ['`\\xFF`', '\\xFF'],
    ['`\n`', '\n'],
    ['`a\rb`', 'ab'],
    ['"\\x41"', 'A'],
    ['"\\101"', 'A'],
  ])('unquote(%j) = %j', (lit, want) => {
    expect(unquote(lit)).toBe(want);
  });

  it('turns \\x and octal escapes into bytes, not code points', () => {
    expect(Array.from(unquoteBytes('"\\xFF"'))).toEqual([0xff]);
    expect(Array.from(unquoteBytes('"\\377"'))).toEqual([0xff]);
    expect(Array.from(unquoteBytes('"\\xc3\\xa9"'))).toEqual([0xc3, 0xa9]);
    expect(unquote('"\\xc3\\xa9"')).toBe('é'); // two bytes that form one UTF-8 character
    expect(unquote('"\\u00e9"')).toBe('é');
    expect(unquote('"\\xff"')).toBe('\ufffd'); // not UTF-8
  });

  it.each([
    '', '"', '"a', `"'`, 'b"', '"\\"', '"\\9"', '"\\19"', '"\\129"', "'\\'", "'\\9'", "'ab'", '"\\x1!"',
    '"\\U12345678"', '"\\z"', '`', '`xxx', '``x\r', '`"', `"\\'"`, `'\\"'`, '"\n"', '"\\n\n"', "'\n'",
    '"\\udead"', '"\\ud83d\\ude4f"', '"a"b"', '`a`b`',
  ])('rejects %j', (lit) => {
    expect(() => unquote(lit)).toThrow(expect.objectContaining({ message: 'invalid syntax' }));
  });
});

describe('quote and unquote round trip', () => {
  it('unquote(quote(s)) === s for any well-formed string (fast-check prints the seed of a failure)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(unquote(quote(s))).toBe(s);
        expect(unquote(quoteToASCII(s))).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });
});
