// strconv.ParseInt / ParseUint / Atoi: bases, prefixes, underscores, bit sizes, errors.
import { describe, expect, it } from 'vitest';
import { atoi, parseInt64, parseUint64 } from '../src/index.js';

describe('parseInt64 (strconv.ParseInt)', () => {
  it.each([
    ['0', 0, 0n], ['-0', 10, 0n], ['+5', 10, 5n], ['12345', 10, 12345n], ['-98765', 10, -98765n],
    ['9223372036854775807', 10, 9223372036854775807n], ['-9223372036854775808', 10, -9223372036854775808n],
    ['0x_1F', 0, 31n], ['0X1f', 0, 31n], ['0b101', 0, 5n], ['0o17', 0, 15n], ['017', 0, 15n], ['0_17', 0, 15n],
    ['-0x10', 0, -16n], ['1_000_000', 0, 1000000n], ['z', 36, 35n], ['ff', 16, 255n],
  ])('ParseInt(%j, %d, 64) = %s', (s, base, want) => {
    expect(parseInt64(s, base as number, 64)).toBe(want);
  });

  it.each([
    ['', 10], ['+', 10], ['-', 10], ['1_000', 10], ['0x', 0], ['08', 0], ['0b2', 0], ['_1', 0], ['1_', 0], ['1__0', 0],
    ['0x_', 0], ['12a', 10], [' 1', 10], ['1.0', 10],
  ])('ParseInt(%j, %d) is a syntax error', (s, base) => {
    expect(() => parseInt64(s as string, base as number)).toThrow(expect.objectContaining({ err: 'invalid syntax', func: 'ParseInt' }));
  });

  it('reports range errors with Go clamped values and messages', () => {
    expect(() => parseInt64('9223372036854775808')).toThrow(expect.objectContaining({ message: 'strconv.ParseInt: parsing "9223372036854775808": value out of range', value: 9223372036854775807n }));
    expect(() => parseInt64('-9223372036854775809')).toThrow(expect.objectContaining({ value: -9223372036854775808n }));
    expect(() => parseInt64('128', 10, 8)).toThrow(expect.objectContaining({ err: 'value out of range', value: 127n }));
    expect(parseInt64('-128', 10, 8)).toBe(-128n);
    expect(() => parseInt64('99999999999999999999x', 10)).toThrow(expect.objectContaining({ err: 'value out of range' }));
  });

  it('reports bad bases and bit sizes', () => {
    expect(() => parseInt64('1', 1)).toThrow(expect.objectContaining({ message: 'strconv.ParseInt: parsing "1": invalid base 1' }));
    expect(() => parseInt64('1', 10, 65)).toThrow(expect.objectContaining({ err: 'invalid bit size 65' }));
  });

  it('quotes the input the Go way in messages', () => {
    expect(() => parseInt64('\x07')).toThrow(expect.objectContaining({ message: 'strconv.ParseInt: parsing "\\a": invalid syntax' }));
  });
});

describe('parseUint64 (strconv.ParseUint)', () => {
  it('parses and bounds unsigned values', () => {
    expect(parseUint64('18446744073709551615')).toBe(18446744073709551615n);
    expect(() => parseUint64('18446744073709551616')).toThrow(expect.objectContaining({ err: 'value out of range', value: 18446744073709551615n }));
    expect(() => parseUint64('-1')).toThrow(expect.objectContaining({ func: 'ParseUint', err: 'invalid syntax' }));
    expect(() => parseUint64('256', 10, 8)).toThrow(expect.objectContaining({ value: 255n }));
    expect(parseUint64('0xFF', 0, 8)).toBe(255n);
  });
});

describe('atoi', () => {
  it('parses decimal ints with Atoi errors', () => {
    expect(atoi('-42')).toBe(-42);
    expect(() => atoi('0x10')).toThrow(expect.objectContaining({ message: 'strconv.Atoi: parsing "0x10": invalid syntax' }));
  });
});
