// strconv.ParseFloat: cases from Go's documented behaviour (decimal, hexadecimal,
// underscores, inf/nan, range errors).
import { describe, expect, it } from 'vitest';
import { formatFloat, NumError, parseFloat64 } from '../src/index.js';

const g = (f: number) => formatFloat(f, 'g', -1, 64);

describe('parseFloat64 (strconv.ParseFloat)', () => {
  it.each([
    ['1', '1'], ['+1', '1'], ['1e23', '1e+23'], ['1E23', '1e+23'], ['100000000000000000000000', '1e+23'],
    ['1e-100', '1e-100'], ['-0', '-0'], ['625e-3', '0.625'], ['.5', '0.5'], ['5.', '5'],
    ['0x1p0', '1'], ['0x1p-2', '0.25'], ['0x1ep-1', '15'], ['-0x1_ep-1', '-15'], ['0x1p-200', '6.223015277861142e-61'],
    ['0x1fFe2.p0', '131042'], ['0x0.fp4', '15'], ['0x1.8p1', '3'],
    ['0e+01234567890123456789', '0'], ['-0x0p+01234567890123456789', '-0'],
    ['nan', 'NaN'], ['NAN', 'NaN'], ['inf', '+Inf'], ['-Inf', '-Inf'], ['+INFINITY', '+Inf'],
    ['1.7976931348623157e308', '1.7976931348623157e+308'], ['0x1.fffffffffffffp1023', '1.7976931348623157e+308'],
    ['1.7976931348623158e308', '1.7976931348623157e+308'], ['0x1.fffffffffffff7fffp1023', '1.7976931348623157e+308'],
    ['4e-324', '5e-324'], ['0x1p-1074', '5e-324'], ['2e-324', '0'], ['0x1p-1075', '0'], ['0x1.8p-1074', '1e-323'],
    ['1e-4294967296', '0'],
    ['1_23.50_0_0e+1_2', '1.235e+14'], ['1_000', '1000'], ['0x_1_2.3_4_5p+1_2', '74565'],
  ])('ParseFloat(%j) = %s', (s, want) => {
    expect(g(parseFloat64(s))).toBe(want);
  });

  it.each([
    '', '1x', '1.1.', '0x1e2', '1p2', '1e', '1e-', '.e-1', '1\x00.2', '0x', '0x.p1', '0x1p', '+nan', '-nan', 'infin', 'in',
    '-_123.5e+12', '_123.5e+12', '1__23.5e+12', '123_.5e+12', '123._5e+12', '123.5_e+12', '123.5e_+12', '123.5e+_12',
    '123.5e+12_', '_0x12.345p+12', '0_x12.345p+12', '0x12_.345p+12', '0x12.345p+12_', ' 1', '1 ', 'Infinity1',
  ])('ParseFloat(%j) is a syntax error', (s) => {
    expect(() => parseFloat64(s)).toThrow(expect.objectContaining({ err: 'invalid syntax', message: `strconv.ParseFloat: parsing ${JSON.stringify(s).replace('\\u0000', '\\x00')}: invalid syntax` }));
  });

  it.each([
    ['1.7976931348623159e308', Infinity], ['0x1p1024', Infinity], ['0x.1p1028', Infinity], ['1.797693134862315808e308', Infinity],
    ['0x1.fffffffffffff8p1023', Infinity], ['2e308', Infinity], ['-1e310', -Infinity], ['1e+4294967296', Infinity],
  ])('ParseFloat(%j) is out of range (value %s)', (s, v) => {
    let err: unknown;
    try {
      parseFloat64(s);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(NumError);
    expect((err as NumError).err).toBe('value out of range');
    expect((err as NumError).value).toBe(v);
  });

  it('rounds to float32 with bitSize 32', () => {
    expect(parseFloat64('1.1', 32)).toBe(Math.fround(1.1));
    expect(parseFloat64('0x1.000002p0', 32)).toBe(1.0000001192092896);
    expect(parseFloat64('0x1.000001p0', 32)).toBe(1); // a tie rounds to even
    expect(() => parseFloat64('3.5e38', 32)).toThrow(expect.objectContaining({ err: 'value out of range' }));
  });
});
