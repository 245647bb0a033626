// strconv.Quote, QuoteToASCII, QuoteRune, CanBackquote: cases from Go's documented behaviour.
import { describe, expect, it } from 'vitest';
import { canBackquote, quote, quoteRune, quoteToASCII } from '../src/index.js';

describe('quote (strconv.Quote, %q)', () => {
  it.each([
    ['\x07\b\f\r\n\t\v', '"\\a\\b\\f\\r\\n\\t\\v"'],
    ['\\', '"\\\\"'],
    ['"', '"\\""'],
    ['\u263a', '"☺"'],
    ['\u{10ffff}', '"\\U0010ffff"'],
    ['\x04', '"\\x04"'],
    ['\x7f', '"\\x7f"'],
    ['!\u00a0!\u2000!\u3000!', '"!\\u00a0!\\u2000!\\u3000!"'],
    ['\u00ad', '"\\u00ad"'],
    ['\ufeff', '"\\ufeff"'],
    ['\u2028', '"\\u2028"'],
    ['日本語', '"日本語"'],
  ])('quote(%j) = %s', (input, want) => {
    expect(quote(input)).toBe(want);
  });

  it('prints bytes that are not UTF-8 as \\xNN', () => {
    expect(quote(Uint8Array.from([0x61, 0x62, 0x63, 0xff, 0x64]))).toBe('"abc\\xffd"');
    expect(quote(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe('"\\xed\\xa0\\x80"'); // an encoded surrogate
  });

  it('differs from JSON.stringify where Go differs', () => {
    for (const [s, go] of [
      ['\x07', '"\\a"'],
      ['\x7f', '"\\x7f"'],
      ['\u00a0', '"\\u00a0"'],
      ['\u2028', '"\\u2028"'],
    ]) {
      expect(quote(s)).toBe(go);
      expect(JSON.stringify(s)).not.toBe(go);
    }
  });

  it('escapes every non-ASCII rune with QuoteToASCII', () => {
    expect(quoteToASCII('\u263a')).toBe('"\\u263a"');
    expect(quoteToASCII('日本語')).toBe('"\\u65e5\\u672c\\u8a9e"');
    expect(quoteToASCII('\u{10ffff}')).toBe('"\\U0010ffff"');
  });
});

describe('quoteRune', () => {
  it.each([
    [0x61, "'a'"],
    [0x27, "'\\''"],
    [0x22, `'"'`],
    [0x263a, "'☺'"],
    [0xfffd, "'�'"],
    [0x10ffff, "'\\U0010ffff'"],
    [0x110000, "'�'"],
    [0xd800, "'�'"],
    [0x04, "'\\x04'"],
  ])('quoteRune(%d) = %s', (r, want) => {
    expect(quoteRune(r)).toBe(want);
  });
  it('escapes non-ASCII with asciiOnly', () => {
    expect(quoteRune(0xff, true)).toBe("'\\u00ff'");
  });
});

describe('canBackquote', () => {
  it.each([
    ['abc', true],
    ['a\tb', true],
    ['日本語', true],
    ['a`b', false],
    ['a\nb', false],
    ['\x7f', false],
    ['\ufeff', false],
    ['\ud800', false],
  ])('canBackquote(%j) = %s', (s, want) => {
    expect(canBackquote(s)).toBe(want);
  });
});
