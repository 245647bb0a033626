// Functions available to pipeline templates: text/template's builtins, the
// pipeline extras (ToLower, Replace, Hash, …) and the commonly used sprig ones.

import { createHash } from 'node:crypto';
import {
  base64Decode,
  base64Encode,
  byteLength,
  compareStrings,
  goKind,
  goValueOf,
  type GoValue,
  htmlEscapeString,
  isSpace,
  parseFloat64,
  parseInt64,
  queryEscape,
  quote,
  replace,
  sprintAll,
  sprintf,
  sprintlnAll,
  split,
  title,
  toLower,
  toUpper,
  trim,
  trimLeft,
  trimPrefix,
  trimRight,
  trimSpace,
  trimSuffix,
  utf8Decode,
} from '@alloy-lint/gostd';
import { GoRegexp } from '@alloy-lint/gostd/regexp';
import { goJsonMarshal } from '../util.js';
import { goPrint, truthy, type FuncDef } from './exec.js';

const fn = (params: string[], f: (a: any[]) => unknown): FuncDef => ({ params, fn: f });

const mustRegex = (src: string): GoRegexp => GoRegexp.mustCompile(src);

/** Template arguments as Go values: a missing value is a nil interface. */
const goArgs = (a: unknown[]) => a.map(goValueOf);

/** Go's strings.Map dropping unicode.IsSpace runes (sprig's nospace). */
function noSpace(s: string): string {
  let out = '';
  for (const ch of s) if (!isSpace(ch.codePointAt(0)!)) out += ch;
  return out;
}

/** cast's trimZeroDecimal: "12.00" → "12". */
const trimZeroDecimal = (s: string) => s.replace(/^([+-]?\d+)\.0+$/, '$1');

/** spf13/cast ToInt64 as sprig uses it (strings through strconv.ParseInt base 0; unconvertible values give 0). */
function toInt64(v: unknown): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? BigInt(Math.trunc(v)) : 0n;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (typeof v === 'string') return orZero(() => parseInt64(trimZeroDecimal(v), 0, 64), 0n);
  return 0n;
}

/** spf13/cast ToFloat64 (strings through strconv.ParseFloat). */
function toFloat64(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') return orZero(() => parseFloat64(v), 0);
  return 0;
}

function orZero<T>(f: () => T, zero: T): T {
  try {
    return f();
  } catch {
    return zero;
  }
}

const wrap64 = (n: bigint) => BigInt.asIntN(64, n);

/** Go template comparisons: same basic kind required. */
function basicCmp(a: unknown, b: unknown, op: string): number {
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka !== kb) {
    if ((ka === 'int' || ka === 'float') && (kb === 'int' || kb === 'float')) throw new Error('incompatible types for comparison');
    if (op === 'eq' || op === 'ne') {
      if (ka === 'nil' || kb === 'nil') return a === b ? 0 : 1;
    }
    throw new Error('incompatible types for comparison');
  }
  if (ka === 'bool' || ka === 'nil') {
    if (op !== 'eq' && op !== 'ne') throw new Error('invalid type for comparison');
    return a === b ? 0 : 1;
  }
  if (ka === 'other') throw new Error('invalid type for comparison');
  if (ka === 'string') return compareStrings(a as string, b as string);
  return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
}

/** The basic kind text/template compares: nil, string, int, float, bool, or other. */
function kindOf(v: unknown): string {
  const k = v === undefined ? 'nil' : goKind(v as GoValue);
  return k === undefined || k === 'slice' || k === 'map' || k === 'uint' || k === 'struct' || k === 'func' ? 'other' : k;
}

function goLen(v: unknown): bigint {
  if (typeof v === 'string') return BigInt(byteLength(v));
  if (Array.isArray(v)) return BigInt(v.length);
  if (v instanceof Map) return BigInt(v.size);
  throw new Error(`len of type ${kindOf(v)}`);
}

const hex = (algo: string, s: string) => createHash(algo).update(s, 'utf8').digest('hex');

export const FUNCS = new Map<string, FuncDef>([
  // text/template builtins
  ['and', fn(['value', '...value'], (a) => a.find((x) => !truthy(x)) ?? a[a.length - 1])],
  ['or', fn(['value', '...value'], (a) => a.find((x) => truthy(x)) ?? a[a.length - 1])],
  ['not', fn(['value'], (a) => !truthy(a[0]))],
  ['len', fn(['value'], (a) => goLen(a[0]))],
  ['index', fn(['value', '...any'], (a) => a.slice(1).reduce((v, k) => (v instanceof Map ? v.get(String(k)) ?? null : Array.isArray(v) ? v[Number(k)] : null), a[0]))],
  ['print', fn(['...any'], (a) => sprintAll(goArgs(a)))],
  ['println', fn(['...any'], (a) => sprintlnAll(goArgs(a)))],
  ['printf', fn(['string', '...any'], (a) => sprintf(a[0], goArgs(a.slice(1))))],
  ['eq', fn(['value', '...value'], (a) => a.slice(1).some((b) => basicCmp(a[0], b, 'eq') === 0))],
  ['ne', fn(['value', 'value'], (a) => basicCmp(a[0], a[1], 'ne') !== 0)],
  ['lt', fn(['value', 'value'], (a) => basicCmp(a[0], a[1], 'lt') < 0)],
  ['le', fn(['value', 'value'], (a) => basicCmp(a[0], a[1], 'le') <= 0)],
  ['gt', fn(['value', 'value'], (a) => basicCmp(a[0], a[1], 'gt') > 0)],
  ['ge', fn(['value', 'value'], (a) => basicCmp(a[0], a[1], 'ge') >= 0)],
  ['html', fn(['...any'], (a) => htmlEscapeString(sprintAll(goArgs(a))))],
  ['urlquery', fn(['...any'], (a) => queryEscape(sprintAll(goArgs(a))))],
  // pipeline extras
  ['ToLower', fn(['string'], (a) => toLower(a[0]))],
  ['ToUpper', fn(['string'], (a) => toUpper(a[0]))],
  ['Replace', fn(['string', 'string', 'string', 'int'], (a) => replace(a[0], a[1], a[2], clampCount(a[3])))],
  ['Trim', fn(['string', 'string'], (a) => trim(a[0], a[1]))],
  ['TrimLeft', fn(['string', 'string'], (a) => trimLeft(a[0], a[1]))],
  ['TrimRight', fn(['string', 'string'], (a) => trimRight(a[0], a[1]))],
  ['TrimPrefix', fn(['string', 'string'], (a) => trimPrefix(a[0], a[1]))],
  ['TrimSuffix', fn(['string', 'string'], (a) => trimSuffix(a[0], a[1]))],
  ['TrimSpace', fn(['string'], (a) => trimSpace(a[0]))],
  ['Hash', fn(['string', 'string'], (a) => hex('sha3-256', a[0] + a[1]))],
  ['Sha2Hash', fn(['string', 'string'], (a) => hex('sha256', a[0] + a[1]))],
  ['regexReplaceAll', fn(['string', 'string', 'string'], (a) => mustRegex(a[0]).replaceAll(a[1], a[2]))],
  ['regexReplaceAllLiteral', fn(['string', 'string', 'string'], (a) => mustRegex(a[0]).replaceAllLiteral(a[1], a[2]))],
  // sprig
  ['upper', fn(['string'], (a) => toUpper(a[0]))],
  ['lower', fn(['string'], (a) => toLower(a[0]))],
  ['title', fn(['string'], (a) => title(a[0]))],
  ['trim', fn(['string'], (a) => trimSpace(a[0]))],
  ['trimAll', fn(['string', 'string'], (a) => trim(a[1], a[0]))],
  ['trimPrefix', fn(['string', 'string'], (a) => trimPrefix(a[1], a[0]))],
  ['trimSuffix', fn(['string', 'string'], (a) => trimSuffix(a[1], a[0]))],
  ['replace', fn(['string', 'string', 'string'], (a) => replace(a[2], a[0], a[1], -1))],
  ['contains', fn(['string', 'string'], (a) => a[1].includes(a[0]))],
  ['hasPrefix', fn(['string', 'string'], (a) => a[1].startsWith(a[0]))],
  ['hasSuffix', fn(['string', 'string'], (a) => a[1].endsWith(a[0]))],
  ['repeat', fn(['int', 'string'], (a) => a[1].repeat(Math.max(0, Number(a[0]))))],
  ['substr', fn(['int', 'int', 'string'], (a) => {
    const [s, e, str] = [Number(a[0]), Number(a[1]), a[2] as string];
    if (s < 0) return str.slice(0, e);
    if (e < 0 || e > str.length) return str.slice(s);
    return str.slice(s, e);
  })],
  ['trunc', fn(['int', 'string'], (a) => {
    const c = Number(a[0]);
    const s = a[1] as string;
    if (c < 0 && s.length + c > 0) return s.slice(s.length + c);
    return c >= 0 && s.length > c ? s.slice(0, c) : s;
  })],
  ['nospace', fn(['string'], (a) => noSpace(a[0]))],
  ['quote', fn(['...any'], (a) => a.filter((x) => x !== null).map((x) => quote(goPrint(x))).join(' '))],
  ['squote', fn(['...any'], (a) => a.filter((x) => x !== null).map((x) => `'${goPrint(x)}'`).join(' '))],
  ['cat', fn(['...any'], (a) => a.filter((x) => x !== null).map(goPrint).join(' '))],
  ['toString', fn(['any'], (a) => (a[0] === null ? '' : goPrint(a[0])))],
  ['toJson', fn(['any'], (a) => goJsonMarshal(a[0]))],
  ['splitList', fn(['string', 'string'], (a) => split(a[1], a[0]))],
  ['join', fn(['string', 'any'], (a) => (Array.isArray(a[1]) ? a[1].map(goPrint).join(a[0]) : goPrint(a[1])))],
  ['default', fn(['any', '...any'], (a) => (a.length > 1 && truthy(a[1]) ? a[1] : a[0]))],
  ['empty', fn(['any'], (a) => !truthy(a[0]))],
  ['coalesce', fn(['...any'], (a) => a.find((x) => truthy(x)) ?? null)],
  ['ternary', fn(['any', 'any', 'bool'], (a) => (a[2] ? a[0] : a[1]))],
  ['b64enc', fn(['string'], (a) => base64Encode(a[0]))],
  ['b64dec', fn(['string'], (a) => b64dec(a[0]))],
  ['sha256sum', fn(['string'], (a) => hex('sha256', a[0]))],
  ['sha1sum', fn(['string'], (a) => hex('sha1', a[0]))],
  ['atoi', fn(['string'], (a) => orZero(() => parseInt64(a[0], 10, 64), 0n))],
  ['int', fn(['any'], (a) => toInt64(a[0]))],
  ['int64', fn(['any'], (a) => toInt64(a[0]))],
  ['float64', fn(['any'], (a) => toFloat64(a[0]))],
  ['add', fn(['...any'], (a) => wrap64(a.reduce((s: bigint, x) => s + toInt64(x), 0n)))],
  ['add1', fn(['any'], (a) => wrap64(toInt64(a[0]) + 1n))],
  ['sub', fn(['any', 'any'], (a) => wrap64(toInt64(a[0]) - toInt64(a[1])))],
  ['mul', fn(['any', '...any'], (a) => wrap64(a.reduce((s: bigint, x) => s * toInt64(x), 1n)))],
  ['div', fn(['any', 'any'], (a) => {
    const d = toInt64(a[1]);
    if (d === 0n) throw new Error('runtime error: integer divide by zero');
    return toInt64(a[0]) / d;
  })],
  ['mod', fn(['any', 'any'], (a) => {
    const d = toInt64(a[1]);
    if (d === 0n) throw new Error('runtime error: integer divide by zero');
    return toInt64(a[0]) % d;
  })],
  ['max', fn(['any', '...any'], (a) => a.map(toInt64).reduce((m, x) => (x > m ? x : m)))],
  ['min', fn(['any', '...any'], (a) => a.map(toInt64).reduce((m, x) => (x < m ? x : m)))],
  ['list', fn(['...any'], (a) => a)],
  ['dict', fn(['...any'], (a) => {
    const m = new Map<string, unknown>();
    for (let i = 0; i < a.length; i += 2) m.set(goPrint(a[i]), i + 1 < a.length ? a[i + 1] : '');
    return m;
  })],
  ['get', fn(['any', 'string'], (a) => (a[0] instanceof Map && a[0].has(a[1]) ? a[0].get(a[1]) : ''))],
  ['hasKey', fn(['any', 'string'], (a) => a[0] instanceof Map && a[0].has(a[1]))],
  ['regexMatch', fn(['string', 'string'], (a) => mustRegex(a[0]).test(a[1]))],
  ['regexFind', fn(['string', 'string'], (a) => {
    const m = mustRegex(a[0]).findSubmatchIndex(a[1]);
    return m ? (a[1] as string).slice(m[0], m[1]) : '';
  })],
  ['regexFindAll', fn(['string', 'string', 'int'], (a) => {
    const all = mustRegex(a[0]).findAllSubmatchIndex(a[1]).map((m) => (a[1] as string).slice(m[0], m[1]));
    return a[2] < 0n ? all : all.slice(0, Number(a[2]));
  })],
]);

/** sprig's b64dec: the decoded text, or the decoding error's text. */
function b64dec(s: string): string {
  try {
    return utf8Decode(base64Decode(s));
  } catch (e) {
    return (e as Error).message;
  }
}

/** A Replace count as Go's int: -1 and below mean all. */
const clampCount = (n: bigint) => (n < 0n ? -1 : n > 1_000_000_000n ? 1_000_000_000 : Number(n));
