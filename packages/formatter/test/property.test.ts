import fc from 'fast-check';
import { parse, type File } from '@alloy-lint/parser';
import { describe, expect, it } from 'vitest';
import { format } from '../src/index.js';
import { configText } from './arbitrary.js';
import { property } from '../../../test/support/property.js';

const FILE = 'packages/formatter/test/property.test.ts';

/** Runs per property; raise with FC_RUNS=5000 for a deeper search. */
const RUNS = Number(process.env.FC_RUNS ?? 400);

const POSITION_KEYS = new Set(['start', 'end', 'lcurly', 'rcurly', 'lbrack', 'rbrack', 'lparen', 'rparen', 'opPos', 'nameSpan', 'labelSpan']);

/** The tree without positions, plus the comment texts in order. */
function shape(file: File): unknown {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) if (!POSITION_KEYS.has(k) && k !== 'comments') out[k] = strip(x);
      return out;
    }
    return v;
  };
  return { body: strip(file.body), comments: file.comments.flat().map((c) => c.text) };
}

function mustFormat(text: string): string {
  const res = format(text);
  expect(res.diagnostics, `generated text does not parse:\n${text}`).toEqual([]);
  return res.text!;
}

describe('formatter properties', () => {
  it('generated configs parse', () => {
    fc.assert(
      fc.property(configText, (text) => {
        expect(parse(text).diagnostics).toEqual([]);
      }),
      property(FILE, RUNS),
    );
  });

  it('formatting is idempotent: format(format(x)) == format(x)', () => {
    fc.assert(
      fc.property(configText, (text) => {
        const once = mustFormat(text);
        expect(mustFormat(once)).toBe(once);
      }),
      property(FILE, RUNS),
    );
  });

  it('formatting never changes the tree (positions aside) or the comments', () => {
    fc.assert(
      fc.property(configText, (text) => {
        const once = mustFormat(text);
        expect(shape(parse(once).ast)).toEqual(shape(parse(text).ast));
      }),
      property(FILE, RUNS),
    );
  });

  it('output ends in exactly one newline and has no trailing blanks', () => {
    fc.assert(
      fc.property(configText, (text) => {
        const once = mustFormat(text);
        expect(once.endsWith('\n')).toBe(true);
        expect(once.endsWith('\n\n')).toBe(false);
        for (const line of once.split('\n')) if (!line.includes('`')) expect(line).not.toMatch(/[ \t]$/);
      }),
      property(FILE, RUNS),
    );
  });
});
