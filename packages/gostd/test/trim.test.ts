// strings.TrimSpace, Trim, TrimLeft, TrimRight, TrimPrefix, TrimSuffix, TrimFunc.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trim, trimFunc, trimLeft, trimPrefix, trimRight, trimSpace, trimSuffix } from '../src/index.js';
import { property } from '../../../test/support/property.js';

describe('trimSpace (strings.TrimSpace)', () => {
  it.each([
    [' \t\n\v\f\r x \u0085\u00a0', 'x'],
    ['\u2000\u3000\u1680x\u2028\u2029\u202f\u205f', 'x'],
    ['\ufeffx\ufeff', '\ufeffx\ufeff'], // U+FEFF is not space in Go (JS trim() strips it)
    ['\u200bx', '\u200bx'], // zero width space is not space either
    ['', ''],
    ['   ', ''],
    [' a b ', 'a b'],
  ])('TrimSpace(%j) = %j', (s, want) => {
    expect(trimSpace(s)).toBe(want);
  });
  it('differs from String.prototype.trim on U+FEFF', () => {
    expect('\ufeffx'.trim()).toBe('x');
    expect(trimSpace('\ufeffx')).toBe('\ufeffx');
  });
});

describe('trim with a cutset', () => {
  it.each([
    ['abba', 'a', 'bb', 'bba', 'abb'],
    ['abba', 'ab', '', '', ''],
    ['  x  ', ' ', 'x', 'x  ', '  x'],
    ['', 'a', '', '', ''],
    ['abc', '', 'abc', 'abc', 'abc'],
    ['😀x😀', '😀', 'x', 'x😀', '😀x'],
    ['😀x😀', '\ud83d', '😀x😀', '😀x😀', '😀x😀'], // half a pair is not the rune
    ['-]x]-', ']-', 'x', 'x]-', '-]x'],
    ['^x^', '^', 'x', 'x^', '^x'],
  ])('Trim/TrimLeft/TrimRight(%j, %j)', (s, cut, both, left, right) => {
    expect(trim(s, cut)).toBe(both);
    expect(trimLeft(s, cut)).toBe(left);
    expect(trimRight(s, cut)).toBe(right);
  });

  it('looks at each rune at most once (linear time)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ maxLength: 5 }), (s, cut) => {
        let calls = 0;
        const set = new Set(Array.from(cut, (c) => c.codePointAt(0)));
        trimFunc(s, (r) => {
          calls++;
          return set.has(r);
        });
        expect(calls).toBeLessThanOrEqual([...s].length + 2);
      }),
      property('packages/gostd/test/trim.test.ts', 300),
    );
    const big = 'a'.repeat(200_000) + 'b' + 'a'.repeat(200_000);
    expect(trim(big, 'a')).toBe('b');
  });
});

describe('trimPrefix / trimSuffix', () => {
  it('removes one occurrence', () => {
    expect(trimPrefix('aab', 'a')).toBe('ab');
    expect(trimPrefix('ab', '')).toBe('ab');
    expect(trimPrefix('ab', 'b')).toBe('ab');
    expect(trimSuffix('abb', 'b')).toBe('ab');
    expect(trimSuffix('ab', '')).toBe('ab');
    expect(trimSuffix('ab', 'ab')).toBe('');
  });
});
