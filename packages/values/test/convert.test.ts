import { describe, expect, it } from 'vitest';
import { formatDuration, formatFloat, goTypeString, parseDuration, parseGoType, sprintf, unquote, number, string } from '../src/index.js';
import { run, typed, value } from './helpers.js';

describe('decoding into Go types', () => {
  it.each([
    ['12', 'int', 'int:12'],
    ['"12"', 'int', 'int:12'],
    ['"-5"', 'int8', 'int8:-5'],
    ['"1.5"', 'float64', 'float64:1.5'],
    ['24', 'string', 'string:"24"'],
    ['3.9', 'string', 'string:"3.9"'],
    ['1e21', 'string', 'string:"1000000000000000000000"'],
    ['256', 'uint8', 'uint8:0'],
    ['-1', 'uint64', 'uint64:18446744073709551615'],
    ['1e20', 'uint64', 'uint64:9223372036854775808'],
    ['1e39', 'int64', 'int64:-9223372036854775808'],
    ['-1.5', 'uint', 'uint:18446744073709551615'],
    ['3.2', 'float32', `float32:${Math.fround(3.2)}`],
    ['null', 'int8', 'int8:0'],
    ['null', 'string', 'string:""'],
    ['[1, "2"]', '[]int', '[int:1 int:2]'],
    ['{a = 1}', 'map[string]string', '{a=string:"1"}'],
    ['18446744073709551615', 'any', 'uint64:18446744073709551615'],
    ['9223372036854775807', 'any', 'int:9223372036854775807'],
    ['[1.5, [2]]', 'any', '[float64:1.5 [int:2]]'],
    ['"1m30s"', 'time.Duration', 'duration:90000000000'],
    ['"1µs"', 'time.Duration', 'duration:1000'],
    ['"x"', 'alloytypes.OptionalSecret', 'optional_secret:x'],
    ['coalesce()', 'value.Value', 'null:'],
  ])('%s as %s', (src, target, want) => {
    expect(typed(value(src, { target }))).toBe(want);
  });

  it.each([
    ['"x"', 'int', '1:1: "x" should be number, got string'],
    ['true', 'string', '1:1: true should be string, got bool'],
    ['[1, true]', '[]int', '1:5: true should be number, got bool'],
    ['1.5', 'alloytypes.Secret', '1:1: 1.5 should be capsule, got number'],
    ['"1"', 'value.Value', '1:1: "1" should be capsule, got string'],
    ['"bogus"', 'time.Duration', '1:1: "bogus" time: invalid duration "bogus"'],
    ['1.5e9', 'time.Duration', '1:1: 1.5e9 time: missing unit in duration "1500000000"'],
    ['"12 "', 'time.Duration', '1:1: "12 " time: unknown unit " " in duration "12 "'],
    ['{a = 1.5}', 'time.Duration', '1:1: {a = 1.5} should be string, got object'],
  ])('%s as %s fails', (src, target, want) => {
    expect(run(src, { target })).toBe('error: ' + want);
  });

  it('parses and prints Go type spellings', () => {
    for (const t of ['[]map[string]interface {}', 'map[string]int', 'alloytypes.Secret', 'time.Duration', 'value.Value']) {
      expect(goTypeString(parseGoType(t))).toBe(t);
    }
  });
});

describe('Go formatting helpers', () => {
  it.each([
    [0.1, 'f', -1, '0.1'],
    [1e21, 'f', -1, '1000000000000000000000'],
    [5e-324, 'f', -1, '0.000' + '0'.repeat(320) + '5'],
    [2.5, 'f', 0, '2'],
    [3.5, 'f', 0, '4'],
    [0.125, 'f', 2, '0.12'],
    [123456.789, 'e', 6, '1.234568e+05'],
    [1e-7, 'g', -1, '1e-07'],
    [100000, 'g', -1, '100000'],
    [1e6, 'g', -1, '1e+06'],
    [-0, 'g', -1, '-0'],
    [NaN, 'g', -1, 'NaN'],
    [-Infinity, 'f', -1, '-Inf'],
  ] as const)('formatFloat(%d, %s, %d)', (f, fmt, prec, want) => {
    expect(formatFloat(f, fmt, prec)).toBe(want);
  });

  it('parses and prints durations', () => {
    expect(formatDuration(parseDuration('1h30m'))).toBe('1h30m0s');
    expect(formatDuration(parseDuration('-1.5s'))).toBe('-1.5s');
    expect(formatDuration(parseDuration('300ms'))).toBe('300ms');
    expect(formatDuration(parseDuration('0'))).toBe('0s');
    expect(formatDuration(1500n)).toBe('1.5µs');
    expect(() => parseDuration('1d')).toThrow();
  });

  it('unquotes like strconv.Unquote', () => {
    expect(unquote('"a\\"b\\\\\\n"')).toBe('a"b\\\n');
    expect(unquote('`a\r\nb`')).toBe('a\nb');
    expect(unquote('"\\342\\202\\254"')).toBe('€');
  });

  it('formats like fmt.Sprintf', () => {
    expect(sprintf('%d-%s-%v', [number('int', 1n), string('x'), string('y')])).toBe('1-x-y');
    expect(sprintf('%!', [])).toBe('%!!(MISSING)');
    expect(sprintf('%', [])).toBe('%!(NOVERB)');
    expect(sprintf('%[3]d', [number('int', 1n)])).toBe('%!d(BADINDEX)');
  });
});
