// Converters (upper-case functions that compute a value), as contrib's ottlfuncs define them.
// The ones not listed here are known to the checker and reported as unsupported when run.
import { byteLength, NumError, parseFloat64, parseInt64, toLower, toUpper, utf8Bytes, utf8Decode } from '@alloy-lint/gostd';
import type { Arg, Impl } from './fn-types.js';
import { isMap, type OValue } from './model.js';
import { goRegex } from './regex.js';
import { asString, deepEqual, fromJson, hex, OttlRuntimeError, typeName } from './values.js';

const fail = (msg: string): never => {
  throw new OttlRuntimeError(msg);
};
const str = (a: Arg | undefined, fn: string): string => {
  const v = a!.get();
  return typeof v === 'string' ? v : fail(`${fn}: expected a string but got ${typeName(v)}`);
};
const int = (a: Arg | undefined, fn: string): bigint => {
  const v = a!.get();
  return typeof v === 'bigint' ? v : fail(`${fn}: expected an int but got ${typeName(v)}`);
};
const is = (test: (v: OValue) => boolean): Impl => ([value]) => test(value!.get());
const strFn = (f: (s: string) => OValue, fn: string): Impl => ([target]) => f(str(target, fn));
const bytesId = (n: number, fn: string): Impl => ([bytes]) => {
  const v = bytes!.get();
  if (!(v instanceof Uint8Array) || v.length !== n) fail(`${fn}: expected ${n} bytes`);
  return v;
};

/** strconv.ParseFloat / ParseInt(s, 10, 64), null on any error (as the converters return nil). */
function orNull<T>(parse: () => T): T | null {
  try {
    return parse();
  } catch (e) {
    if (e instanceof NumError) return null;
    throw e;
  }
}

export const CONVERTERS: Record<string, Impl> = {
  IsMatch([target, pattern]) {
    const v = target!.get();
    const re = goRegex(str(pattern, 'IsMatch'));
    return v === null ? false : re.test(asString(v));
  },
  IsMap: is(isMap),
  IsList: is((v) => Array.isArray(v)),
  IsString: is((v) => typeof v === 'string'),
  IsInt: is((v) => typeof v === 'bigint'),
  IsDouble: is((v) => typeof v === 'number'),
  IsBool: is((v) => typeof v === 'boolean'),
  Concat([vals, delimiter]) {
    const list = vals!.get();
    if (!Array.isArray(list)) fail('Concat: expected a list of values');
    const d = str(delimiter, 'Concat');
    return (list as OValue[])
      .map((v) => (v === null ? '<nil>' : v instanceof Uint8Array ? hex(v) : typeof v === 'object' ? '' : asString(v)))
      .join(d);
  },
  ParseJSON([target]) {
    const text = str(target, 'ParseJSON');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      return fail(`ParseJSON: ${(e as Error).message}`);
    }
    if (typeof parsed !== 'object' || parsed === null) fail('ParseJSON: the text must hold a JSON object or array');
    return fromJson(parsed);
  },
  Int([value]) {
    const v = value!.get();
    if (typeof v === 'bigint') return v;
    if (typeof v === 'number') return Number.isFinite(v) ? BigInt.asIntN(64, BigInt(Math.trunc(v))) : null;
    if (typeof v === 'boolean') return v ? 1n : 0n;
    if (typeof v === 'string') return orNull(() => parseInt64(v, 10, 64));
    return null;
  },
  Double([value]) {
    const v = value!.get();
    if (typeof v === 'number') return v;
    if (typeof v === 'bigint') return Number(v);
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (typeof v === 'string') return orNull(() => parseFloat64(v));
    return null;
  },
  String([value]) {
    const v = value!.get();
    if (v === null) return null;
    return v instanceof Uint8Array ? hex(v) : asString(v);
  },
  Len([target]) {
    const v = target!.get();
    if (typeof v === 'string') return BigInt(byteLength(v));
    if (Array.isArray(v) || v instanceof Uint8Array) return BigInt(v.length);
    if (isMap(v)) return BigInt(v.size);
    return fail(`Len: cannot take the length of ${typeName(v)}`);
  },
  ToLowerCase: strFn(toLower, 'ToLowerCase'),
  ToUpperCase: strFn(toUpper, 'ToUpperCase'),
  Substring([target, start, length]) {
    const b = utf8Bytes(str(target, 'Substring'));
    const s = int(start, 'Substring');
    const n = int(length, 'Substring');
    if (s < 0n || n <= 0n || s + n > BigInt(b.length)) fail(`invalid range for substring function, ${s + n} cannot be greater than the length of target string(${b.length})`);
    return utf8Decode(b, Number(s), Number(s + n));
  },
  Split([target, delimiter]) {
    const v = target!.get();
    if (v === null) return null;
    if (typeof v !== 'string') fail(`Split: expected a string but got ${typeName(v)}`);
    const d = str(delimiter, 'Split');
    return d === '' ? Array.from(v as string) : (v as string).split(d);
  },
  HasPrefix: ([t, p]) => str(t, 'HasPrefix').startsWith(str(p, 'HasPrefix')),
  HasSuffix: ([t, p]) => str(t, 'HasSuffix').endsWith(str(p, 'HasSuffix')),
  TrimPrefix([t, p]) {
    const s = str(t, 'TrimPrefix');
    const pre = str(p, 'TrimPrefix');
    return s.startsWith(pre) ? s.slice(pre.length) : s;
  },
  TrimSuffix([t, p]) {
    const s = str(t, 'TrimSuffix');
    const suf = str(p, 'TrimSuffix');
    return suf && s.endsWith(suf) ? s.slice(0, s.length - suf.length) : s;
  },
  Trim([t, r]) {
    const cut = new Set(Array.from(r ? str(r, 'Trim') : ' '));
    const chars = Array.from(str(t, 'Trim'));
    let a = 0;
    let b = chars.length;
    while (a < b && cut.has(chars[a])) a++;
    while (b > a && cut.has(chars[b - 1])) b--;
    return chars.slice(a, b).join('');
  },
  Keys([t]) {
    const m = t!.get();
    return isMap(m) ? [...m.keys()] : fail(`Keys: expected a map but got ${typeName(m)}`);
  },
  Values([t]) {
    const m = t!.get();
    return isMap(m) ? [...m.values()] : fail(`Values: expected a map but got ${typeName(m)}`);
  },
  ContainsValue([t, item]) {
    const list = t!.get();
    if (!Array.isArray(list)) fail(`ContainsValue: expected a list but got ${typeName(list)}`);
    const x = item!.get();
    return (list as OValue[]).some((v) => deepEqual(v, x) || (typeof v !== typeof x && (typeof v === 'bigint' || typeof v === 'number') && (typeof x === 'bigint' || typeof x === 'number') && Number(v) === Number(x)));
  },
  TraceID: bytesId(16, 'TraceID'),
  SpanID: bytesId(8, 'SpanID'),
  Hex([value]) {
    const v = value!.get();
    if (v instanceof Uint8Array) return hex(v);
    if (typeof v === 'string') return hex(utf8Bytes(v));
    return fail(`Hex of ${typeName(v)} is not simulated`);
  },
};
