// Issue 18, the crashes and blow-ups found on deep and wide configs: each case here crashed
// (stack overflow, internal error) or ran for minutes before the fix. The graph of a 1 MB
// config is in packages/graph/test/large.test.ts, adversarial globs in packages/runtime/test/glob.test.ts.
import { analyze } from '@alloy-lint/analyzer';
import { loadSchemaCatalog } from '@alloy-lint/schemas/node';
import { format } from '@alloy-lint/formatter';
import { MAX_DEPTH } from '@alloy-lint/parser';
import { checkAssertion, compileTemplate, memoryHost, runConfig } from '@alloy-lint/runtime';
import { describe, expect, it } from 'vitest';

const catalog = loadSchemaCatalog('v1.18.1');

const check = (text: string) => analyze([{ name: 'x.alloy', text }], { catalog });
const TOO_DEEP = `nesting deeper than ${MAX_DEPTH} levels is not supported`;
const messages = (text: string) => check(text).diagnostics.map((d) => d.message);
const inFile = (e: string) => `local.file "f" {\n  filename = ${e}\n}\n`;

describe('depth: a diagnostic, never a stack overflow', () => {
  it('objects nested 962 and more levels deep (overflowed before the old 1,000-level limit)', () => {
    for (const n of [962, 1000, 100_000]) {
      const text = inFile('{a = '.repeat(n) + '1' + '}'.repeat(n));
      expect(messages(text)).toEqual([TOO_DEEP]);
      expect(format(text).diagnostics.map((d) => d.message)).toEqual([TOO_DEEP]);
    }
  });

  it('every nesting construct counts, nested calls included (they were never counted)', () => {
    const kinds = {
      call: (n: number) => 'coalesce('.repeat(n) + '[]' + ')'.repeat(n),
      list: (n: number) => '['.repeat(n) + ']'.repeat(n),
      paren: (n: number) => '('.repeat(n) + '1' + ')'.repeat(n),
      unary: (n: number) => '-'.repeat(n) + '1',
      access: (n: number) => 'a' + '.b'.repeat(n),
      index: (n: number) => '[0]' + '[0]'.repeat(n),
      callChain: (n: number) => 'f' + '()'.repeat(n),
    };
    for (const [kind, make] of Object.entries(kinds)) {
      expect(messages(inFile(make(MAX_DEPTH + 1))), kind).toContain(TOO_DEEP);
      expect(messages(inFile(make(MAX_DEPTH - 2))), kind).not.toContain(TOO_DEEP);
    }
  });

  it('chains of ~4.4k `.b`, `[0]` and `+` no longer crash check', () => {
    const n = 10_000;
    expect(messages(inFile('a' + '.b'.repeat(n)))).toEqual([TOO_DEEP]);
    expect(messages(inFile('[1]' + '[0]'.repeat(n)))).toEqual([TOO_DEEP]);
    // A + chain is not nesting: Alloy accepts it, and so does every walk (its left spine is a loop).
    const sum = Array.from({ length: n }, () => '"a"').join(' + ');
    expect(check(inFile(sum)).diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
  });

  it('a + chain of ~7.4k and more formats (fmt crashed)', () => {
    const text = `x = ${Array.from({ length: 100_000 }, (_, i) => String(i)).join(' + ')}\n`;
    expect(format(text).text).toBe(text);
  });
});

describe('width', () => {
  it('a line of 6.5k and more cells formats (the column alignment recursed once per cell)', () => {
    const fields = Array.from({ length: 100_000 }, (_, i) => `k${i} = ${i}`);
    const text = `x = {${fields.join(', ')}}\n`;
    expect(format(text).text).toBe(text);
    // Cells on many lines align as before.
    expect(format('x = {\n  a = 1,\n  bbb = 2,\n}\n').text).toBe('x = {\n\ta   = 1,\n\tbbb = 2,\n}\n');
  });

  it('200k diagnostics are all reported (a spread push crashed check at 123.5k)', () => {
    const r = check('x\n'.repeat(200_000));
    expect(r.diagnostics).toHaveLength(200_000);
    expect(r.diagnostics.every((d) => d.code === 'syntax' && d.message.startsWith('expected '))).toBe(true);
  });

  it('150k rule diagnostics are all reported (the findings of the rules went through a spread push)', () => {
    const text = Array.from({ length: 150_000 }, (_, i) => `discovery.relabel "r${i}" {\n targets = []\n}\n`).join('');
    const unused = check(text).diagnostics.filter((d) => d.code === 'unused-output');
    expect(unused).toHaveLength(150_000);
    expect(unused[149_999].message).toBe('the exports of discovery.relabel.r149999 (output, rules) are never used');
  });
});

describe('patterns from a config or test file run in linear time', () => {
  it('test line_regex runs on RE2: `(a*)*b` on 50k characters (20 s on 28 as a JS RegExp)', () => {
    const entries = [{ line: 'a'.repeat(50_000), labels: {}, structuredMetadata: {}, timestamp: '2024-01-01T00:00:00Z' }];
    const r = checkAssertion({ type: 'contains', match: { line_regex: '(a*)*b' } }, entries);
    expect([r.passed, r.message]).toEqual([false, 'no entry matches']);
  });

  it('template Trim helpers are linear: Trim of 1M characters with the cut set in the middle', () => {
    const half = 'a'.repeat(500_000);
    expect(compileTemplate('{{ Trim .x "a" }}').execute(new Map([['x', `${half}b${half}c`]]))).toBe(`b${half}c`);
    expect(compileTemplate('{{ TrimSpace .x }}').execute(new Map([['x', ' '.repeat(500_000) + 'b' + ' '.repeat(500_000) + 'c']]))).toBe('b' + ' '.repeat(500_000) + 'c');
  });

  it('local.file_match with a pattern that backtracks exponentially as a JS RegExp', () => {
    const name = `/logs/${'a'.repeat(40)}`;
    const r = runConfig([{ name: 'c.alloy', text: `local.file_match "m" {\n  path_targets = [{"__path__" = "/logs/${'*a'.repeat(15)}b"}]\n}\n` }], {
      catalog,
      host: memoryHost({ [name]: 'x\n', '/logs/ab': 'y\n' }),
    });
    expect(r.targets.find((t) => t.component === 'local.file_match.m')!.targets).toEqual([]);
  });
});
