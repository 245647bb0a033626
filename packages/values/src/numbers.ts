// Alloy's number conversions (on Go's amd64 float → integer rules).

import { floatToInt64, floatToUint64, formatFloat } from '@alloy-lint/gostd';
import { goTypeBits, number, numberKind, type NumberGoType, type NumberKind, type NumberValue } from './value.js';


/** Alloy's Number.Int(): the value as an int64. */
export function toInt64(n: NumberValue): bigint {
  if (typeof n.v === 'number') return floatToInt64(n.v);
  return n.go[0] === 'u' ? BigInt.asIntN(64, n.v) : n.v;
}

/** Alloy's Number.Uint(): the value as a uint64. */
export function toUint64(n: NumberValue): bigint {
  if (typeof n.v === 'number') return floatToUint64(n.v);
  return BigInt.asUintN(64, n.v);
}

/** Alloy's Number.Float(): the value as a float64. */
export function toFloat64(n: NumberValue): number {
  return typeof n.v === 'number' ? n.v : Number(n.v);
}

/** Number → string conversion: decimal, floats in shortest 'f' form. */
export function numberToString(n: NumberValue): string {
  return typeof n.v === 'number' ? formatFloat(n.v, 'f', -1, 64) : n.v.toString();
}

/** The kind used for an operation on two numbers: uint < int < float. */
export function fitKinds(a: NumberKind, b: NumberKind): NumberKind {
  const rank = (k: NumberKind) => (k === 'uint' ? 0 : k === 'int' ? 1 : 2);
  return rank(a) > rank(b) ? a : b;
}

export { numberKind };

/** Go's conversion of a number into a specific Go number type. */
export function convertNumber(n: NumberValue, go: NumberGoType): NumberValue {
  if (go === 'float64') return number(go, toFloat64(n));
  if (go === 'float32') return number(go, toFloat64(n));
  const bits = goTypeBits(go);
  if (go[0] === 'u') return number(go, BigInt.asUintN(bits, toUint64(n)));
  return number(go, BigInt.asIntN(bits, toInt64(n)));
}
