import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import { expectedErrors, testdataFiles } from './harness.js';

describe('testdata/valid', () => {
  for (const { name, text } of testdataFiles('valid')) {
    it(`${name} parses without diagnostics`, () => {
      expect(parse(text).diagnostics).toEqual([]);
    });
  }
});

describe('testdata/invalid: /* ERROR */ markers', () => {
  for (const { name, text } of testdataFiles('invalid')) {
    it(name, () => {
      const want = expectedErrors(text);
      expect(want.length).toBeGreaterThan(0);
      const got = parse(text).diagnostics;
      const byOffset = new Map<number, string>();
      for (const d of got) {
        expect(byOffset.has(d.start), `two diagnostics at ${d.start}: ${d.message}`).toBe(false);
        byOffset.set(d.start, d.message);
      }
      for (const w of want) {
        const msg = byOffset.get(w.offset);
        expect(msg, `no diagnostic at ${w.offset} (want /${w.pattern}/); got ${JSON.stringify(got)}`).toBeDefined();
        expect(msg).toMatch(new RegExp(w.pattern));
        byOffset.delete(w.offset);
      }
      expect([...byOffset.values()], 'unexpected diagnostics').toEqual([]);
    });
  }
});
