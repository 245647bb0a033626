// Go number conversions as Alloy performs them (amd64 rules for float → integer).

import { formatFloatAlloy } from './strconv.js';
import { goTypeBits, number, numberKind, type NumberGoType, type NumberKind, type NumberValue } from './value.js';

const TWO63 = 9223372036854775808; // 2^63 as a double
const MIN_INT64 = -(1n << 63n);
const BIT63 = 1n << 63n;

/** Go `int64(f)` on amd64: out-of-range and NaN give the "integer indefinite" value. */
export function floatToInt64(f: number): bigint {
  if (Number.isNaN(f) || f >= TWO63 || f < -TWO63) return MIN_INT64;
  return BigInt(Math.trunc(f));
}

/** Go `uint64(f)` on amd64 (compiled as a signed conversion around 2^63). */
export function floatToUint64(f: number): bigint {
  if (f < TWO63) return BigInt.asUintN(64, floatToInt64(f));
  const y = f - TWO63;
  return BigInt.asUintN(64, floatToInt64(y)) | BIT63;
}

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
  return typeof n.v === 'number' ? formatFloatAlloy(n.v) : n.v.toString();
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
