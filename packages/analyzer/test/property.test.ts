import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../test/support/mutate.js';
import { analyze } from '../src/index.js';
import { v1181 } from './real-catalog.js';
import { property } from '../../../test/support/property.js';

const FILE = 'packages/analyzer/test/property.test.ts';

const dirs = [new URL('../../../examples/', import.meta.url), new URL('../../../test/fixtures/valid/', import.meta.url)];
const valid = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.alloy')).map((f) => readFileSync(new URL(f, d))));

const FRAGMENTS = ['loki.write.x.receiver', 'forward_to = []', '{', '}', '"', 'declare "d" {', 'argument "a" {}', 'import.string "s" {', 'foreach "f" {', 'template {', '[', ']', '=', '\n', 'a.b.c', '(', ')', 'rule {', 'regex = "("', '1', 'true', '#'];


describe('the checker never fails (property)', () => {
  it('returns diagnostics inside the text for mutated configs', () => {
    const edit = fc.record({ at: fc.nat(), del: fc.nat({ max: 12 }), ins: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 4 })) });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: valid.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 5 }), (i, edits) => {
        const text = applyEdits(valid[i], edits);
        const { diagnostics, sources } = analyze([{ name: 'm.alloy', text }], { catalog: v1181 });
        for (const d of diagnostics) {
          const len = sources.get(d.file)!.bytes.length;
          expect(d.start).toBeGreaterThanOrEqual(0);
          expect(d.end).toBeGreaterThanOrEqual(d.start);
          expect(d.end).toBeLessThanOrEqual(len + 1);
          expect(d.message.length).toBeGreaterThan(0);
        }
      }),
      property(FILE, 2000),
    );
  });
});
