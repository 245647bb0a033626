// strconv.Unquote: Go's quote tests, including the cases the old copies got wrong.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { quote, quoteToASCII, unquote, unquoteBytes, unquoteMapped } from '../src/index.js';
import { property } from '../../../test/support/property.js';

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
  it('unquote(quote(s)) === s for any well-formed string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(unquote(quote(s))).toBe(s);
        expect(unquote(quoteToASCII(s))).toBe(s);
      }),
      property('packages/gostd/test/unquote.test.ts', 2000),
    );
  });
});

describe('unquoteMapped', () => {
  it('maps each character of the value to where the literal wrote it', () => {
    const m = unquoteMapped('"a\\"b\\\\n\\u00e9é"');
    expect(m.text).toBe('a"b\\néé');
    expect(m.at).toEqual([1, 2, 4, 5, 7, 8, 14, 16]);
    expect(unquoteMapped('"\\xc3\\xa9!"')).toEqual({ text: 'é!', at: [1, 9, 10] });
    expect(unquoteMapped('"\\x41"')).toEqual({ text: 'A', at: [1, 5] });
    expect(unquoteMapped('`a\r\nb`')).toEqual({ text: 'a\nb', at: [1, 3, 4, 5] });
    expect(unquoteMapped('"😀x"')).toEqual({ text: '😀x', at: [1, 1, 5, 6] });
  });
  it('rejects what unquote rejects', () => {
    for (const lit of ['"\\q"', '"abc', `"\\'"`, '`a`b`']) expect(() => unquoteMapped(lit)).toThrow(expect.objectContaining({ message: 'invalid syntax' }));
  });
  it('gives the same text as unquote', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(unquoteMapped(quote(s)).text).toBe(s);
      }),
      property('packages/gostd/test/unquote.test.ts', 500),
    );
  });
});
