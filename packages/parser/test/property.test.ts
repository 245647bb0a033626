import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../test/support/mutate.js';
import { parse, walk, type Node } from '../src/index.js';
import { testdataFiles } from './harness.js';
import { property } from '../../../test/support/property.js';

const FILE = 'packages/parser/test/property.test.ts';

/** Parsing never throws and every range it reports lies inside the input. */
function checkInvariants(bytes: Uint8Array): void {
  const { ast, diagnostics } = parse(bytes);
  for (const d of diagnostics) {
    expect(d.start).toBeGreaterThanOrEqual(0);
    expect(d.end).toBeGreaterThanOrEqual(d.start);
    expect(d.end).toBeLessThanOrEqual(bytes.length);
    expect(d.message.length).toBeGreaterThan(0);
  }
  walk(ast, {
    enter(node: Node) {
      expect(node.start).toBeGreaterThanOrEqual(0);
      expect(node.end).toBeLessThanOrEqual(bytes.length);
      expect(node.end).toBeGreaterThanOrEqual(node.start);
    },
  });
}

const enc = new TextEncoder();
const FRAGMENTS = [
  'a', 'loki.write', '"lbl"', '`raw\n`', '"esc\\n"', '"bad\\q"', '"open', '1', '1.5', '1e', '.5', '010',
  '=', '==', '!=', '<', '>=', '+', '-', '*', '/', '%', '^', '!', '&&', '||', '|', '&', ',', '.',
  '{', '}', '[', ']', '(', ')', '\n', '\r\n', ' ', '\t', '// c\n', '/* c */', '/* open', '#', "'s'",
  'true', 'null', '\u00e9', '\ufeff', '\u0000', '\u2026',
];

const valid = testdataFiles('valid').map((f) => enc.encode(f.text));

const mutation = fc.record({
  file: fc.integer({ min: 0, max: valid.length - 1 }),
  edits: fc.array(
    fc.record({
      at: fc.nat(),
      del: fc.nat({ max: 8 }),
      ins: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 3 })),
    }),
    { minLength: 1, maxLength: 4 },
  ),
});


describe('parser never fails (property)', () => {
  it('random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (b) => checkInvariants(b)), property(FILE, 4000));
  });

  it('token soup', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 80 }), (parts) => checkInvariants(enc.encode(parts.join(' ')))),
      property(FILE, 4000),
    );
  });

  it('mutated valid files', () => {
    fc.assert(fc.property(mutation, (m) => checkInvariants(applyEdits(valid[m.file], m.edits))), property(FILE, 3000));
  });
});
