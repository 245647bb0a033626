// strings.ToUpper, ToLower, ToTitle, Title and unicode's simple case mappings.
import { describe, expect, it } from 'vitest';
import { title, toLower, toLowerRune, toTitle, toTitleRune, toUpper, toUpperRune } from '../src/index.js';

describe('toUpper / toLower (one rune to one rune)', () => {
  it.each([
    ['abc', 'ABC', 'abc'],
    ['AbC123', 'ABC123', 'abc123'],
    ['straße', 'STRAßE', 'straße'], // ß has no one-rune uppercase
    ['İ', 'İ', 'i'], // İ lowercases to i (JS gives "i̇")
    ['ﬁ', 'ﬁ', 'ﬁ'], // ligature: JS uppercases to "FI"
    ['ᾳ', 'ᾼ', 'ᾳ'], // ypogegrammeni: the simple uppercase is the prosgegrammeni form
    ['ῃ', 'ῌ', 'ῃ'],
    ['ŉ', 'ŉ', 'ŉ'],
    ['ǆ', 'Ǆ', 'ǆ'],
    ['ΣΑΣ', 'ΣΑΣ', 'σασ'], // no final-sigma context rule
    ['𐐨', '𐐀', '𐐨'],
  ])('%j → upper %j, lower %j', (s, up, low) => {
    expect(toUpper(s)).toBe(up);
    expect(toLower(s)).toBe(low);
  });

  it('maps single runes', () => {
    expect(toUpperRune(0x61)).toBe(0x41);
    expect(toLowerRune(0x130)).toBe(0x69);
    expect(toUpperRune(0x1f80)).toBe(0x1f88);
  });
});

describe('title case', () => {
  it('uses title case for digraphs and keeps Georgian letters', () => {
    expect(toTitleRune(0x1c6)).toBe(0x1c5);
    expect(toTitleRune(0x1c4)).toBe(0x1c5);
    expect(toTitleRune(0x1f3)).toBe(0x1f2);
    expect(toTitleRune(0x10d0)).toBe(0x10d0);
    expect(toUpperRune(0x10d0)).toBe(0x1c90);
    expect(toTitle('ǆa')).toBe('ǅA');
  });

  it.each([
    ['hello world', 'Hello World'],
    ["it's", "It'S"], // ASCII punctuation separates words
    ['her royal highness', 'Her Royal Highness'],
    ['loud noises', 'Loud Noises'],
    ['хлеб', 'Хлеб'],
    ['a-b_c.d', 'A-B_c.D'],
    ['ǆungla', 'ǅungla'],
    ['x\u00a0y', 'X\u00a0Y'], // NBSP is space
    ['a—b', 'A—b'], // an em dash is neither a letter nor a space: no new word
  ])('Title(%j) = %j', (s, want) => {
    expect(title(s)).toBe(want);
  });
});
