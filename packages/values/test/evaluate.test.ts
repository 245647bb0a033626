import { describe, expect, it } from 'vitest';
import { parseExpression } from '@alloy-lint/parser';
import { evaluate, formatEvalError, number, optionalSecret, secret, string } from '../src/index.js';
import { run, typed, value } from './helpers.js';

describe('literals', () => {
  it.each([
    ['12', 'int64:12'],
    ['010', 'int64:8'],
    ['08', 'float64:8'],
    ['9223372036854775808', 'uint64:9223372036854775808'],
    ['18446744073709551616', 'float64:18446744073709552000'],
    ['.5', 'float64:0.5'],
    ['1.e3', 'float64:1000'],
    ['"a\\tb"', 'string:"a\\tb"'],
    ['"\\101\\x42\\u0043\\U0001F600"', 'string:"ABC😀"'],
    ['`raw\\n`', 'string:"raw\\\\n"'],
    ['"\\xc3\\xa9"', 'string:"é"'],
    ['true', 'bool:true'],
    ['null', 'null:'],
  ])('%s', (src, want) => {
    expect(typed(value(src))).toBe(want);
  });

  it('reports float overflow without a position', () => {
    expect(run('1e400')).toBe('error: strconv.ParseFloat: parsing "1e400": value out of range');
  });
});

describe('arithmetic', () => {
  it.each([
    ['3 + 5 * 2', '13'],
    ['-7 / 2', '-3'],
    ['-3 % 2', '-1'],
    ['7 % -2', '1'],
    ['2 ^ 64', '0'],
    ['2 ^ -1', '2'],
    ['2.0 ^ -1', '0.5'],
    ['-2 ^ 2', '4'],
    ['9223372036854775807 + 1', '-9223372036854775808'],
    ['18446744073709551615 + 1', '0'],
    ['18446744073709551615 ^ -2', '-1'],
    ['1 + 2 + 3.0', '6'],
    ['1.1 * 3', '3.3000000000000003'],
    ['10 ^ 20', '7766279631452241920'],
    ['10.0 ^ 308 == 1.0000000000000006e308', 'true'],
    ['1.5 % 1', '0.5'],
    ['"a" < "b"', 'true'],
    ['"é" < "😀"', 'true'],
    ['1 == 1.0', 'true'],
    ['[1, {a = 2}] == [1.0, {a = 2}]', 'true'],
    ['string.to_upper == string.to_upper', 'false'],
    ['null == null', 'true'],
    ['1 != "1"', 'true'],
  ])('%s = %s', (src, want) => {
    expect(run(src)).toBe(want);
  });

  it.each([
    ['1 + "a"', '1:5: "a" should be number, got string'],
    ['true && 1', '1:9: 1 should be one of [bool] for binop &&, got number'],
    ['[1] + [2]', '1:1: [1] should be one of [number string capsule] for binop +, got array'],
    ['!1', '1:2: 1 should be bool, got number'],
    ['1 / 0', '1:5: 0 divide by zero error'],
    ['0.0 / 0.0', '1:7: 0.0 divide by zero error'],
    ['null / 2.5', '-:  should be one of [number] for binop /, got null'],
    ['1 == 2 != 3 < 4', '1:1: 1 == 2 != 3 should be one of [number string] for binop <, got bool'],
    ['(1 - 5 / 1 % 0) * 2', '1:14: 0 divide by zero error'],
    ['false && x', '1:10: identifier "x" does not exist'],
  ])('%s fails', (src, want) => {
    expect(run(src)).toBe('error: ' + want);
  });
});

describe('access and indexing', () => {
  it.each([
    ['{ a = { b = 12 } }.a.b', '12'],
    ['{}["foo"]', 'null'],
    ['[1, 2][1.9]', '2'],
    ['-[1][0]', '-1'],
    ['{"a-b" = 1}["a-b"]', '1'],
    ['string.split("a/b", "/")[1]', '"b"'],
  ])('%s', (src, want) => {
    expect(run(src)).toBe(want);
  });

  it.each([
    ['{ a = 15 }.b', '1:12: field "b" does not exist'],
    ['[1,2][5]', '1:7: 5 index 5 is out of range of array with length 2'],
    ['[1,2,3][0][0]', '1:1: [1, 2, 3][0] expected object or array, got number'],
    ['{a=1}.a.b', '1:1: {a = 1}.a cannot access field "b" on value of type number'],
    ['null.a', '-:  cannot access field "a" on value of type null'],
    ['"s"[0]', '1:1: "s" expected object or array, got string'],
    ['[1]["a"]', '1:5: "a" should be number, got string'],
    ['{a = 1}[0]', '1:9: 0 should be string, got number'],
    ['1()', '1:1: 1 should be function, got number'],
    ['foo', '1:1: identifier "foo" does not exist'],
  ])('%s fails', (src, want) => {
    expect(run(src)).toBe('error: ' + want);
  });

  it('prints the path into a variable', () => {
    const scope = { key_value: value('{object = {field1 = [1, 2, "x"]}}') };
    expect(run('key_value.object.field1', { scope, target: '[]int' })).toBe('error: 1:1: key_value.object.field1[2] should be number, got string');
    expect(run('key_value.object.field1[2] + 1', { scope })).toBe('error: 1:30: 1 should be string, got number');
  });

  it('scope shadows the stdlib', () => {
    expect(run('string', { scope: { string: number('int', 3n) } })).toBe('3');
  });
});

describe('secrets', () => {
  const scope = { sec: secret('s3cret'), osec_t: optionalSecret('hidden', true), osec_f: optionalSecret('plain', false), str: string('text') };
  it.each([
    ['sec + "x"', '(secret)'],
    ['"x" + osec_f', '"xplain"'],
    ['osec_t + "x"', '(secret)'],
    ['sec == "s3cret"', 'true'],
    ['convert.nonsensitive(sec)', '"s3cret"'],
    ['encoding.to_json({a = sec})', '"{\\"a\\":\\"s3cret\\"}"'],
  ])('%s', (src, want) => {
    expect(run(src, { scope })).toBe(want);
  });

  it.each([
    ['sec + 1', '1:7: 1 should be capsule, got number'],
    ['sec < "z"', '1:1: sec should be one of [number string] for binop <, got capsule'],
    ['string.to_upper(sec)', '1:17: sec secrets may not be converted into strings'],
  ])('%s fails', (src, want) => {
    expect(run(src, { scope })).toBe('error: ' + want);
  });

  it('refuses to decode secrets into strings', () => {
    expect(run('sec', { scope, target: 'string' })).toBe('error: 1:1: sec secrets may not be converted into strings');
    expect(typed(value('str', { scope, target: 'alloytypes.Secret' }))).toBe('secret:text');
  });
});

describe('evaluate API', () => {
  it('returns offsets and never throws', () => {
    const { expr, source } = parseExpression('[1,\n  2][9]');
    const r = evaluate(expr);
    expect(r.value).toBeUndefined();
    expect(r.error?.message).toBe('9 index 9 is out of range of array with length 2');
    expect(formatEvalError(r.error!, source)).toBe('2:6: 9 index 9 is out of range of array with length 2');
  });

  it('formats parse errors with the number of extra diagnostics', () => {
    expect(run('{a: 1}')).toBe("error: 1:3: illegal character U+003A ':' (and 1 more diagnostics)");
  });

  it('maps errors to the last node that produced an equal small value', () => {
    // Go keeps small integers in shared storage, so the last `1` evaluated wins.
    expect(run('1 && (1 == 1)')).toBe('error: 1:12: 1 should be one of [bool] for binop &&, got number');
  });

  it('prints multi-line node text like the Alloy printer', () => {
    expect(run('{\n  a = 1,\n  bb = 2,\n} + 1')).toBe('error: 1:1: {\n\ta  = 1,\n\tbb = 2,\n} should be one of [number string capsule] for binop +, got object');
  });
});
