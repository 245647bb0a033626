import fc from 'fast-check';
import { isValidIdentifier } from '@alloy-lint/parser';
import { describe, expect, it } from 'vitest';
import { evaluateText, float64, int64, printValue, uint64, valuesEqual, type Value } from '../src/index.js';

// Keys the printer can write back unchanged: identifiers, or strings without escapes
// (Alloy does not unescape quoted object keys, and `""` is kept as two characters).
const key = fc.oneof(
  fc.stringMatching(/^[a-z_][a-z0-9_]{0,6}$/),
  fc.stringMatching(/^[a-z0-9 .\-/:]{1,6}$/),
);

const finiteFloat = fc.double({ noNaN: true, noDefaultInfinity: true });

function valueArb(jsonOnly: boolean): fc.Arbitrary<Value> {
  const { tree } = fc.letrec<{ tree: Value; leaf: Value }>((tie) => ({
    leaf: fc.oneof(
      fc.constant<Value>({ t: 'null' }),
      fc.boolean().map<Value>((b) => ({ t: 'bool', v: b })),
      fc.fullUnicodeString({ maxLength: 8 }).map<Value>((s) => ({ t: 'string', v: s })),
      finiteFloat.map<Value>((f) => float64(f)),
      (jsonOnly ? fc.bigInt(-(2n ** 53n), 2n ** 53n) : fc.bigInt(-(2n ** 63n), 2n ** 63n - 1n)).map<Value>((n) => int64(n)),
      fc.bigInt(0n, 2n ** 64n - 1n).map<Value>((n) => (jsonOnly && n > 2n ** 53n ? uint64(n & (2n ** 53n - 1n)) : uint64(n))),
    ),
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      tie('leaf'),
      fc.array(tie('tree'), { maxLength: 4 }).map<Value>((items) => ({ t: 'array', v: items })),
      fc.dictionary(key, tie('tree'), { maxKeys: 4 }).map<Value>((d) => ({ t: 'object', v: new Map(Object.entries(d)) })),
    ),
  }));
  return tree;
}

describe('properties', () => {
  it('encoding.from_json(encoding.to_json(v)) == v for objects', () => {
    const objects = fc.dictionary(key, valueArb(true), { maxKeys: 5 }).map<Value>((d) => ({ t: 'object', v: new Map(Object.entries(d)) }));
    fc.assert(
      fc.property(objects, (v) => {
        const r = evaluateText('encoding.from_json(encoding.to_json(v))', { v });
        expect(r.errorText).toBeUndefined();
        expect(valuesEqual(r.value!, v)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('printing a value as Alloy text and evaluating it gives the same value', () => {
    fc.assert(
      fc.property(valueArb(false), (v) => {
        const text = printValue(v);
        const r = evaluateText(text);
        expect(r.errorText, text).toBeUndefined();
        expect(valuesEqual(r.value!, v), text).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('evaluation never throws on arbitrary operator soup', () => {
    const atom = fc.constantFrom('1', '0', '-1', '2.5', '"a"', '""', 'true', 'null', '[1]', '{a = 1}', 'x', 'string.to_upper', '18446744073709551615', '9223372036854775807');
    const op = fc.constantFrom('+', '-', '*', '/', '%', '^', '==', '!=', '<', '>=', '&&', '||');
    const expr = fc.tuple(atom, fc.array(fc.tuple(op, atom), { maxLength: 4 })).map(([a, rest]) => a + rest.map(([o, b]) => ` ${o} ${b}`).join(''));
    fc.assert(
      fc.property(expr, (src) => {
        const r = evaluateText(src);
        expect(r.value !== undefined || r.errorText !== undefined).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('keys used by the generators stay printable', () => {
    expect(isValidIdentifier('a1')).toBe(true);
  });
});
