// strings.Fields, Split, Replace, ReplaceAll, Compare.
import { describe, expect, it } from 'vitest';
import { compareStrings, fields, replace, replaceAll, split } from '../src/index.js';

describe('fields', () => {
  it.each([
    ['', []],
    [' ', []],
    [' \t\n', []],
    ['  abc  ', ['abc']],
    ['1 2 3 4', ['1', '2', '3', '4']],
    ['1  2  3  4', ['1', '2', '3', '4']],
    ['1\t\t2\t\t3\t4', ['1', '2', '3', '4']],
    ['1\u20002\u20013\u20024', ['1', '2', '3', '4']],
    ['\u2000\u2001\u2002', []],
    ['\ufeffa b', ['\ufeffa', 'b']],
  ])('Fields(%j) = %j', (s, want) => {
    expect(fields(s)).toEqual(want);
  });
});

describe('split', () => {
  it('splits on a separator, or after each rune when it is empty', () => {
    expect(split('a,b,,c', ',')).toEqual(['a', 'b', '', 'c']);
    expect(split('', ',')).toEqual(['']);
    expect(split('a😀b', '')).toEqual(['a', '😀', 'b']);
    expect(split('', '')).toEqual([]);
  });
});

describe('replace', () => {
  it.each([
    ['hello', 'l', 'L', 0, 'hello'],
    ['hello', 'l', 'L', -1, 'heLLo'],
    ['hello', 'x', 'L', -1, 'hello'],
    ['', 'x', 'L', -1, ''],
    ['radar', 'r', '<r>', -1, '<r>ada<r>'],
    ['', '', '<>', -1, '<>'],
    ['banana', 'a', '<>', -1, 'b<>n<>n<>'],
    ['banana', 'a', '<>', 1, 'b<>nana'],
    ['banana', 'a', '<>', 1000, 'b<>n<>n<>'],
    ['banana', 'an', '<>', -1, 'b<><>a'],
    ['banana', 'ana', '<>', -1, 'b<>na'],
    ['banana', '', '<>', -1, '<>b<>a<>n<>a<>n<>a<>'],
    ['banana', '', '<>', 10, '<>b<>a<>n<>a<>n<>a<>'],
    ['banana', '', '<>', 6, '<>b<>a<>n<>a<>n<>a'],
    ['banana', 'a', 'a', -1, 'banana'],
    ['☺☻☹', '', '<>', -1, '<>☺<>☻<>☹<>'],
  ])('Replace(%j, %j, %j, %d) = %j', (s, o, n, k, want) => {
    expect(replace(s, o, n, k)).toBe(want);
    if (k === -1) expect(replaceAll(s, o, n)).toBe(want);
  });
});

describe('compareStrings', () => {
  it('orders by UTF-8 bytes', () => {
    expect(compareStrings('a', 'b')).toBe(-1);
    expect(compareStrings('b', 'a')).toBe(1);
    expect(compareStrings('a', 'a')).toBe(0);
    expect(compareStrings('a', 'ab')).toBe(-1);
    expect(compareStrings('\u{1f600}', '\uffff')).toBe(1); // JS `<` says the opposite
    expect('\u{1f600}' < '\uffff').toBe(true);
  });
});
