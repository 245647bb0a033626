// time.ParseDuration and Duration.String: cases from Go's time tests.
import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../src/index.js';

const S = 1_000_000_000n;
const MAX = (1n << 63n) - 1n;
const MIN = -(1n << 63n);

describe('parseDuration (time.ParseDuration)', () => {
  it.each<[string, bigint]>([
    ['0', 0n], ['5s', 5n * S], ['-5s', -5n * S], ['+5s', 5n * S], ['-0', 0n], ['5.6s', 5600000000n], ['5.s', 5n * S], ['.5s', S / 2n],
    ['1.004s', 1004000000n], ['100.00100s', 100001000000n], ['10ns', 10n], ['11us', 11000n], ['12µs', 12000n], ['12μs', 12000n],
    ['13ms', 13000000n], ['15m', 900n * S], ['16h', 57600n * S], ['3h30m', 12600n * S], ['10.5s4m', 250500000000n],
    ['-2m3.4s', -123400000000n], ['1h2m3s4ms5us6ns', 3723004005006n], ['0.3333333333333333333h', 1200n * S],
    ['9007199254740993ns', 9007199254740993n], ['9223372036854775807ns', MAX], ['9223372036854775.807us', MAX],
    ['9223372036s854ms775us807ns', MAX], ['-9223372036854775808ns', MIN], ['-2562047h47m16.854775808s', MIN],
    ['0.100000000000000000000h', 360n * S], ['0.830103483285477580700h', 2988372539827n],
  ])('ParseDuration(%j) = %d', (s, want) => {
    expect(parseDuration(s)).toBe(want);
  });

  it.each([
    ['', 'time: invalid duration ""'],
    ['3', 'time: missing unit in duration "3"'],
    ['-', 'time: invalid duration "-"'],
    ['s', 'time: invalid duration "s"'],
    ['.', 'time: invalid duration "."'],
    ['+.s', 'time: invalid duration "+.s"'],
    ['1d', 'time: unknown unit "d" in duration "1d"'],
    ['\ufffd', 'time: invalid duration "\\xef\\xbf\\xbd"'],
    ['1é', 'time: unknown unit "\\xc3\\xa9" in duration "1\\xc3\\xa9"'],
    ['9223372036854775808ns', 'time: invalid duration "9223372036854775808ns"'],
    ['-9223372036854775809ns', 'time: invalid duration "-9223372036854775809ns"'],
    ['3000000h', 'time: invalid duration "3000000h"'],
    ['9223372036854775.808us', 'time: invalid duration "9223372036854775.808us"'],
  ])('ParseDuration(%j) fails with %s', (s, msg) => {
    expect(() => parseDuration(s)).toThrow(expect.objectContaining({ message: msg }));
  });
});

describe('formatDuration (Duration.String)', () => {
  it.each<[bigint, string]>([
    [0n, '0s'], [1n, '1ns'], [1100n, '1.1µs'], [2200000n, '2.2ms'], [3300000000n, '3.3s'], [245n * S, '4m5s'],
    [245001000000n, '4m5.001s'], [18367001000000n, '5h6m7.001s'], [480000000001n, '8m0.000000001s'],
    [MAX, '2562047h47m16.854775807s'], [MIN, '-2562047h47m16.854775808s'], [-1n, '-1ns'],
  ])('Duration(%d).String() = %s', (d, want) => {
    expect(formatDuration(d)).toBe(want);
  });
});
