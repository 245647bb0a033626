// Alloy's standard library (syntax/internal/stdlib at v1.18.1).

import { decode, T, type GoType } from './convert.js';
import { ArgErr, isFailure, PlainErr, TypeErr, ValueErr } from './errors.js';
import { base64Decode, base64Encode, GoError, pathJoin, queryEscape, queryUnescape, replaceAll, split, toLower, toUpper, trim, trimPrefix, trimSpace, trimSuffix } from '@alloy-lint/gostd';
import { jsonDecode, jsonEncode, sprintf } from './go-value.js';
import { yamlDecode } from './goyaml.js';
import { jsonPath } from './jsonpath.js';
import {
  NULL,
  array,
  capsuleToObject,
  number,
  object,
  string,
  type ArrayValue,
  type CallContext,
  type FunctionValue,
  type ObjectValue,
  type StringValue,
  type Value,
} from './value.js';

type Impl = (args: Value[], ctx: CallContext) => Value;

/**
 * A Go function: arity is checked, arguments are decoded into the parameter
 * types (failures become argument errors) and returned errors are attributed
 * to the function value.
 */
function goFunc(sig: string, params: GoType[], impl: Impl, variadic = false): FunctionValue {
  const n = params.length;
  const fn: FunctionValue = {
    t: 'function',
    sig,
    call(self, args, ctx) {
      if (variadic && args.length < n - 1) throw new ValueErr(self, new PlainErr(`expected at least ${n - 1} args, got ${args.length}`));
      if (!variadic && args.length !== n) throw new ValueErr(self, new PlainErr(`expected ${n} args, got ${args.length}`));
      const decoded = args.map((a, i) => {
        try {
          return decode(a, variadic && i >= n - 1 ? params[n - 1] : params[i]);
        } catch (e) {
          if (isFailure(e)) throw new ArgErr(self, a, i, e);
          throw e;
        }
      });
      try {
        return impl(decoded, ctx);
      } catch (e) {
        if (e instanceof GoError) throw new ValueErr(self, new PlainErr(e.message));
        throw e;
      }
    },
  };
  return fn;
}

/** A raw function works on Alloy values directly and reports its own errors. */
function rawFunc(impl: (self: FunctionValue, args: readonly Value[]) => Value): FunctionValue {
  return { t: 'function', sig: 'value.RawFunction', call: (self, args) => impl(self, args) };
}

const str = (v: Value) => (v as StringValue).v;
const strings = (v: Value) => (v as ArrayValue).v.map(str);

// ---------------------------------------------------------------------------
// Functions

const getenv = goFunc('func(string) string', [T.string], ([k], ctx) => {
  const name = str(k);
  return string(Object.prototype.hasOwnProperty.call(ctx.env, name) ? ctx.env[name] : '');
});

const nonsensitive = goFunc('func(alloytypes.Secret) string', [T.secret], ([s]) => string((s as { v: string }).v));

const concat = rawFunc((self, args) => {
  if (args.length === 0) return array([]);
  args.forEach((a, i) => {
    if (a.t !== 'array') throw new ArgErr(self, a, i, new TypeErr(a, 'array'));
  });
  if (args.length === 1) return args[0];
  return array(args.flatMap((a) => (a as ArrayValue).v));
});

const fromJSON = goFunc('func(string) (interface {}, error)', [T.string], ([s]) => jsonDecode(str(s)));
const fromYAML = goFunc('func(string) (interface {}, error)', [T.string], ([s]) => yamlDecode(str(s)));

function bytesValue(b: Uint8Array): Value {
  return array(Array.from(b, (x) => number('uint8', BigInt(x))), '[]uint8');
}

const fromBase64 = goFunc('func(string) ([]uint8, error)', [T.string], ([s]) => bytesValue(base64Decode(str(s), false)));
const fromURLBase64 = goFunc('func(string) ([]uint8, error)', [T.string], ([s]) => bytesValue(base64Decode(str(s), true)));
const toBase64 = goFunc('func(string) (string, error)', [T.string], ([s]) => string(base64Encode(str(s), false)));
const toURLBase64 = goFunc('func(string) (string, error)', [T.string], ([s]) => string(base64Encode(str(s), true)));
const urlEncode = goFunc('func(string) (string, error)', [T.string], ([s]) => string(queryEscape(str(s))));
const urlDecode = goFunc('func(string) (string, error)', [T.string], ([s]) => string(queryUnescape(str(s))));

const toJSON = goFunc('func(interface {}) (string, error)', [T.any], ([v]) => {
  if (v.t !== 'object') throw new GoError('jsonEncode only supports map');
  return string(jsonEncode(v));
});

const format = goFunc('func(string, ...interface {}) string', [T.string, T.any], ([f, ...rest]) => string(sprintf(str(f), rest)), true);
const join = goFunc('func([]string, string) string', [T.slice(T.string), T.string], ([a, sep]) => string(strings(a).join(str(sep))));
const replace = goFunc('func(string, string, string) string', [T.string, T.string, T.string], ([s, o, n]) => string(replaceAll(str(s), str(o), str(n))));
const splitFn = goFunc('func(string, string) []string', [T.string, T.string], ([s, sep]) => array(split(str(s), str(sep)).map(string), '[]string'));
const lower = goFunc('func(string) string', [T.string], ([s]) => string(toLower(str(s))));
const upper = goFunc('func(string) string', [T.string], ([s]) => string(toUpper(str(s))));
const trimFn = goFunc('func(string, string) string', [T.string, T.string], ([s, c]) => string(trim(str(s), str(c))));
const trimPrefixFn = goFunc('func(string, string) string', [T.string, T.string], ([s, p]) => string(trimPrefix(str(s), str(p))));
const trimSuffixFn = goFunc('func(string, string) string', [T.string, T.string], ([s, p]) => string(trimSuffix(str(s), str(p))));
const trimSpaceFn = goFunc('func(string) string', [T.string], ([s]) => string(trimSpace(str(s))));
const pathJoinFn = goFunc('func(...string) string', [T.string], (elems) => string(pathJoin(elems.map(str))), true);

const jsonPathFn = goFunc('func(string, string) ([]interface {}, error)', [T.string, T.string], ([j, p]) => {
  const path = str(p);
  // The path is parsed before the document, as upstream does.
  jsonPath(NULL, path);
  let data: Value;
  try {
    data = jsonDecode(str(j), true);
  } catch (e) {
    if (e instanceof GoError) throw new GoError(ojgError(str(j), e.message));
    throw e;
  }
  return array(jsonPath(data, path), '[]interface {}');
});

function ojgError(text: string, goMessage: string): string {
  const lines = text.split('\n');
  const line = lines.length;
  const col = lines[lines.length - 1].length + 1;
  if (/unexpected end/.test(goMessage)) return `incomplete JSON at ${line}:${col}`;
  return goMessage.replace(/^invalid character/, 'unexpected character');
}

/** Go's reflect.Value.IsZero for the values coalesce inspects. */
function isGoZero(v: Value): boolean {
  switch (v.t) {
    case 'null':
      return true;
    case 'number':
      return typeof v.v === 'number' ? v.v === 0 && !Object.is(v.v, -0) : v.v === 0n;
    case 'string':
      return v.v === '' && v.dur === undefined ? true : v.dur === 0n;
    case 'bool':
      return !v.v;
    case 'capsule':
      if (v.kind === 'secret') return v.v === '';
      if (v.kind === 'optional_secret') return v.v === '' && !v.isSecret;
      return false;
    default:
      return false;
  }
}

const coalesce = rawFunc((_self, args) => {
  if (args.length === 0) return NULL;
  for (const arg of args) {
    if (arg.t === 'null' || isGoZero(arg)) continue;
    const obj = capsuleToObject(arg);
    if (obj && obj.size === 0) continue;
    if (arg.t === 'array' && arg.v.length === 0) continue;
    if (arg.t === 'object' && arg.v.size === 0) continue;
    return arg;
  }
  return args[args.length - 1];
});

function asObject(v: Value): ObjectValue | undefined {
  if (v.t === 'object') return v;
  const o = capsuleToObject(v);
  return o ? object(o) : undefined;
}

const groupBy = rawFunc((self, args) => {
  if (args.length !== 3) throw new PlainErr(`group_by: expected 3 arguments, got ${args.length}`);
  const [list, keyV, dropV] = args;
  if (list.t !== 'array') throw new ArgErr(self, list, 0, new TypeErr(list, 'array'));
  if (keyV.t !== 'string') throw new ArgErr(self, keyV, 1, new TypeErr(keyV, 'string'));
  if (dropV.t !== 'bool') throw new ArgErr(self, dropV, 2, new TypeErr(dropV, 'bool'));
  const key = keyV.v;
  const groups = new Map<string, Value[]>();
  list.v.forEach((item, i) => {
    const obj = asObject(item);
    if (!obj) throw new ArgErr(self, item, i, new TypeErr(item, 'object'));
    const val = obj.v.get(key);
    if (val === undefined) {
      if (dropV.v) return;
      groups.set('', [...(groups.get('') ?? []), obj]);
      return;
    }
    if (val.t !== 'string') throw new ArgErr(self, val, i, new TypeErr(val, 'string'));
    groups.set(val.v, [...(groups.get(val.v) ?? []), obj]);
  });
  return array([...groups].map(([k, items]) => object(new Map<string, Value>([[key, string(k)], ['items', array(items)]]))));
});

/** reflect.Value.Equal as combine_maps uses it (same Go type and value). */
function goEqual(a: Value, b: Value): boolean {
  if (a.t !== b.t) return false;
  switch (a.t) {
    case 'null':
      return true;
    case 'number':
      return a.go === (b as typeof a).go && a.v === (b as typeof a).v;
    case 'string':
    case 'bool':
      return a.v === (b as typeof a).v;
    case 'capsule': {
      const o = b as typeof a;
      if (a.kind !== o.kind) return false;
      if (a.kind === 'secret') return a.v === (o as typeof a).v;
      if (a.kind === 'optional_secret') return a.v === (o as typeof a).v && a.isSecret === (o as typeof a).isSecret;
      return a === o;
    }
    default:
      throw new PlainErr(`reflect.Value.Equal: values of kind ${a.t} are not comparable`);
  }
}

const combineMaps = rawFunc((self, args) => {
  if (args.length !== 3 && args.length !== 4) throw new PlainErr(`combine_maps: expected 3 or 4 arguments, got ${args.length}`);
  for (const i of [0, 1]) {
    const a = args[i];
    if (a.t !== 'array') throw new ArgErr(self, a, i, new TypeErr(a, 'array'));
    a.v.forEach((e, j) => {
      if (e.t !== 'object' && !capsuleToObject(e)) throw new ArgErr(self, e, j, new TypeErr(e, 'object'));
    });
  }
  const conds = args[2];
  if (conds.t !== 'array') throw new ArgErr(self, conds, 2, new TypeErr(conds, 'array'));
  if (conds.v.length === 0) throw new ArgErr(self, conds, 2, new PlainErr('combine_maps: merge conditions must not be empty'));
  let passthrough = false;
  if (args.length === 4) {
    const p = args[3];
    if (p.t !== 'bool') throw new ArgErr(self, p, 3, new TypeErr(p, 'bool'));
    passthrough = p.v;
  }
  const keys = conds.v.map((c) => {
    if (c.t !== 'string') throw new PlainErr('reflect: call of reflect.Value.String on non-string value');
    return c.v;
  });
  const left = (args[0] as ArrayValue).v;
  const right = (args[1] as ArrayValue).v;
  const res: Value[] = [];
  for (const l of left) {
    for (const r of right) {
      const lo = asObject(l)!;
      const ro = asObject(r)!;
      const join = keys.every((k) => {
        const lv = lo.v.get(k);
        const rv = ro.v.get(k);
        return lv !== undefined && rv !== undefined && goEqual(lv, rv);
      });
      if (join) res.push(object(new Map([...lo.v, ...ro.v])));
      else if (passthrough) res.push(l);
    }
  }
  return array(res);
});

// ---------------------------------------------------------------------------
// Namespaces

function ns(fields: Record<string, Value>): ObjectValue {
  return object(new Map(Object.entries(fields)));
}

const NAMESPACES: Record<string, Value> = {
  coalesce,
  json_path: jsonPathFn,
  sys: ns({ env: getenv }),
  convert: ns({ nonsensitive }),
  array: ns({ concat, combine_maps: combineMaps, group_by: groupBy }),
  encoding: ns({
    from_json: fromJSON,
    from_yaml: fromYAML,
    from_base64: fromBase64,
    from_URLbase64: fromURLBase64,
    to_json: toJSON,
    to_base64: toBase64,
    to_URLbase64: toURLBase64,
    url_encode: urlEncode,
    url_decode: urlDecode,
  }),
  string: ns({
    format,
    join,
    replace,
    split: splitFn,
    to_lower: lower,
    to_upper: upper,
    trim: trimFn,
    trim_prefix: trimPrefixFn,
    trim_suffix: trimSuffixFn,
    trim_space: trimSpaceFn,
  }),
  file: ns({ path_join: pathJoinFn }),
};

/** Deprecated top-level aliases; they are the very same functions as the namespaced ones. */
const DEPRECATED: Record<string, Value> = {
  env: getenv,
  nonsensitive,
  concat,
  json_decode: fromJSON,
  yaml_decode: fromYAML,
  base64_decode: fromBase64,
  format,
  join,
  replace,
  split: splitFn,
  to_lower: lower,
  to_upper: upper,
  trim: trimFn,
  trim_prefix: trimPrefixFn,
  trim_suffix: trimSuffixFn,
  trim_space: trimSpaceFn,
};

/** Host facts behind `constants.*`. */
export interface Constants {
  hostname?: string;
  os?: string;
  arch?: string;
  version?: string;
}

const constantsCache = new WeakMap<Constants, ObjectValue>();
const DEFAULT_CONSTANTS: Constants = {};

function constantsObject(c: Constants | undefined): ObjectValue {
  const key = c ?? DEFAULT_CONSTANTS;
  let o = constantsCache.get(key);
  if (!o) {
    o = ns({
      hostname: string(key.hostname ?? ''),
      os: string(key.os ?? 'linux'),
      arch: string(key.arch ?? 'amd64'),
      version: string(key.version ?? 'v0.0.0'),
    });
    constantsCache.set(key, o);
  }
  return o;
}

/** Looks a name up in the standard library. */
export function stdlibLookup(name: string, constants?: Constants): Value | undefined {
  if (name === 'constants') return constantsObject(constants);
  return Object.prototype.hasOwnProperty.call(NAMESPACES, name) ? NAMESPACES[name] : Object.prototype.hasOwnProperty.call(DEPRECATED, name) ? DEPRECATED[name] : undefined;
}

/** Every top-level stdlib identifier. */
export const STDLIB_IDENTIFIERS: readonly string[] = ['constants', ...Object.keys(NAMESPACES), ...Object.keys(DEPRECATED)];

/** Deprecated top-level identifiers (validator warns about them). */
export const DEPRECATED_IDENTIFIERS: ReadonlySet<string> = new Set(Object.keys(DEPRECATED));

/** Experimental stdlib functions, by full name. */
export const EXPERIMENTAL_IDENTIFIERS: ReadonlySet<string> = new Set(['array.combine_maps', 'array.group_by']);

export function isStdlibIdentifier(name: string): boolean {
  return name === 'constants' || Object.prototype.hasOwnProperty.call(NAMESPACES, name) || Object.prototype.hasOwnProperty.call(DEPRECATED, name);
}


/** The namespaced function a deprecated identifier stands for (`env` → `sys.env`). */
export function replacementOf(name: string): string | undefined {
  const fn = Object.prototype.hasOwnProperty.call(DEPRECATED, name) ? DEPRECATED[name] : undefined;
  if (!fn) return undefined;
  for (const [ns, v] of Object.entries(NAMESPACES)) {
    if (v.t !== 'object') continue;
    for (const [member, x] of v.v) if (x === fn) return `${ns}.${member}`;
  }
  return undefined;
}
