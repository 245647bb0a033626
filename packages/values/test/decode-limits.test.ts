// Documents decoded from config strings: any nesting, aliasing or size gives an error or a value,
// never a stack overflow, a process abort (the `yaml` package's composer, deep enough, made V8
// abort while compiling a regular expression) or minutes of work.
import { MAX_DEPTH } from '@alloy-lint/parser';
import { describe, expect, it } from 'vitest';
import { yamlRefusal } from '../src/yaml-guard.js';
import { run } from './helpers.js';

const fromYaml = (doc: string) => run(`encoding.from_yaml(${JSON.stringify(doc)})`);
const TOO_DEEP = `error: 1:1: encoding.from_yaml yaml: exceeded max depth of ${MAX_DEPTH}`;

describe('encoding.from_yaml limits', () => {
  it.each([
    ['flow lists', (n: number) => '['.repeat(n) + ']'.repeat(n)],
    ['flow maps', (n: number) => '{a: '.repeat(n) + '1' + '}'.repeat(n)],
    ['compact sequences', (n: number) => '- '.repeat(n) + 'x'],
    ['complex keys', (n: number) => '? '.repeat(n) + 'x'],
    ['indentation', (n: number) => Array.from({ length: Math.min(n, MAX_DEPTH + 50) }, (_, i) => ' '.repeat(i) + 'a:').join('\n') + ' 1'],
  ])('%s nested past the limit are an error (they aborted the process at 3,000)', (_, make) => {
    expect(fromYaml(make(3000))).toBe(TOO_DEEP);
    expect(fromYaml(make(MAX_DEPTH - 10))).not.toMatch(/^error/);
  });

  it('a node with thousands of anchors is refused (the parser was quadratic on it)', () => {
    expect(fromYaml('&a '.repeat(30_000) + 'x')).toBe('error: 1:1: encoding.from_yaml yaml: a node with more than 8 anchors or tags');
  });

  it('aliases: the most recent anchor, self-reference and excessive aliasing as yaml.v3 says', () => {
    expect(fromYaml('a: &x 1\nb: *x\nc: &x 2\nd: *x')).toBe('{\n\ta = 1,\n\tb = 1,\n\tc = 2,\n\td = 2,\n}');
    expect(fromYaml('a: &x [1, *x]')).toBe("error: 1:1: encoding.from_yaml yaml: anchor 'x' value contains itself");
    const laughs = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 9 }, (_, i) => `${'bcdefghij'[i]}: &${'bcdefghij'[i]} [${Array(10).fill('*' + 'abcdefghij'[i]).join(', ')}]`)].join('\n');
    expect(fromYaml(laughs)).toBe('error: 1:1: encoding.from_yaml yaml: document contains excessive aliasing');
  });

  it('duplicate keys: every pair, in yaml.v3 order; 100k distinct keys decode', () => {
    expect(fromYaml('a: 1\nb: 2\na: 3\na: 4')).toBe(
      'error: 1:1: encoding.from_yaml yaml: unmarshal errors:\n  line 3: mapping key "a" already defined at line 1\n  line 4: mapping key "a" already defined at line 1\n  line 4: mapping key "a" already defined at line 3',
    );
    const big = Array.from({ length: 100_000 }, (_, i) => `k${i}: ${i}`).join('\n');
    expect(run(`encoding.from_yaml(${JSON.stringify(big)}).k99999`)).toBe('99999');
  });

  it('the guard counts nesting outside quoted scalars and comments only', () => {
    expect(yamlRefusal(`a: "${'['.repeat(1000)}"\nb: '${'{'.repeat(1000)}'\n# ${'['.repeat(1000)}`)).toBeUndefined();
    expect(yamlRefusal('['.repeat(MAX_DEPTH + 1))).toBe(`yaml: exceeded max depth of ${MAX_DEPTH}`);
  });
});

describe('json_decode and encoding.from_json limits', () => {
  it('nesting past the limit is encoding/json\'s "exceeded max depth" (it overflowed the stack)', () => {
    const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
    for (const fn of ['json_decode', 'encoding.from_json']) {
      expect(run(`${fn}(${JSON.stringify(deep(100_000))})`)).toBe(`error: 1:1: ${fn} invalid character '[' exceeded max depth`);
      expect(run(`${fn}(${JSON.stringify('{"a":'.repeat(MAX_DEPTH + 1) + '1' + '}'.repeat(MAX_DEPTH + 1))})`)).toBe(`error: 1:1: ${fn} invalid character '{' exceeded max depth`);
      expect(run(`${fn}(${JSON.stringify(deep(MAX_DEPTH))})`)).toMatch(/^\[+\]+$/);
    }
  });
});

describe('json_path expressions nested deep', () => {
  const jp = (path: string) => run(`json_path("{\\"a\\": [{\\"b\\": 2}]}", ${JSON.stringify(path)})`);
  it.each([
    ['parentheses', (n: number) => '$.a[?(' + '('.repeat(n) + '@.b > 1' + ')'.repeat(n) + ')]'],
    ['negations', (n: number) => '$.a[?(' + '!'.repeat(n) + '(@.b > 1))]'],
    ['operator chains', (n: number) => '$.a[?(@.b' + ' + 1'.repeat(n) + ' > 1)]'],
    ['lists', (n: number) => '$.a[?(@.b in ' + '['.repeat(n) + '2' + ']'.repeat(n) + ')]'],
  ])('%s past the limit are an error, not a stack overflow (100k overflowed it)', (_, make) => {
    expect(jp(make(100_000))).toMatch(/^error: .*nesting deeper than/);
    expect(jp(make(50))).not.toMatch(/^error/);
  });
});
