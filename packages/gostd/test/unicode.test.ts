// unicode.IsSpace, IsLetter, IsDigit, IsUpper, IsLower and strconv.IsPrint.
import { describe, expect, it } from 'vitest';
import { isDigit, isLetter, isLower, isPrint, isSpace, isUpper } from '../src/index.js';

describe('isSpace (unicode.IsSpace)', () => {
  it('is Go\'s set', () => {
    const space = [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2005, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000];
    for (const r of space) expect(isSpace(r)).toBe(true);
    for (const r of [0x00, 0x08, 0x0e, 0x1c, 0x7f, 0xad, 0x180e, 0x200b, 0x2060, 0xfeff, 0x61]) expect(isSpace(r)).toBe(false);
  });
});

describe('isPrint (strconv.IsPrint)', () => {
  it.each([
    [0x20, true], [0x61, true], [0x7e, true], [0x1f, false], [0x7f, false], [0x85, false], [0xa0, false], [0xa1, true],
    [0xad, false], [0xe9, true], [0x2028, false], [0x3000, false], [0xfeff, false], [0xfffd, true], [0x1f600, true],
    [0xe000, false], [0x10ffff, false], [0x0e00, false], [0x263a, true],
  ])('IsPrint(%d) = %s', (r, want) => {
    expect(isPrint(r)).toBe(want);
  });
});

describe('letters and digits', () => {
  it('classifies runes', () => {
    expect([0x61, 0x5a, 0xe9, 0x4e2d, 0x3b1].every(isLetter)).toBe(true);
    expect([0x30, 0x5f, 0x20, 0x2160].some(isLetter)).toBe(false);
    expect([0x30, 0x39, 0x660, 0xff10].every(isDigit)).toBe(true);
    expect([0x2160, 0xb2, 0x61].some(isDigit)).toBe(false); // Roman numeral and superscript two are numbers, not digits
    expect(isUpper(0x41) && isUpper(0xc9) && !isUpper(0x61)).toBe(true);
    expect(isLower(0x61) && isLower(0xe9) && !isLower(0x41)).toBe(true);
  });
});
