// unicode/utf8 helpers: decoding with Go's rules and measuring JS strings in bytes.
import { describe, expect, it } from 'vitest';
import { byteLength, byteSlice, charWidth, decodeRune, isAscii, RUNE_ERROR, runeCount, runeLen, runeOf, utf8Bytes, utf8Decode, validRune, validString, widthOf } from '../src/index.js';

const dec = (bytes: number[]) => {
  const p = decodeRune(Uint8Array.from(bytes), 0);
  return [runeOf(p), widthOf(p)];
};

describe('decodeRune (utf8.DecodeRune)', () => {
  it.each([
    [[0x61], [0x61, 1]],
    [[0xc3, 0xa9], [0xe9, 2]],
    [[0xe2, 0x82, 0xac], [0x20ac, 3]],
    [[0xf0, 0x9f, 0x98, 0x80], [0x1f600, 4]],
    [[0xff], [RUNE_ERROR, 1]],
    [[0xc0, 0x80], [RUNE_ERROR, 1]], // overlong
    [[0xe0, 0x80, 0x80], [RUNE_ERROR, 1]], // overlong
    [[0xed, 0xa0, 0x80], [RUNE_ERROR, 1]], // surrogate
    [[0xf4, 0x90, 0x80, 0x80], [RUNE_ERROR, 1]], // above U+10FFFF
    [[0xe2, 0x82], [RUNE_ERROR, 1]], // short
    [[0xef, 0xbf, 0xbd], [RUNE_ERROR, 3]], // a real U+FFFD
  ])('DecodeRune(%j) = %j', (bytes, want) => {
    expect(dec(bytes)).toEqual(want);
  });
});

describe('lengths', () => {
  it.each([
    ['', 0, 0],
    ['abc', 3, 3],
    ['é', 2, 1],
    ['€', 3, 1],
    ['😀', 4, 1],
    ['a😀b', 6, 3],
    ['\ud800', 3, 1], // a lone surrogate encodes as U+FFFD
    ['\ud800a', 4, 2],
    ['\ude00\ud83d', 6, 2],
  ])('%j: len %d, RuneCount %d', (s, bytes, runes) => {
    expect(byteLength(s)).toBe(bytes);
    expect(byteLength(s)).toBe(utf8Bytes(s).length);
    expect(runeCount(s)).toBe(runes);
  });

  it('knows rune lengths and validity', () => {
    expect([0, 0x7f, 0x80, 0x7ff, 0x800, 0xffff, 0x10000, 0x10ffff].map(runeLen)).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
    expect([-1, 0xd800, 0x110000].map(runeLen)).toEqual([-1, -1, -1]);
    expect(validRune(0xdfff)).toBe(false);
    expect(validString('a😀')).toBe(true);
    expect(validString('a\ud800')).toBe(false);
    expect(validString('\udc00\ud800')).toBe(false);
    expect(isAscii('abc~')).toBe(true);
    expect(isAscii('é')).toBe(false);
    expect(charWidth('😀', 0)).toBe(2);
    expect(charWidth('\ud800a', 0)).toBe(1);
  });
});

describe('conversions', () => {
  it('keeps a leading BOM (data in Go strings) and replaces invalid bytes', () => {
    expect(utf8Decode(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]))).toBe('\ufeffa');
    expect(utf8Decode(Uint8Array.from([0x61, 0xff, 0x62]))).toBe('a\ufffdb');
    expect(utf8Decode(Uint8Array.from([0x61, 0x62, 0x63]), 1, 2)).toBe('b');
  });
  it('slices by bytes', () => {
    expect(byteSlice('héllo', 2)).toBe('h\ufffd');
    expect(byteSlice('héllo', 3)).toBe('hé');
    expect(byteSlice('abc', 2)).toBe('ab');
  });
});
