import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@alloy-lint/parser';
import { describe, expect, it } from 'vitest';
import { format, printFile } from '../src/index.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'testdata');
const cases = readdirSync(dir)
  .filter((f) => f.endsWith('.in'))
  .sort()
  .map((f) => f.slice(0, -3));

/** Outputs that do not format to themselves, as in Alloy (see README). */
const NOT_STABLE = new Set(['empty_call_newline']);

describe('golden files (testdata/*.in -> *.expect)', () => {
  it('has cases', () => expect(cases.length).toBeGreaterThan(10));

  for (const name of cases) {
    const input = readFileSync(join(dir, `${name}.in`));
    const expected = readFileSync(join(dir, `${name}.expect`), 'utf8');

    it(`${name}: format() gives the expected bytes`, () => {
      const res = format(input);
      expect(res.diagnostics).toEqual([]);
      expect(res.text).toBe(expected);
    });

    it(`${name}: printFile() is the same without the final newline`, () => {
      const { ast, source } = parse(input);
      expect(printFile(ast, source) + '\n').toBe(expected);
    });

    if (!NOT_STABLE.has(name)) {
      it(`${name}: formatting the output again changes nothing`, () => {
        expect(format(expected).text).toBe(expected);
      });
    }
  }
});

describe('format()', () => {
  it('refuses input with syntax errors and returns the diagnostics', () => {
    const res = format('x = 1\na = ]\n');
    expect(res.text).toBeUndefined();
    expect(res.diagnostics.map((d) => d.message)).toEqual(['expected expression, got ]']);
    expect(res.source.position(res.diagnostics[0].start)).toMatchObject({ line: 2, column: 5 });
  });

  it('accepts bytes and strings alike', () => {
    const text = 'x = {a=1}\n';
    expect(format(new TextEncoder().encode(text)).text).toBe(format(text).text);
  });

  it('formats an empty file to a single newline', () => {
    expect(format('').text).toBe('\n');
    expect(format('\n\n\n').text).toBe('\n');
  });

  it('aligns by code points, not bytes or UTF-16 units', () => {
    expect(format('é = 1\nab = 2\n𝒳 = 3\n').text).toBe('é  = 1\nab = 2\n𝒳  = 3\n');
  });

  it('keeps a literal tab in a string as an alignment cell, as Alloy does', () => {
    expect(format('a = "x\ty"\nbb = "z\tw"\n').text).toBe('a  = "x y"\nbb = "z w"\n');
  });

  it('adds backslashes to quoted keys with escapes, as Alloy does', () => {
    expect(format('x = {"a\\"b" = 1}\n').text).toBe('x = {"a\\\\\\"b" = 1}\n');
  });

  it('strips trailing spaces inside raw strings, as Alloy does', () => {
    expect(format('a = `x  \ny`\n').text).toBe('a = `x\ny`\n');
  });
});
