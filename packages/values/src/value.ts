// The value model: what an Alloy expression evaluates to.
//
// Alloy values wrap Go values, so a few Go details are kept because they change
// results: the Go type of numbers (int64, uint64 and float64 arithmetic differ,
// decoded values carry narrower types), whether an object comes from a Go map
// (printed with sorted keys) and whether an array is a Go byte slice.

import { compareStrings, quote } from '@alloy-lint/gostd';

export { compareStrings };

/** Alloy's eight type names, as they appear in messages. */
export type TypeName = 'null' | 'number' | 'string' | 'bool' | 'array' | 'object' | 'function' | 'capsule';

export type IntGoType = 'int' | 'int8' | 'int16' | 'int32' | 'int64';
export type UintGoType = 'uint' | 'uint8' | 'uint16' | 'uint32' | 'uint64';
export type FloatGoType = 'float32' | 'float64';
export type NumberGoType = IntGoType | UintGoType | FloatGoType;
export type NumberKind = 'int' | 'uint' | 'float';

export interface NullValue {
  readonly t: 'null';
}

/** Integer kinds hold a bigint already wrapped to the Go type's range; floats hold a JS number. */
export type NumberValue = IntNumber | FloatNumber;

export interface IntNumber {
  readonly t: 'number';
  readonly go: IntGoType | UintGoType;
  readonly v: bigint;
}

export interface FloatNumber {
  readonly t: 'number';
  readonly go: FloatGoType;
  readonly v: number;
}

export interface StringValue {
  readonly t: 'string';
  readonly v: string;
  /** Set when the value is a Go `time.Duration` (nanoseconds); `v` is then its `String()` text. */
  readonly dur?: bigint;
  /** Go type name when it is not plain `string` (e.g. `time.Time`). */
  readonly go?: string;
}

export interface BoolValue {
  readonly t: 'bool';
  readonly v: boolean;
}

export interface ArrayValue {
  readonly t: 'array';
  readonly v: readonly Value[];
  /** Go slice type when known (`[]uint8` for byte slices, `[]interface {}` for decoded data). */
  readonly go?: string;
}

export interface ObjectValue {
  readonly t: 'object';
  readonly v: ReadonlyMap<string, Value>;
  /** True when the key order is meaningful (Go struct or block list); maps print sorted. */
  readonly ordered?: boolean;
}

/** Calling context handed to functions: the environment and host constants. */
export interface CallContext {
  env: Readonly<Record<string, string>>;
}

export interface FunctionValue {
  readonly t: 'function';
  /** The Go signature, e.g. `func(string) string`; used by `%T` and decode errors. */
  readonly sig: string;
  /** Calls the function; throws an error from errors.ts on failure. */
  readonly call: (self: FunctionValue, args: readonly Value[], ctx: CallContext) => Value;
}

export type CapsuleValue = SecretValue | OptionalSecretValue | OpaqueCapsule;

export interface SecretValue {
  readonly t: 'capsule';
  readonly kind: 'secret';
  readonly v: string;
}

export interface OptionalSecretValue {
  readonly t: 'capsule';
  readonly kind: 'optional_secret';
  readonly v: string;
  readonly isSecret: boolean;
}

/** Any other Go value Alloy cannot look into. */
export interface OpaqueCapsule {
  readonly t: 'capsule';
  readonly kind: 'opaque';
  /** Go type, as `%T` prints it: `map[interface {}]interface {}`. */
  readonly go: string;
  readonly payload?: unknown;
  /** For capsules convertible into an object (like `discovery.Target`). */
  readonly toObject?: () => ReadonlyMap<string, Value> | undefined;
}

export type Value =
  | NullValue
  | NumberValue
  | StringValue
  | BoolValue
  | ArrayValue
  | ObjectValue
  | FunctionValue
  | CapsuleValue;

export const NULL: NullValue = Object.freeze({ t: 'null' });
export const TRUE: BoolValue = Object.freeze({ t: 'bool', v: true });
export const FALSE: BoolValue = Object.freeze({ t: 'bool', v: false });

export function bool(b: boolean): BoolValue {
  return b ? TRUE : FALSE;
}

const INT64_MIN = -(1n << 63n);
const U64 = 1n << 64n;

/** Wraps `n` to a signed integer of `bits` bits, as a Go conversion does. */
export function wrapInt(n: bigint, bits: number): bigint {
  return BigInt.asIntN(bits, n);
}

/** Wraps `n` to an unsigned integer of `bits` bits. */
export function wrapUint(n: bigint, bits: number): bigint {
  return BigInt.asUintN(bits, n);
}

export function int64(n: bigint): IntNumber {
  return { t: 'number', go: 'int64', v: n >= INT64_MIN && n < -INT64_MIN ? n : BigInt.asIntN(64, n) };
}

export function uint64(n: bigint): IntNumber {
  return { t: 'number', go: 'uint64', v: n >= 0n && n < U64 ? n : BigInt.asUintN(64, n) };
}

export function float64(f: number): FloatNumber {
  return { t: 'number', go: 'float64', v: f };
}

/** A number of a given Go type; integers are wrapped into the type's range. */
export function number(go: NumberGoType, v: bigint | number): NumberValue {
  if (go === 'float64') return { t: 'number', go, v: Number(v) };
  if (go === 'float32') return { t: 'number', go, v: Math.fround(Number(v)) };
  const big = typeof v === 'bigint' ? v : BigInt(Math.trunc(v));
  const bits = goTypeBits(go);
  return { t: 'number', go, v: go[0] === 'u' ? BigInt.asUintN(bits, big) : BigInt.asIntN(bits, big) };
}

export function goTypeBits(go: NumberGoType): number {
  switch (go) {
    case 'int8':
    case 'uint8':
      return 8;
    case 'int16':
    case 'uint16':
      return 16;
    case 'int32':
    case 'uint32':
    case 'float32':
      return 32;
    default:
      return 64;
  }
}

export function numberKind(n: NumberValue): NumberKind {
  const g = n.go;
  return g[0] === 'f' ? 'float' : g[0] === 'u' ? 'uint' : 'int';
}

export function string(s: string): StringValue {
  return { t: 'string', v: s };
}

export function array(items: readonly Value[], go?: string): ArrayValue {
  return go ? { t: 'array', v: items, go } : { t: 'array', v: items };
}

export function object(fields: ReadonlyMap<string, Value> | Record<string, Value>, ordered = false): ObjectValue {
  const v = fields instanceof Map ? fields : new Map(Object.entries(fields));
  return ordered ? { t: 'object', v, ordered } : { t: 'object', v };
}

export function secret(s: string): SecretValue {
  return { t: 'capsule', kind: 'secret', v: s };
}

export function optionalSecret(s: string, isSecret: boolean): OptionalSecretValue {
  return { t: 'capsule', kind: 'optional_secret', v: s, isSecret };
}

export function capsule(go: string, payload?: unknown, toObject?: OpaqueCapsule['toObject']): OpaqueCapsule {
  return { t: 'capsule', kind: 'opaque', go, payload, toObject };
}

/** Go's `time.Duration` is a string in Alloy; `ns` is the duration in nanoseconds. */
export function duration(ns: bigint, text: string): StringValue {
  return { t: 'string', v: text, dur: ns, go: 'time.Duration' };
}

/** The Alloy type name of a value. */
export function typeName(v: Value): TypeName {
  return v.t;
}

/** The Go type of a capsule, as Alloy prints it inside `capsule("…")`. */
export function capsuleGoType(c: CapsuleValue): string {
  switch (c.kind) {
    case 'secret':
      return 'alloytypes.Secret';
    case 'optional_secret':
      return 'alloytypes.OptionalSecret';
    default:
      return c.go;
  }
}

/** Alloy's `Describe`: the type name, or `capsule("<Go type>")` for capsules. */
export function describe(v: Value): string {
  return v.t === 'capsule' ? `capsule(${quote(capsuleGoType(v))})` : v.t;
}

/** The object a capsule converts into, when it can. */
export function capsuleToObject(v: Value): ReadonlyMap<string, Value> | undefined {
  return v.t === 'capsule' && v.kind === 'opaque' && v.toObject ? v.toObject() : undefined;
}

/** Field lookup on objects and object-convertible capsules. */
export function getField(v: Value, key: string): Value | undefined {
  if (v.t === 'object') return v.v.get(key);
  return capsuleToObject(v)?.get(key);
}

/** Keys of an object in print order: sorted bytewise for Go maps, declaration order otherwise. */
export function objectKeys(o: ObjectValue): string[] {
  const keys = [...o.v.keys()];
  return o.ordered ? keys : keys.sort(compareStrings);
}
