import { describe, expect, it } from 'vitest';
import { GoError } from '../src/index.js';
import { GoRegexp, quoteMeta } from '../src/regexp-index.js';

const re = (s: string) => GoRegexp.mustCompile(s);

describe('GoRegexp', () => {
  it('reports Go parse errors', () => {
    expect(GoRegexp.compile('a(')).toEqual({ error: 'error parsing regexp: missing closing ): `a(`' });
    expect(GoRegexp.compile('(?=x)')).toHaveProperty('error');
  });

  it('gives submatch indexes with -1 for groups that did not take part', () => {
    expect(re('(a)|(b)').findSubmatchIndex('b')).toEqual([0, 1, -1, -1, 0, 1]);
    expect(re('(a)|(b)').findSubmatchIndex('xyz')).toBeNull();
  });

  it('is leftmost-first like Go, not leftmost-longest', () => {
    const m = re('a|ab').findSubmatchIndex('ab')!;
    expect(m.slice(0, 2)).toEqual([0, 1]);
  });

  it('expands $name, ${name}, $n and $$ with Go rules', () => {
    const r = re('(?P<k>\\w+)=(\\w+)');
    const src = 'env=prod';
    const m = r.findSubmatchIndex(src)!;
    expect(r.expand('$k:$2', src, m)).toBe('env:prod');
    expect(r.expand('${k}x', src, m)).toBe('envx');
    expect(r.expand('$kx', src, m)).toBe(''); // the name is "kx"
    expect(r.expand('$$1', src, m)).toBe('$1');
    expect(r.expand('${', src, m)).toBe('${');
    expect(r.expand('$01', src, m)).toBe(''); // a name, not a number
    expect(r.expand('cost: $', src, m)).toBe('cost: $');
  });

  it('replaces all matches, skipping an empty match right after a match', () => {
    expect(re('a*').replaceAll('baaac', 'x')).toBe('xbxcx');
    expect(re('(o)').replaceAll('foo', '[$1]')).toBe('f[o][o]');
    expect(re('o').replaceAllLiteral('foo', '$1')).toBe('f$1$1');
  });

  it('finds all matches', () => {
    expect(re('\\d+').findAllSubmatchIndex('a1b22c333').map((m) => m.slice(0, 2))).toEqual([
      [1, 2],
      [3, 5],
      [6, 9],
    ]);
  });

  it('keeps `^` at the start of the text when searching from later positions', () => {
    expect(re('^a').replaceAll('aaa', 'b')).toBe('baa');
  });

  it('accepts repeated group names like Go does (re2js alone rejects them)', () => {
    const r = re('(?P<n>a)|(?P<n>b)');
    expect(r.subexpNames).toEqual(['', 'n', 'n']);
    expect(r.subexpIndex('n')).toBe(1);
    expect(r.subexpIndex('')).toBe(-1);
    const m = r.findSubmatchIndex('b')!;
    expect(r.expand('$n', 'b', m)).toBe('b'); // the first group of that name that took part
    expect(re('(?P<x>a)(?<x>b)[(?P<x>]').replaceAll('ab(', '${x}')).toBe('a');
    expect(re('(?P<x>\\()(?P<x>c)').subexpNames).toEqual(['', 'x', 'x']);
  });

  it('uses Go\'s syntax and error texts', () => {
    expect(GoRegexp.compile('x{1001}')).toEqual({ error: 'error parsing regexp: invalid repeat count: `{1001}`' });
    expect(GoRegexp.compile('\\8')).toEqual({ error: 'error parsing regexp: invalid escape sequence: `\\8`' });
    expect(GoRegexp.compile('(?P<a-b>x)')).toHaveProperty('error');
    expect(re('(?<name>x)').subexpNames).toEqual(['', 'name']);
    expect(re('(?i)ABC').test('abc')).toBe(true);
    expect(re('\\Qa.b\\E').test('a.b')).toBe(true);
    expect(re('\\Qa.b\\E').test('axb')).toBe(false);
    expect(re('[[:alpha:]]+').findString('12ab3')).toBe('ab');
    expect(re('\\pL+').findString('1é2')).toBe('é');
    expect(re('(?U)a+').findString('aaa')).toBe('a');
    expect(re('(?s).+').findString('a\nb')).toBe('a\nb');
    expect(re('.+').findString('a\nb')).toBe('a');
  });

  it('panics like MustCompile', () => {
    expect(() => GoRegexp.mustCompile('a(')).toThrow(GoError as never);
    expect(() => GoRegexp.mustCompile('a(')).toThrow(expect.objectContaining({ message: 'regexp: Compile("a("): error parsing regexp: missing closing ): `a(`' }));
  });

  it('finds strings and submatches with limits', () => {
    const r = re('a(x*)b');
    expect(r.findAllString('axb ab axxb', -1)).toEqual(['axb', 'ab', 'axxb']);
    expect(r.findAllString('axb ab axxb', 2)).toEqual(['axb', 'ab']);
    expect(r.findAllString('axb', 0)).toEqual([]);
    expect(r.findAllSubmatch('axb ab', -1)).toEqual([['axb', 'x'], ['ab', '']]);
    expect(r.findSubmatch('-ab-')).toEqual(['ab', '']);
    expect(r.findString('zzz')).toBe('');
    expect(re('a|').findAllString('baaa', -1)).toEqual(['', 'a', 'a', 'a']);
    expect(re('x*').findAllString('😀x', -1)).toEqual(['', 'x']);
  });

  it('quotes metacharacters', () => {
    expect(quoteMeta('a.b*c')).toBe('a\\.b\\*c');
    expect(re(quoteMeta('1+1=2?')).test('1+1=2?')).toBe(true);
  });
});
