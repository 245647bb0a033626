// Unary and binary operators with Alloy's typing rules and Go arithmetic.

import type { BinaryOp, UnaryOp } from '@alloy-lint/parser';
import { PlainErr, TypeErr, ValueErr } from './errors.js';
import { goPow } from '@alloy-lint/gostd';
import { fitKinds, numberKind, toFloat64, toInt64, toUint64 } from './numbers.js';
import {
  FALSE,
  TRUE,
  bool,
  capsuleToObject,
  compareStrings,
  float64,
  int64,
  optionalSecret,
  secret,
  string,
  uint64,
  type NumberValue,
  type TypeName,
  type Value,
} from './value.js';

const ALLOWED: Record<string, readonly TypeName[]> = {
  '||': ['bool'],
  '&&': ['bool'],
  '+': ['number', 'string', 'capsule'],
  '-': ['number'],
  '*': ['number'],
  '/': ['number'],
  '%': ['number'],
  '^': ['number'],
  '<': ['number', 'string'],
  '>': ['number', 'string'],
  '<=': ['number', 'string'],
  '>=': ['number', 'string'],
};

/** Types each binary operator accepts (`==` and `!=` accept everything). */
export function allowedTypes(op: BinaryOp): readonly TypeName[] | undefined {
  return ALLOWED[op];
}

/** Lifts strings and secrets to a common representation before `+` and `==`, as Alloy does. */
function unwrapCapsules(lhs: Value, rhs: Value): [Value, Value] {
  if (lhs.t === 'capsule' && lhs.kind === 'optional_secret') {
    if (rhs.t === 'capsule' && rhs.kind === 'secret') return [secret(lhs.v), rhs];
    if (rhs.t === 'string' && !rhs.go) {
      if (lhs.isSecret) return [lhs, optionalSecret(rhs.v, true)];
      return [string(lhs.v), string(rhs.v)];
    }
    return [lhs, rhs];
  }
  if (lhs.t === 'capsule' && lhs.kind === 'secret') {
    if (rhs.t === 'capsule' && rhs.kind === 'optional_secret') return [lhs, secret(rhs.v)];
    if (rhs.t === 'string' && !rhs.go) return [lhs, secret(rhs.v)];
    return [lhs, rhs];
  }
  if (lhs.t === 'string' && !lhs.go) {
    if (rhs.t === 'capsule' && rhs.kind === 'optional_secret') {
      if (rhs.isSecret) return [optionalSecret(lhs.v, true), rhs];
      return [lhs, string(rhs.v)];
    }
    if (rhs.t === 'capsule' && rhs.kind === 'secret') return [secret(lhs.v), rhs];
  }
  return [lhs, rhs];
}

/** Alloy's deep equality used by `==` and `!=`. */
export function valuesEqual(a: Value, b: Value): boolean {
  if (a.t !== b.t) return false;
  switch (a.t) {
    case 'null':
      return true;
    case 'number': {
      const bn = b as NumberValue;
      switch (fitKinds(numberKind(a), numberKind(bn))) {
        case 'uint':
          return toUint64(a) === toUint64(bn);
        case 'int':
          return toInt64(a) === toInt64(bn);
        default:
          return toFloat64(a) === toFloat64(bn);
      }
    }
    case 'string':
    case 'bool':
      return a.v === (b as typeof a).v;
    case 'array': {
      const bv = (b as typeof a).v;
      if (a.v.length !== bv.length) return false;
      for (let i = 0; i < a.v.length; i++) if (!valuesEqual(a.v[i], bv[i])) return false;
      return true;
    }
    case 'object': {
      const bv = (b as typeof a).v;
      if (a.v.size !== bv.size) return false;
      for (const [k, x] of a.v) {
        const y = bv.get(k);
        if (y === undefined || !valuesEqual(x, y)) return false;
      }
      return true;
    }
    case 'function':
      return false;
    case 'capsule':
      return capsulesDeepEqual(a, b);
  }
}

function capsulesDeepEqual(a: Value, b: Value): boolean {
  if (a.t !== 'capsule' || b.t !== 'capsule' || a.kind !== b.kind) return false;
  if (a.kind === 'secret') return a.v === (b as typeof a).v;
  if (a.kind === 'optional_secret') {
    const o = b as typeof a;
    return a.v === o.v && a.isSecret === o.isSecret;
  }
  const o = b as typeof a;
  if (a.go !== o.go) return false;
  if (a.payload === o.payload) return true;
  const ao = capsuleToObject(a);
  const bo = capsuleToObject(o);
  if (ao && bo) return valuesEqual({ t: 'object', v: ao }, { t: 'object', v: bo });
  return false;
}

function intPow(n: bigint, m: bigint, bits: 'int' | 'uint'): bigint {
  const wrap = bits === 'int' ? (x: bigint) => BigInt.asIntN(64, x) : (x: bigint) => BigInt.asUintN(64, x);
  if (m === 0n || n === 1n) return 1n;
  if (n === 0n && m > 0n) return 0n;
  // Repeated multiplication (negative exponents leave the base unchanged), with wrapping.
  if (m < 2n) return n;
  // Exponentiation by squaring gives the same wrapped product.
  let result = 1n;
  let base = n;
  let e = m;
  while (e > 0n) {
    if (e & 1n) result = wrap(result * base);
    base = wrap(base * base);
    e >>= 1n;
  }
  return result;
}

function divideByZero(v: Value): never {
  throw new ValueErr(v, new PlainErr('divide by zero error'));
}

function isZero(n: NumberValue): boolean {
  return typeof n.v === 'number' ? n.v === 0 : n.v === 0n;
}

function arith(op: BinaryOp, a: NumberValue, b: NumberValue, origRHS: Value): Value {
  if ((op === '/' || op === '%') && isZero(b)) divideByZero(origRHS);
  const kind = fitKinds(numberKind(a), numberKind(b));
  if (kind === 'float') {
    const x = toFloat64(a);
    const y = toFloat64(b);
    switch (op) {
      case '+':
        return float64(x + y);
      case '-':
        return float64(x - y);
      case '*':
        return float64(x * y);
      case '/':
        return float64(x / y);
      case '%':
        return float64(x % y);
      case '^':
        return float64(goPow(x, y));
      case '<':
        return bool(x < y);
      case '>':
        return bool(x > y);
      case '<=':
        return bool(x <= y);
      default:
        return bool(x >= y);
    }
  }
  const signed = kind === 'int';
  const x = signed ? toInt64(a) : toUint64(a);
  const y = signed ? toInt64(b) : toUint64(b);
  const make = signed ? int64 : uint64;
  switch (op) {
    case '+':
      return make(x + y);
    case '-':
      return make(x - y);
    case '*':
      return make(x * y);
    case '/':
      // Go truncates toward zero; MinInt64 / -1 wraps to MinInt64.
      return make(x / y);
    case '%':
      return make(x % y);
    case '^':
      return make(intPow(x, y, kind));
    case '<':
      return bool(x < y);
    case '>':
      return bool(x > y);
    case '<=':
      return bool(x <= y);
    default:
      return bool(x >= y);
  }
}

/** Evaluates `lhs op rhs`; throws a Failure as Alloy would. */
export function binaryOp(lhs: Value, op: BinaryOp, rhs: Value): Value {
  const origLHS = lhs;
  const origRHS = rhs;
  if (lhs.t === 'capsule' || rhs.t === 'capsule') [lhs, rhs] = unwrapCapsules(lhs, rhs);
  if (op === '==') return bool(valuesEqual(lhs, rhs));
  if (op === '!=') return bool(!valuesEqual(lhs, rhs));
  const allowed = ALLOWED[op];
  if (!allowed.includes(lhs.t)) throw new ValueErr(origLHS, new PlainErr(`should be one of [${allowed.join(' ')}] for binop ${op}, got ${lhs.t}`));
  if (!allowed.includes(rhs.t)) throw new ValueErr(origRHS, new PlainErr(`should be one of [${allowed.join(' ')}] for binop ${op}, got ${rhs.t}`));
  if (lhs.t !== rhs.t) throw new TypeErr(rhs, lhs.t);
  switch (lhs.t) {
    case 'bool':
      if (op === '||') return lhs.v || (rhs as typeof lhs).v ? TRUE : FALSE;
      return lhs.v && (rhs as typeof lhs).v ? TRUE : FALSE;
    case 'string': {
      const r = (rhs as typeof lhs).v;
      switch (op) {
        case '+':
          return string(lhs.v + r);
        case '<':
          return bool(compareStrings(lhs.v, r) < 0);
        case '>':
          return bool(compareStrings(lhs.v, r) > 0);
        case '<=':
          return bool(compareStrings(lhs.v, r) <= 0);
        default:
          return bool(compareStrings(lhs.v, r) >= 0);
      }
    }
    case 'capsule': {
      // Only `+` accepts capsules.
      if (lhs.kind === 'optional_secret') {
        const r = rhs.t === 'capsule' && rhs.kind === 'optional_secret' ? rhs : undefined;
        return optionalSecret(lhs.v + (r?.v ?? ''), lhs.isSecret || (r?.isSecret ?? false));
      }
      if (lhs.kind === 'secret') {
        const r = rhs.t === 'capsule' && rhs.kind === 'secret' ? rhs.v : '';
        return secret(lhs.v + r);
      }
      throw new ValueErr(origLHS, new PlainErr(`could not perform binop ${op} for unknown types lhs ${lhs.t} rhs ${rhs.t}`));
    }
    default:
      return arith(op, lhs as NumberValue, rhs as NumberValue, origRHS);
  }
}

/** Evaluates `op value`. */
export function unaryOp(op: UnaryOp, v: Value): Value {
  if (op === '!') {
    if (v.t !== 'bool') throw new TypeErr(v, 'bool');
    return v.v ? FALSE : TRUE;
  }
  if (v.t !== 'number') throw new TypeErr(v, 'number');
  if (typeof v.v === 'number') return float64(-v.v);
  return int64(-toInt64(v));
}
