// fmt.Sprintf / Sprint / Sprintln: cases from Go's fmt tests, with GoValues as operands.
import { describe, expect, it } from 'vitest';
import { goFloat, goInt, goStruct, sprint, sprintf, sprintln, type GoValue } from '../src/index.js';

const u8 = (n: number) => goInt('uint8', BigInt(n));
const bytes = (s: string): GoValue => ({ kind: 'slice', type: '[]uint8', v: Array.from(new TextEncoder().encode(s), u8) });
const f32 = (n: number) => goFloat('float32', Math.fround(n));

describe('sprintf verbs', () => {
  it.each<[string, GoValue, string]>([
    ['%d', 12345n, '12345'], ['%v', 12345n, '12345'], ['%t', true, 'true'],
    ['%s', 'abc', 'abc'], ['%q', 'abc', '"abc"'], ['%x', 'abc', '616263'], ['% x', 'xyz', '78 79 7a'], ['%#x', 'xyz', '0x78797a'],
    ['%# X', 'xyz', '0X78 0X79 0X7A'], ['%x', '', ''],
    ['%s', bytes('abc'), 'abc'], ['%q', bytes('abc'), '"abc"'], ['%x', bytes('xyz'), '78797a'], ['%v', bytes('ab'), '[97 98]'],
    ['%#v', bytes('ab'), '[]uint8{0x61, 0x62}'],
    ['%q', '', '""'], ['%#q', '', '``'], ['%#q', '"', '`"`'], ['%#q', '`', '"`"'], ['%q', '\n', '"\\n"'], ['%#q', '\\n', '`\\n`'],
    ['%+q', '日本語', '"\\u65e5\\u672c\\u8a9e"'], ['%#+q', '日本語', '`日本語`'], ['%q', '\u{10ffff}', '"\\U0010ffff"'],
    ['%#q', '\u{10ffff}', '`\u{10ffff}`'], ['%10q', '⌘', '       "⌘"'], ['%-10q', '⌘', '"⌘"       '], ['%+10q', '⌘', '  "\\u2318"'],
    ['%c', 0xe4n, 'ä'], ['%c', -1n, '�'], ['%c', 0xdc80n, '�'], ['%3c', 0x2318n, '  ⌘'],
    ['%q', 0x27n, "'\\''"], ['%q', 0xffn, "'ÿ'"], ['%+q', 0xffn, "'\\u00ff'"], ['%q', 0xe00n, "'\\u0e00'"],
    ['%5s', 'abc', '  abc'], ['%2s', '\u263a', ' ☺'], ['%-5s', 'abc', 'abc  '], ['%.5s', 'abcdefghijklmnopqrstuvwxyz', 'abcde'],
    ['%.0s', '日本語日本語', ''], ['%.5s', '日本語日本語', '日本語日本'], ['%.3q', '日本語日本語', '"日本語"'], ['%.1x', '日本語', 'e6'],
    ['%10v', null, '     <nil>'], ['%-10v', null, '<nil>     '],
    ['%d', goInt('uint64', 18446744073709551615n), '18446744073709551615'], ['%d', goInt('int8', -128n), '-128'],
    ['%.d', 0n, ''], ['%6.0d', 0n, '      '], ['%06.0d', 0n, '      '], ['%+.0d', 0n, ''], ['% d', 12345n, ' 12345'],
    ['%+d', -12345n, '-12345'], ['%b', 7n, '111'], ['%b', -6n, '-110'], ['%#b', 7n, '0b111'], ['%#o', 0o1234n, '01234'],
    ['%O', 0o1234n, '0o1234'], ['%O', -0o1234n, '-0o1234'], ['%#X', 0n, '0X0'], ['%x', 0x12abcdefn, '12abcdef'],
    ['%.20b', 7n, '00000000000000000111'], ['%010d', -12345n, '-000012345'], ['%20.8d', -1234n, '           -00001234'],
    ['%020.8d', 1234n, '            00001234'], ['%-#20.8x', 0x1234abcn, '0x01234abc          '], ['%#04x', 256n, '0x0100'],
    ['%U', 0n, 'U+0000'], ['%U', -1n, 'U+FFFFFFFFFFFFFFFF'], ['%#U', 10n, 'U+000A'], ['%# U', 0x78n, "U+0078 'x'"],
    ['%#.2U', 0x78n, "U+0078 'x'"], ['%#14.6U', 0x2318n, "  U+002318 '⌘'"], ['%#014.6U', 0x2318n, "  U+002318 '⌘'"],
    ['%+.3e', 0, '+0.000e+00'], ['%+.3x', 1, '+0x1.000p+00'], ['%+07.2f', -1, '-001.00'], ['%-07.2f', 1, '1.00   '],
    ['%+10.2f', 1, '     +1.00'], ['% .3E', -1, '-1.000E+00'], ['% .3g', 1, ' 1'], ['%b', f32(1), '8388608p-23'],
    ['%#g', 1e-323, '1.00000e-323'], ['%#g', 123456, '123456.'], ['%#g', 1234567, '1.234567e+06'], ['%#.0f', 1, '1.'],
    ['%#.0x', 1, '0x1.p+00'], ['%#.4g', 0.012, '0.01200'], ['%#.4x', 123, '0x1.ec00p+06'], ['%#9.4g', 1, '    1.000'],
    ['%#b', 1, '4503599627370496p-52'], ['%f', Infinity, '+Inf'], ['% f', NaN, ' NaN'], ['%20f', Infinity, '                +Inf'],
    ['% 20F', Infinity, '                 Inf'], ['%+020e', Infinity, '                +Inf'], ['%-020E', NaN, 'NaN                 '],
    ['%v', Infinity, '+Inf'], ['%v', 1e21, '1e+21'], ['%v', 100000, '100000'], ['%v', f32(1.1), '1.1'], ['%g', 1e-7, '1e-07'],
    ['%06v', [10, 10n], '[000010 000010]'], ['%03.6v', [1n, 2, 'x'], '[000001 002   x]'], // the 0 flag is ignored for strings
    ['%☠', null, '%!☠(<nil>)'], ['%☠', 0n, '%!☠(int=0)'], ['%☠', goInt('uint', 0n), '%!☠(uint=0)'], ['%☠', bytes('\x00\x01'), '[%!☠(uint8=0) %!☠(uint8=1)]'],
    ['%☠', 'hello', '%!☠(string=hello)'], ['%☠', 1.2345678, '%!☠(float64=1.2345678)'], ['%☠', f32(1.2345678), '%!☠(float32=1.2345678)'],
    ['%d', 'x', '%!d(string=x)'], ['%5d', 'ab', '%!d(string=   ab)'], ['%s', true, '%!s(bool=true)'], ['%.', 3n, '%!.(int=3)'],
    ['%T', 1.5, 'float64'], ['%T', null, '<nil>'], ['%T', [1n], '[]interface {}'], ['%T', new Map(), 'map[string]interface {}'],
  ])('Sprintf(%j, %o) = %j', (format, arg, want) => {
    expect(sprintf(format, [arg])).toBe(want);
  });
});

describe('sprintf composites', () => {
  const m = new Map<string, GoValue>([['b', 1n], ['a', 'x'], ['\u{1f600}', null], ['\ue000', true]]);
  it('prints maps with sorted keys (byte order), slices and nil elements', () => {
    expect(sprintf('%v', [m])).toBe('map[a:x b:1 \ue000:true \u{1f600}:<nil>]');
    expect(sprintf('%#v', [m])).toBe('map[string]interface {}{"a":"x", "b":1, "\\ue000":true, "\u{1f600}":interface {}(nil)}');
    expect(sprintf('%d', [[1n, null, 'x']])).toBe('[1 <nil> %!d(string=x)]');
    expect(sprintf('%#v', [[1n, 'a', 1.0]])).toBe('[]interface {}{1, "a", 1}');
  });
  it('prints structs in %v, %+v and %#v', () => {
    const s = goStruct('fmt_test.T', [['a', 'abc'], ['b', 'def'], ['c', 123n]]);
    expect(sprintf('%v', [s])).toBe('{abc def 123}');
    expect(sprintf('%+v', [s])).toBe('{a:abc b:def c:123}');
    expect(sprintf('%#v', [s])).toBe('fmt_test.T{a:"abc", b:"def", c:123}');
  });
  it('prints unsigned integers in hex under %#v', () => {
    expect(sprintf('%#v', [goInt('uint64', 255n)])).toBe('0xff');
    expect(sprintf('%#v', [goInt('int64', 255n)])).toBe('255');
  });
  it('prints functions as pointers', () => {
    expect(sprintf('%v|%d', [{ kind: 'func', type: 'func(string) string' }, { kind: 'func', type: 'func()' }])).toBe('0x0|0');
    expect(sprintf('%s', [{ kind: 'func', type: 'func()' }])).toBe('%!s(func()=0x0)');
  });
});

describe('sprintf argument handling', () => {
  const cases: [string, GoValue[], string][] = [
    ['%[1]d', [1n], '1'], ['%[2]d', [2n, 1n], '1'], ['%[2]d %[1]d', [1n, 2n], '2 1'], ['%[2]*[1]d', [2n, 5n], '    2'],
    ['%[3]*.[2]*[1]f', [12.0, 2n, 6n], ' 12.00'], ['%[1]*.[2]*[3]f', [6n, 2n, 12.0], ' 12.00'], ['%.[1]*[3]f', [6n, 99n, 12.0], '12.000000'],
    ['%[1]*.[3]f', [6n, 3n, 12.0], '    12'], ['%d %d %d %#[1]o %#o %#o', [11n, 12n, 13n], '11 12 13 013 014 015'],
    ['%[d', [2n, 1n], '%!d(BADINDEX)'], ['%]d', [2n, 1n], '%!](int=2)d%!(EXTRA int=1)'], ['%[]d', [2n, 1n], '%!d(BADINDEX)'],
    ['%[-3]d', [2n, 1n], '%!d(BADINDEX)'], ['%[99]d', [2n, 1n], '%!d(BADINDEX)'], ['%[3]', [2n, 1n], '%!(NOVERB)'],
    ['%[1].2d', [5n, 6n], '%!d(BADINDEX)'], ['%[1]2d', [2n, 1n], '%!d(BADINDEX)'], ['%3.[2]d', [7n], '%!d(BADINDEX)'],
    ['%.[2]d', [7n], '%!d(BADINDEX)'], ['%d %d %d %#[1]o %#o %#o %#o', [11n, 12n, 13n], '11 12 13 013 014 015 %!o(MISSING)'],
    ['%[5]d %[2]d %d', [1n, 2n, 3n], '%!d(BADINDEX) 2 3'], ['%d %[3]d %d', [1n, 2n], '1 %!d(BADINDEX) 2'], ['%.[]', [], '%!](BADINDEX)'],
    ['%.-3d', [42n], '%!-(int=42)3d'], ['%2147483648d', [42n], '%!(NOVERB)%!(EXTRA int=42)'], ['%.2147483648d', [42n], '%!(NOVERB)%!(EXTRA int=42)'],
    ['%*d', ['x', 1n], '%!(BADWIDTH)1'], ['%.*d', [-1n, 1n], '%!(BADPREC)1'], ['%-*d|', [-3n, 1n], '1  |'], ['%*d', [-3n, 1n], '1  '],
    ['%d %s', [1n], '1 %!s(MISSING)'], ['%d', [1n, 'x', null], '1%!(EXTRA string=x, <nil>)'], ['100%%', [], '100%'], ['%', [], '%!(NOVERB)'],
    ['%!', [1n], '%!!(int=1)'],
  ];
  it.each(cases)('Sprintf(%j, %o) = %j', (format, args, want) => {
    expect(sprintf(format, args)).toBe(want);
  });
});

describe('sprint and sprintln', () => {
  it('adds spaces between operands when neither is a string (Sprint) and always (Sprintln)', () => {
    expect(sprint('a', 1n, 2n, 'b', 'c', 3.5)).toBe('a1 2bc3.5');
    expect(sprint(null, null)).toBe('<nil> <nil>');
    expect(sprintln('a', 1n, true)).toBe('a 1 true\n');
  });
});
