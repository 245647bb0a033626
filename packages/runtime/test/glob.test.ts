import { describe, expect, it } from 'vitest';
import { compileGlob, globBase, globMatch, MAX_GLOB_NESTING } from '../src/glob.js';

// pattern, path, matches — doublestar v4 semantics (what Alloy's local.file_match uses).
const CASES: [string, string, boolean][] = [
  ['abc', 'abc', true],
  ['*', 'abc', true],
  ['*', '.hidden', true],
  ['*c', 'abc', true],
  ['a*', 'a', true],
  ['a*', 'ab/c', false],
  ['a*/b', 'abc/b', true],
  ['a*/b', 'a/c/b', false],
  ['a*b*c*d*e*/f', 'axbxcxdxexxx/f', true],
  ['a*b*c*d*e*/f', 'axbxcxdxe/xxx/f', false],
  ['a*b?c*x', 'abxbbxdbxebxczzx', true],
  ['a*b?c*x', 'abxbbxdbxebxczzy', false],
  ['ab[b-d]', 'abc', true],
  ['ab[e-g]', 'abc', false],
  ['ab[^c]', 'abc', false],
  ['ab[!b-d]', 'abc', false],
  ['ab[^e-g]', 'abc', true],
  ['a\\*b', 'a*b', true],
  ['a\\*b', 'ab', false],
  ['a?b', 'a☺b', true],
  ['a???b', 'a☺b', false],
  ['[a-ζ]*', 'α', true],
  ['a?b', 'a/b', false],
  ['a*b', 'a/b', false],
  ['[\\]a]', ']', true],
  ['[\\-]', '-', true],
  ['[x\\-]', '-', true],
  ['[x\\-]', 'z', false],
  ['[a-]', '-', true],
  ['a/**', 'a', true],
  ['a/**', 'a/b', true],
  ['a/**', 'a/b/c', true],
  ['a/**/', 'a', true],
  ['a/**/', 'a/b/', true],
  ['a/**/', 'a/b', false],
  ['**', 'a/b/c', true],
  ['**/c', 'c', true],
  ['**/c', 'a/b/c', true],
  ['**/c', 'a/b', false],
  ['**/c', 'a/abc', false],
  ['a/**/b', 'a/b', true],
  ['a/**/d', 'a/b/c/d', true],
  ['a/**/d', 'a/b/c/xd', false],
  ['/var/log/**/*.log', '/var/log/pods/x/0.log', true],
  ['/var/log/**/*.log', '/var/log/0.log', true],
  ['/var/log/**/*.log', '/var/log/pods/0.txt', false],
  ['a/\\**', 'a/b/c', false],
  ['abc**', 'abc', true],
  ['**abc', 'xabc', true],
  ['**abc', 'x/abc', false],
  ['ab{c,d}', 'abc', true],
  ['ab{c,d,*}', 'abcde', true],
  ['{a,b{c,d}}/x', 'bd/x', true],
  ['{a,b{c,d}}/x', 'bx/x', false],
  ['x,y', 'x,y', true],
  ['a}', 'a}', true],
  ['a.b', 'axb', false],
  ['(a|b)+', '(a|b)+', true],
];

describe('doublestar globs on RE2', () => {
  it.each(CASES)('%s ~ %s is %s', (pattern, path, want) => {
    expect(globMatch(pattern, path)).toBe(want);
  });

  it.each(['[', '[^', '[]a]', '[abc', '\\', 'a{b,c', 'ab{c,d}['])('%s is a bad pattern', (p) => {
    expect(compileGlob(p)).toEqual({ error: 'syntax error in pattern' });
  });

  it('finds the static directory a walk starts from', () => {
    expect(globBase('/var/log/**/*.log')).toBe('/var/log');
    expect(globBase('logs/a*.log')).toBe('logs');
    expect(globBase('*.log')).toBe('');
    expect(globBase('/x*')).toBe('/');
    expect(globBase('a/b/c.log')).toBe('a/b');
  });

  // Each pattern here took minutes or hours as a backtracking JS RegExp (the old globRegex).
  it('matches adversarial patterns in linear time (RE2, no backtracking)', () => {
    const name = 'a'.repeat(40);
    expect(globMatch('*a'.repeat(12) + 'b', name)).toBe(false);
    expect(globMatch('{*a,*a}'.repeat(12) + 'b', name)).toBe(false);
    expect(globMatch('**/'.repeat(20) + 'b', 'a/'.repeat(40) + 'c')).toBe(false);
    const long = 'a'.repeat(50_000);
    expect(globMatch('*a*a*a*a*a*a*a*a*a*a*b', long)).toBe(false);
  });

  it('refuses braces nested past the limit instead of recursing', () => {
    const deep = (n: number) => '{'.repeat(n) + 'a' + '}'.repeat(n);
    expect(globMatch(deep(MAX_GLOB_NESTING), 'a')).toBe(true);
    expect(compileGlob(deep(100_000))).toEqual({ error: `alternatives nested deeper than ${MAX_GLOB_NESTING} levels` });
    expect(globMatch('{a,'.repeat(100_000) + 'b' + '}'.repeat(100_000), 'b')).toBe(false);
  });
});
