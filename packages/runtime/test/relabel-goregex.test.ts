import { describe, expect, it } from 'vitest';
import { GoRegexp, goToLower, goToUpper, quoteMeta } from '../src/relabel/index.js';

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

  it('accepts repeated group names like Go does', () => {
    const r = re('(?P<n>a)|(?P<n>b)');
    expect(r.subexpNames).toEqual(['', 'n', 'n']);
    const m = r.findSubmatchIndex('b')!;
    expect(r.expand('$n', 'b', m)).toBe('b');
  });

  it('quotes metacharacters', () => {
    expect(quoteMeta('a.b*c')).toBe('a\\.b\\*c');
    expect(re(quoteMeta('1+1=2?')).test('1+1=2?')).toBe(true);
  });
});

describe('Go case mapping', () => {
  it('uses simple per-code-point mappings', () => {
    expect(goToUpper('ﬀ')).toBe('ﬀ');
    expect(goToUpper('ŉ')).toBe('ŉ');
    expect(goToUpper('ᾳ')).toBe('ᾼ');
    expect(goToLower('ΑΣ')).toBe('ασ');
    expect(goToLower('ABC')).toBe('abc');
  });
});
