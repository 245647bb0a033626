// OTTL offsets back to Alloy bytes: every decoded character maps to where it was written.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromAlloyString } from '../src/index.js';
import { property } from '../../../test/support/property.js';

const bytesBefore = (s: string, i: number) => new TextEncoder().encode(s.slice(0, i)).length;

describe('fromAlloyString', () => {
  it('double-quoted with escapes', () => {
    // Source: `x = "a\"b\\n\u00e9é"` with the literal at byte 4.
    const raw = '"a\\"b\\\\n\\u00e9é"';
    const m = fromAlloyString(raw, 4)!;
    expect(m.text).toBe('a"b\\néé');
    // a at 5, \" at 6, b at 8, \\ at 9, n at 11, \u00e9 at 12, é (2 bytes) at 18, closing quote at 20.
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((i) => m.toSource(i))).toEqual([5, 6, 8, 9, 11, 12, 18, 20]);
  });

  it('raw backtick strings drop carriage returns', () => {
    const m = fromAlloyString('`a\r\nb`', 0)!;
    expect(m.text).toBe('a\nb');
    expect([0, 1, 2, 3].map((i) => m.toSource(i))).toEqual([1, 3, 4, 5]);
  });

  it('byte escapes that spell one UTF-8 character', () => {
    const m = fromAlloyString('"\\xc3\\xa9!"', 0)!;
    expect(m.text).toBe('é!');
    expect(m.toSource(0)).toBe(1);
    expect(m.toSource(1)).toBe(9);
  });

  it('an invalid literal is not decoded', () => {
    expect(fromAlloyString('"\\q"', 0)).toBeUndefined();
    expect(fromAlloyString('"abc', 0)).toBeUndefined();
  });

  it('property: without escapes, offset i (at a character boundary) maps to the byte after the quote plus the bytes of the first i characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }).filter((s) => !/["\\\n`\r]/.test(s)), fc.nat(100), (s, start) => {
        for (const q of ['"', '`']) {
          const m = fromAlloyString(q + s + q, start)!;
          expect(m.text).toBe(s);
          // Offsets between the halves of a surrogate pair never occur (tokens hold whole characters).
          for (let i = 0; i <= s.length; i += i < s.length && s.codePointAt(i)! > 0xffff ? 2 : 1) expect(m.toSource(i)).toBe(start + 1 + bytesBefore(s, i));
        }
      }),
      property('packages/ottl/test/offsets.test.ts', 300),
    );
  });
});
