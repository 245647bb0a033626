// Decoding values into typed (Go) targets, with Alloy's implicit conversions:
// number ↔ string, []byte ↔ string, string/secret ↔ secret capsules, durations.

import { formatDuration, GoError, NumError, parseDuration, parseFloat64, parseInt64, parseUint64 as parseUint, quote, utf8Bytes, utf8Decode } from '@alloy-lint/gostd';
import { ElementErr, FieldErr, PlainErr, TypeErr, ValueErr, type Failure } from './errors.js';
import { convertNumber, numberKind, numberToString, toInt64, toUint64 } from './numbers.js';
import {
  NULL,
  array,
  bool,
  capsuleGoType,
  capsuleToObject,
  describe,
  duration,
  float64,
  int64,
  number,
  object,
  optionalSecret,
  secret,
  string,
  uint64,
  type NumberGoType,
  type TypeName,
  type Value,
} from './value.js';

/** A decode target: the Go types Alloy decodes values into. */
export type GoType =
  | { readonly k: 'any' }
  | { readonly k: 'value' }
  | { readonly k: 'string' }
  | { readonly k: 'bool' }
  | { readonly k: 'number'; readonly go: NumberGoType }
  | { readonly k: 'duration' }
  | { readonly k: 'secret' }
  | { readonly k: 'optional_secret' }
  | { readonly k: 'slice'; readonly elem: GoType }
  | { readonly k: 'map'; readonly elem: GoType }
  /** Any other capsule type, by Go name. */
  | { readonly k: 'capsule'; readonly go: string };

export const T = {
  any: { k: 'any' } as GoType,
  value: { k: 'value' } as GoType,
  string: { k: 'string' } as GoType,
  bool: { k: 'bool' } as GoType,
  duration: { k: 'duration' } as GoType,
  secret: { k: 'secret' } as GoType,
  optionalSecret: { k: 'optional_secret' } as GoType,
  num: (go: NumberGoType): GoType => ({ k: 'number', go }),
  slice: (elem: GoType): GoType => ({ k: 'slice', elem }),
  map: (elem: GoType): GoType => ({ k: 'map', elem }),
};

const NUMBER_TYPES = new Set(['int', 'int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'float32', 'float64']);

/** Parses a Go type spelling such as `[]map[string]any`, `time.Duration`, `alloytypes.Secret`. */
export function parseGoType(text: string): GoType {
  const s = text.trim();
  if (s === 'any' || s === 'interface {}' || s === 'interface{}') return T.any;
  if (s === 'value.Value') return T.value;
  if (s === 'string') return T.string;
  if (s === 'bool') return T.bool;
  if (s === 'byte') return T.num('uint8');
  if (s === 'rune') return T.num('int32');
  if (NUMBER_TYPES.has(s)) return T.num(s as NumberGoType);
  if (s === 'time.Duration') return T.duration;
  if (s === 'alloytypes.Secret') return T.secret;
  if (s === 'alloytypes.OptionalSecret') return T.optionalSecret;
  if (s.startsWith('[]')) return T.slice(parseGoType(s.slice(2)));
  if (s.startsWith('map[string]')) return T.map(parseGoType(s.slice(11)));
  return { k: 'capsule', go: s };
}

/** The Go spelling of a target type. */
export function goTypeString(t: GoType): string {
  switch (t.k) {
    case 'any':
      return 'interface {}';
    case 'value':
      return 'value.Value';
    case 'number':
      return t.go;
    case 'duration':
      return 'time.Duration';
    case 'secret':
      return 'alloytypes.Secret';
    case 'optional_secret':
      return 'alloytypes.OptionalSecret';
    case 'slice':
      return '[]' + goTypeString(t.elem);
    case 'map':
      return 'map[string]' + goTypeString(t.elem);
    case 'capsule':
      return t.go;
    default:
      return t.k;
  }
}

/** The Alloy type a Go target maps to. */
export function alloyTypeOf(t: GoType): TypeName {
  switch (t.k) {
    case 'number':
      return 'number';
    case 'string':
    case 'duration':
      return 'string';
    case 'bool':
      return 'bool';
    case 'slice':
      return 'array';
    case 'map':
      return 'object';
    default:
      return 'capsule';
  }
}

function isBytes(v: Value): boolean {
  return v.t === 'array' && v.go === '[]uint8';
}




/** The string a `[]byte` array holds. */
export function bytesToString(v: Value): string {
  if (v.t !== 'array') return '';
  const b = new Uint8Array(v.v.length);
  v.v.forEach((e, i) => (b[i] = e.t === 'number' ? Number(e.v) : 0));
  return utf8Decode(b);
}

export function stringToBytes(s: string): Value {
  return array(Array.from(utf8Bytes(s), (b) => number('uint8', BigInt(b))), '[]uint8');
}

/**
 * Capsule conversions (Secret / OptionalSecret ConvertInto and ConvertFrom).
 * Returns the converted value, undefined when no conversion applies, or throws.
 */
function tryCapsuleConvert(from: Value, into: GoType): Value | undefined {
  if (from.t === 'capsule') {
    if (from.kind === 'secret') {
      if (into.k === 'optional_secret') return optionalSecret(from.v, true);
      if (into.k === 'string') throw new ValueErr(from, new PlainErr('secrets may not be converted into strings'));
    } else if (from.kind === 'optional_secret') {
      if (into.k === 'secret') return secret(from.v);
      if (into.k === 'string') {
        if (from.isSecret) throw new ValueErr(from, new PlainErr('secrets may not be converted into strings'));
        return string(from.v);
      }
    }
  }
  if (into.k === 'secret') {
    if (from.t === 'capsule' && from.kind === 'optional_secret') return secret(from.v);
    if (from.t === 'string' && !from.go) return secret(from.v);
  } else if (into.k === 'optional_secret') {
    if (from.t === 'capsule' && from.kind === 'secret') return optionalSecret(from.v, true);
    if (from.t === 'string' && !from.go) return optionalSecret(from.v, false);
  }
  return undefined;
}

/** Alloy's convertValue: number → string, string → number, capsule → string. */
export function convertValue(val: Value, to: TypeName): Value {
  if (val.t === to) return val;
  if (val.t === 'number' && to === 'string') return string(numberToString(val));
  if (val.t === 'string' && to === 'number') {
    const s = val.v;
    try {
      if (s === '') throw new TypeErr(val, to);
      if (s[0] === '-') return int64(parseInt64(s, 10));
      if (/[.eE]/.test(s)) return float64(parseFloat64(s));
      return uint64(parseUint(s, 10));
    } catch (e) {
      if (e instanceof NumError) throw new TypeErr(val, to);
      throw e;
    }
  }
  if (val.t === 'capsule') {
    let s: Value | undefined;
    try {
      s = tryCapsuleConvert(val, T.string);
    } catch {
      s = undefined;
    }
    if (s) {
      try {
        return convertValue(s, to);
      } catch {
        // fall through to the type error about the capsule
      }
    }
  }
  throw new TypeErr(val, to);
}

/** Text of a string value (durations and other text types included). */
export function textOf(v: Value): string {
  return v.t === 'string' ? v.v : '';
}

/**
 * Decodes `val` into Go type `into`. The result is a value shaped like the Go
 * value Alloy would produce (numbers carry the target Go type). Throws a Failure.
 */
export function decode(val: Value, into: GoType): Value {
  if (val.t === 'null') return zeroValue(into);
  switch (into.k) {
    case 'any':
      return decodeAny(val);
    case 'duration': {
      if (val.t === 'string' && val.dur !== undefined) return val;
      const s = textOf(decode(val, T.string));
      try {
        const ns = parseDuration(s);
        return duration(ns, formatDuration(ns));
      } catch (e) {
        if (e instanceof GoError) throw new ValueErr(val, new PlainErr(e.message));
        throw e;
      }
    }
    default:
      break;
  }
  const target = alloyTypeOf(into);
  if (isBytes(val) && into.k === 'string') return string(bytesToString(val));
  if (val.t === 'string' && into.k === 'slice' && into.elem.k === 'number' && into.elem.go === 'uint8') return stringToBytes(val.v);
  let conv: Value = val;
  if (val.t !== target) {
    const c = tryCapsuleConvert(val, into);
    if (c) return c;
    conv = convertValue(val, target);
  }
  switch (conv.t) {
    case 'number':
      return into.k === 'number' ? convertNumber(conv, into.go) : conv;
    case 'string':
      return conv.dur !== undefined || conv.go ? string(conv.v) : conv;
    case 'bool':
      return conv;
    case 'array': {
      if (into.k !== 'slice') return conv;
      const out = conv.v.map((e, i) => {
        try {
          return decode(e, into.elem);
        } catch (err) {
          throw new ElementErr(conv, i, err as Failure);
        }
      });
      return array(out, goTypeString(into));
    }
    case 'object': {
      if (into.k !== 'map') return conv;
      const out = new Map<string, Value>();
      for (const [k, e] of conv.v) {
        try {
          out.set(k, decode(e, into.elem));
        } catch (err) {
          throw new FieldErr(conv, k, err as Failure);
        }
      }
      return object(out);
    }
    case 'function':
      throw new ValueErr(val, new PlainErr(`expected function(${goTypeString(into)}), got function(${conv.sig})`));
    case 'capsule': {
      if (sameCapsuleType(conv, into)) return conv;
      const c = tryCapsuleConvert(conv, into);
      if (c) return c;
      throw new ValueErr(val, new PlainErr(`expected capsule(${quote(goTypeString(into))}), got ${describe(conv)}`));
    }
    default:
      return conv;
  }
}

function sameCapsuleType(v: Value, into: GoType): boolean {
  if (v.t !== 'capsule') return false;
  if (into.k === 'secret') return v.kind === 'secret';
  if (into.k === 'optional_secret') return v.kind === 'optional_secret';
  if (into.k === 'capsule') return capsuleGoType(v) === into.go;
  return false;
}

/** The Go zero value of a target, which is what null decodes to. */
export function zeroValue(into: GoType): Value {
  switch (into.k) {
    case 'string':
      return string('');
    case 'bool':
      return bool(false);
    case 'number':
      return number(into.go, 0n);
    case 'duration':
      return duration(0n, '0s');
    case 'secret':
      return secret('');
    case 'optional_secret':
      return optionalSecret('', false);
    default:
      return NULL;
  }
}

/** Decoding into `interface{}`: numbers become int/int64/uint64/float64, arrays []any, objects map[string]any. */
export function decodeAny(val: Value): Value {
  switch (val.t) {
    case 'null':
    case 'bool':
    case 'function':
    case 'capsule':
      return val;
    case 'string':
      return val.dur !== undefined || val.go ? string(val.v) : val;
    case 'number': {
      const k = numberKind(val);
      if (k === 'float') return val.go === 'float64' ? val : float64(val.v as number);
      if (k === 'uint') {
        const u = toUint64(val);
        return u < 1n << 63n ? number('int', u) : number('uint64', u);
      }
      return val.go === 'int' ? val : number('int', toInt64(val));
    }
    case 'array':
      return array(
        val.v.map((e, i) => {
          try {
            return decodeAny(e);
          } catch (err) {
            throw new ElementErr(val, i, err as Failure);
          }
        }),
        '[]interface {}',
      );
    case 'object': {
      const out = new Map<string, Value>();
      for (const [k, e] of val.v) out.set(k, decodeAny(e));
      return object(out);
    }
  }
}

/** Objects a capsule converts into are treated as objects by several functions. */
export { capsuleToObject };
