// encoding/json: Marshal's escaping and float formatting, Unmarshal's values and errors.
import { describe, expect, it } from 'vitest';
import { goFloat, goInt, goStruct, JSON_MAX_DEPTH, jsonDecode, jsonFloat, jsonMarshal, jsonQuote, jsonUnquote, type GoValue } from '../src/index.js';

describe('jsonQuote / jsonMarshal (json.Marshal)', () => {
  it.each([
    ['abc', '"abc"'],
    ['<a href="x">&</a>', '"\\u003ca href=\\"x\\"\\u003e\\u0026\\u003c/a\\u003e"'],
    ['\u2028\u2029', '"\\u2028\\u2029"'],
    ['\b\f\n\r\t\x00\x1f\x7f', '"\\b\\f\\n\\r\\t\\u0000\\u001f\x7f"'],
    ['\\"', '"\\\\\\""'],
    ['é😀', '"é😀"'],
    ['a\ud800b', '"a\\ufffdb"'], // a lone surrogate stands for bytes that were not UTF-8
  ])('%j → %s', (s, want) => {
    expect(jsonQuote(s)).toBe(want);
    expect(JSON.parse(jsonQuote(s))).toBe(s.replace(/\ud800/, '\ufffd'));
  });

  it('differs from JSON.stringify where Go differs', () => {
    expect(JSON.stringify('<&>')).toBe('"<&>"');
    expect(jsonQuote('<&>')).toBe('"\\u003c\\u0026\\u003e"');
  });

  it.each([
    [0, '0'], [-0, '-0'], [1, '1'], [1.5, '1.5'], [100, '100'], [1e20, '100000000000000000000'], [1e21, '1e+21'],
    [1e-6, '0.000001'], [1e-7, '1e-7'], [1.234e-9, '1.234e-9'], [123456789.123, '123456789.123'], [5e-324, '5e-324'],
  ])('float %d → %s', (f, want) => {
    expect(jsonFloat(f)).toBe(want);
  });

  it('encodes composite values with sorted keys', () => {
    const v: GoValue = new Map<string, GoValue>([
      ['b', [1n, 2.5, null, true]],
      ['a', goStruct('T', [['Z', goInt('uint8', 7n)], ['A', goFloat('float32', Math.fround(0.1))]])],
      ['c', { kind: 'slice', type: '[]uint8', v: [goInt('uint8', 104n), goInt('uint8', 105n)] }],
    ]);
    expect(jsonMarshal(v)).toBe('{"a":{"Z":7,"A":0.1},"b":[1,2.5,null,true],"c":"aGk="}');
  });

  it('refuses what Go refuses', () => {
    expect(() => jsonMarshal(NaN)).toThrow(expect.objectContaining({ message: 'json: unsupported value: NaN' }));
    expect(() => jsonMarshal([Infinity])).toThrow(expect.objectContaining({ message: 'json: unsupported value: +Inf' }));
    expect(() => jsonMarshal({ kind: 'func', type: 'func() string' })).toThrow(expect.objectContaining({ message: 'json: unsupported type: func() string' }));
  });
});

describe('jsonDecode (json.Unmarshal into interface{})', () => {
  it('decodes into GoValues', () => {
    expect(jsonDecode('{"b":[1,2.5e3,"x",null,false],"a":{}}')).toEqual(new Map<string, GoValue>([['b', [1, 2500, 'x', null, false]], ['a', new Map()]]));
    expect(jsonDecode('12', true)).toBe(12n);
    expect(jsonDecode('1.5', true)).toBe(1.5);
    expect(jsonDecode('"\\ud83d\\ude00\\ud83d"')).toBe('😀\ufffd');
    expect(jsonDecode(' "\\u00e9" ')).toBe('é');
  });

  it.each([
    ['', 'unexpected end of JSON input'],
    ['{', 'unexpected end of JSON input'],
    ['[1,]', "invalid character ']' looking for beginning of value"],
    ['{"a" 1}', "invalid character '1' after object key"],
    ['01', "invalid character '1' after top-level value"],
    ['"\\x"', "invalid character 'x' in string escape code"],
    ['tru', 'unexpected end of JSON input'],
    ['nul!', "invalid character '!' in literal null (expecting 'l')"],
    ['"\t"', "invalid character '\\t' in string literal"],
    ['1e999', 'json: cannot unmarshal number 1e999 into Go value of type float64'],
  ])('%j fails with %s', (s, msg) => {
    expect(() => jsonDecode(s)).toThrow(expect.objectContaining({ message: msg }));
  });

  it('unquotes single string literals', () => {
    expect(jsonUnquote('"a\\tb"')).toBe('a\tb');
    expect(jsonUnquote('"plain"')).toBe('plain');
    expect(jsonUnquote('"bad\\q"')).toBeUndefined();
    expect(jsonUnquote('"a"b"')).toBeUndefined();
    expect(jsonUnquote("'a'")).toBeUndefined();
  });
});

describe('jsonDecode nesting', () => {
  it("arrays and objects past the depth are Go's exceeded max depth error, never a stack overflow", () => {
    expect(() => jsonDecode('['.repeat(100_000) + ']'.repeat(100_000))).toThrow(expect.objectContaining({ message: "invalid character '[' exceeded max depth" }));
    expect(jsonDecode('['.repeat(JSON_MAX_DEPTH) + ']'.repeat(JSON_MAX_DEPTH))).toBeInstanceOf(Array);
    expect(() => jsonDecode('[{"a": [1]}]', false, 2)).toThrow(expect.objectContaining({ message: "invalid character '[' exceeded max depth" }));
    expect(jsonDecode('[{"a": 1}, {"b": 2}, []]', false, 2)).toHaveLength(3);
  });
});
