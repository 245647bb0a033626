// Untrusted input: any text gives problems inside the text, never an exception.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { check, CONTEXTS } from '../src/index.js';
import { property } from '../../../test/support/property.js';

const soup = fc.array(fc.constantFrom('set', '(', ')', '[', ']', '{', '}', ',', '.', ' ', 'where', 'and', 'not', '==', '"a"', '1', '-1', '0x1', 'IsMatch', 'attributes', 'resource', 'nil', 'true', ':', '=', '+', '*', 'for', 'in', 'x', 'SPAN_KIND_SERVER', '\\', '$', 'é'), { maxLength: 40 }).map((a) => a.join(''));

it('property: check never throws and keeps problems inside the text', () => {
  fc.assert(
    fc.property(fc.oneof(soup, fc.string()), fc.constantFrom('statement', 'condition', 'value') as fc.Arbitrary<'statement' | 'condition' | 'value'>, fc.constantFrom(...CONTEXTS), (text, kind, context) => {
      const r = check(kind, text, { context });
      for (const p of r.problems) {
        expect(p.start).toBeGreaterThanOrEqual(0);
        expect(p.end).toBeLessThanOrEqual(text.length);
        expect(p.start).toBeLessThanOrEqual(p.end);
      }
    }),
    property('packages/ottl/test/robust.test.ts', 2000),
  );
});
