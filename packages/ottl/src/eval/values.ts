// OTTL value semantics: comparisons (contrib compare.go), math, and the string forms converters use.
import { base64Encode, formatFloat, goValueOf, jsonMarshal } from '@alloy-lint/gostd';
import { GoTime, isMap, type OValue } from './model.js';

export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=';

/** Thrown for an error inside a statement; the statement fails as contrib's would. */
export class OttlRuntimeError extends Error {}

const INT64_MIN = -(2n ** 63n);
const wrap64 = (v: bigint) => BigInt.asIntN(64, v);

function ordered(c: number, op: CompareOp): boolean {
  switch (op) {
    case '==': return c === 0;
    case '!=': return c !== 0;
    case '<': return c < 0;
    case '<=': return c <= 0;
    case '>': return c > 0;
    case '>=': return c >= 0;
  }
}

const cmp = <T>(a: T, b: T) => (a < b ? -1 : a > b ? 1 : 0);

/** a op b, as contrib compares: nil equals only nil, numbers across int/float, other kinds by equality only. */
export function compare(a: OValue, b: OValue, op: CompareOp): boolean {
  if (a === null && b === null) return op === '==' || op === '<=' || op === '>=';
  if (a === null || b === null) return op === '!=';
  if (typeof a === 'bigint' || typeof a === 'number') {
    if (typeof b !== 'bigint' && typeof b !== 'number') return op === '!=';
    if (typeof a === 'bigint' && typeof b === 'bigint') return ordered(cmp(a, b), op);
    return ordered(cmp(Number(a), Number(b)), op);
  }
  if (typeof a === 'string') return typeof b === 'string' ? ordered(cmp(a, b), op) : op === '!=';
  if (typeof a === 'boolean') {
    if (typeof b !== 'boolean') return op === '!=';
    return op === '==' ? a === b : op === '!=' ? a !== b : false;
  }
  if (a instanceof GoTime) return b instanceof GoTime ? ordered(cmp(a.unixNano, b.unixNano), op) : op === '!=';
  if (op !== '==' && op !== '!=') return false;
  return deepEqual(a, b) === (op === '==');
}

export function deepEqual(a: OValue, b: OValue): boolean {
  if (a === b) return true;
  if (a instanceof Uint8Array && b instanceof Uint8Array) return a.length === b.length && a.every((x, i) => x === b[i]);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isMap(a) && isMap(b)) {
    if (a.size !== b.size) return false;
    for (const [k, v] of a) if (!b.has(k) || !deepEqual(v, b.get(k)!)) return false;
    return true;
  }
  if (a instanceof GoTime && b instanceof GoTime) return a.unixNano === b.unixNano;
  return false;
}

/** + - * / on two int64s or two float64s; other pairs are an error, as in contrib. */
export function math(op: '+' | '-' | '*' | '/', a: OValue, b: OValue): OValue {
  if (typeof a === 'bigint' && typeof b === 'bigint') {
    if (op === '/') {
      if (b === 0n) throw new OttlRuntimeError('attempted to divide by 0');
      if (a === INT64_MIN && b === -1n) return a;
      return a / b;
    }
    return wrap64(op === '+' ? a + b : op === '-' ? a - b : a * b);
  }
  if (typeof a === 'number' && typeof b === 'number') {
    if (op === '/' && b === 0) throw new OttlRuntimeError('attempted to divide by 0');
    return op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : a / b;
  }
  if (typeof a === 'string' && typeof b === 'string' && op === '+') throw new OttlRuntimeError('strings cannot be added: use Concat');
  throw new OttlRuntimeError(`unsupported math operation ${typeName(a)} ${op} ${typeName(b)}`);
}

export function typeName(v: OValue): string {
  if (v === null) return 'nil';
  if (typeof v === 'bigint') return 'int64';
  if (typeof v === 'number') return 'float64';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (v instanceof Uint8Array) return 'bytes';
  if (v instanceof GoTime) return 'time';
  return Array.isArray(v) ? 'slice' : 'map';
}

const base64 = (b: Uint8Array) => base64Encode(b);

export const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

/** Go's strconv forms of scalars; maps and lists as JSON (pcommon's AsString). */
export function asString(v: OValue): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (typeof v === 'number') return formatFloat(v, 'f', -1, 64);
  if (v instanceof Uint8Array) return base64(v);
  if (v instanceof GoTime) return String(v.unixNano);
  return jsonMarshal(goValueOf(toJson(v)));
}

function toJson(v: OValue): unknown {
  if (Array.isArray(v)) return v.map(toJson);
  if (isMap(v)) return Object.fromEntries([...v].map(([k, x]) => [k, toJson(x)]));
  if (v instanceof Uint8Array) return base64(v);
  return v;
}

/** JSON text to OTTL values: objects become maps, numbers float64 (as ParseJSON gives them). */
export function fromJson(x: unknown): OValue {
  if (x === null || typeof x === 'string' || typeof x === 'boolean' || typeof x === 'number') return x;
  if (Array.isArray(x)) return x.map(fromJson);
  if (typeof x === 'object') return new Map(Object.entries(x as object).map(([k, v]) => [k, fromJson(v)]));
  return null;
}

/** A deep copy, so a value set in two places does not alias. */
export function clone(v: OValue): OValue {
  if (Array.isArray(v)) return v.map(clone);
  if (isMap(v)) return new Map([...v].map(([k, x]) => [k, clone(x)]));
  if (v instanceof Uint8Array) return v.slice();
  return v;
}
