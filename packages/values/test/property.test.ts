import fc from 'fast-check';
import { isValidIdentifier } from '@alloy-lint/parser';
import { describe, expect, it } from 'vitest';
import { evaluateText, float64, int64, printValue, uint64, valuesEqual, type Value } from '../src/index.js';
import { property } from '../../../test/support/property.js';

const FILE = 'packages/values/test/property.test.ts';

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

const TWO63 = 2n ** 63n;

/**
 * The value Alloy reads back from `printValue(v)`. The same, except for negative floats printed as
 * an integer above 2^63 and below 2^64 (-2^63 itself prints as -9223372036854776000): the digits
 * are a uint64 literal, which unary minus wraps into int64 before negating.
 */
function reread(v: Value): Value {
  if (v.t === 'array') return { ...v, v: v.v.map(reread) };
  if (v.t === 'object') return { ...v, v: new Map([...v.v].map(([k, x]) => [k, reread(x)])) };
  if (v.t !== 'number' || typeof v.v !== 'number') return v;
  const text = printValue(v);
  if (!/^-\d+$/.test(text)) return v;
  const magnitude = BigInt(text.slice(1));
  if (magnitude <= TWO63 || magnitude >= 2n ** 64n) return v;
  return int64(BigInt.asIntN(64, -BigInt.asIntN(64, magnitude)));
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
      property(FILE, 300),
    );
  });

  it('printing a value as Alloy text and evaluating it gives the value Alloy gives', () => {
    fc.assert(
      fc.property(valueArb(false), (v) => {
        const text = printValue(v);
        const r = evaluateText(text);
        expect(r.errorText, text).toBeUndefined();
        expect(valuesEqual(r.value!, reread(v)), text).toBe(true);
      }),
      property(FILE, 500),
    );
  });

  it('a negative float printed as an integer past int64 reads back as Alloy reads it', () => {
    // Alloy prints float64 -2^63-ish values with FormatFloat('f', -1): "-9223372036854776000".
    // Reading it back, the literal does not fit int64, so it becomes a uint64, and unary minus
    // converts that to int64 first (wrapping) and negates: a positive int64
    // (syntax/internal/transform/value.go ValueFromLiteral, transform/unary.go UnaryOp).
    const v = float64(-9223372036854775808);
    expect(printValue(v)).toBe('-9223372036854776000');
    expect(printValue(evaluateText('-9223372036854776000').value!)).toBe('9223372036854775616');
    expect(evaluateText('-9223372036854776000').value).toEqual(int64(9223372036854775616n));
    expect(valuesEqual(evaluateText(printValue(v)).value!, reread(v))).toBe(true);
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
      property(FILE, 500),
    );
  });

  it('keys used by the generators stay printable', () => {
    expect(isValidIdentifier('a1')).toBe(true);
  });
});
