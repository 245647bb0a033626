// Functions available to pipeline templates: text/template's builtins, the
// pipeline extras (ToLower, Replace, Hash, …) and the commonly used sprig ones.

import { createHash } from 'node:crypto';
import { GoRegexp } from '../../relabel/goregex.js';
import { goToLower, goToUpper } from '../../relabel/unicase.js';
import { goJsonMarshal } from '../util.js';
import { goPrint, truthy, type FuncDef } from './exec.js';

const fn = (params: string[], f: (a: any[]) => unknown): FuncDef => ({ params, fn: f });

function mustRegex(src: string): GoRegexp {
  const r = GoRegexp.compile(src);
  if (r instanceof GoRegexp) return r;
  throw new Error(`regexp: Compile(${JSON.stringify(src)}): ${r.error}`);
}

const SPACE = /^[\s\u0085\u00a0]+|[\s\u0085\u00a0]+$/g;

function cutsetRe(cutset: string, side: 'l' | 'r' | 'b'): RegExp {
  const cls = [...cutset].map((c) => c.replace(/[\\\]^-]/g, '\\$&')).join('');
  if (!cls) return /$^/;
  const l = `^[${cls}]+`;
  const r = `[${cls}]+$`;
  return new RegExp(side === 'l' ? l : side === 'r' ? r : `${l}|${r}`, 'gu');
}

/** Go strings.Replace. */
function goReplace(s: string, old: string, nw: string, n: bigint): string {
  if (n === 0n || old === nw) return s;
  let count = n < 0n ? Infinity : Number(n);
  if (old === '') {
    const chars = [...s];
    let out = '';
    for (let i = 0; i <= chars.length; i++) {
      if (count > 0) {
        out += nw;
        count--;
      }
      if (i < chars.length) out += chars[i];
    }
    return out;
  }
  let out = '';
  let i = 0;
  while (count > 0) {
    const j = s.indexOf(old, i);
    if (j < 0) break;
    out += s.slice(i, j) + nw;
    i = j + old.length;
    count--;
  }
  return out + s.slice(i);
}

/** spf13/cast ToInt64 as sprig uses it (unconvertible values give 0). */
function toInt64(v: unknown): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? BigInt(Math.trunc(v)) : 0n;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (typeof v === 'string') {
    const t = v.trim();
    if (/^[+-]?\d+$/.test(t)) return BigInt(t);
    if (/^[+-]?0[xX][0-9a-fA-F]+$/.test(t)) return BigInt(t);
    return 0n;
  }
  return 0n;
}

function toFloat64(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const f = Number(v.trim());
    return Number.isFinite(f) && v.trim() !== '' ? f : 0;
  }
  return 0;
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
  return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
}

function kindOf(v: unknown): string {
  if (v === null || v === undefined) return 'nil';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'bigint':
      return 'int';
    case 'number':
      return 'float';
    case 'boolean':
      return 'bool';
  }
  return 'other';
}

function goLen(v: unknown): bigint {
  if (typeof v === 'string') return BigInt(new TextEncoder().encode(v).length);
  if (Array.isArray(v)) return BigInt(v.length);
  if (v instanceof Map) return BigInt(v.size);
  throw new Error(`len of type ${kindOf(v)}`);
}

function sprintf(format: string, args: unknown[]): string {
  let i = 0;
  return format.replace(/%([-+# 0]*)(\d+)?(?:\.(\d+))?([%vsdqfxXtgeT])/g, (_m, _flags, _w, prec, verb: string) => {
    if (verb === '%') return '%';
    if (i >= args.length) return `%!${verb}(MISSING)`;
    const a = args[i++];
    switch (verb) {
      case 'q':
        return JSON.stringify(goPrint(a));
      case 'd':
        return typeof a === 'bigint' ? a.toString() : `%!d(${goPrint(a)})`;
      case 'f':
        return typeof a === 'number' || typeof a === 'bigint' ? Number(a).toFixed(prec === undefined ? 6 : Number(prec)) : `%!f(${goPrint(a)})`;
      case 'x':
      case 'X': {
        const s = typeof a === 'bigint' ? a.toString(16) : Buffer.from(goPrint(a), 'utf8').toString('hex');
        return verb === 'X' ? s.toUpperCase() : s;
      }
      default:
        return goPrint(a);
    }
  });
}

function printArgs(args: unknown[]): string {
  // fmt.Sprint adds spaces between operands when neither side is a string.
  let out = '';
  for (let i = 0; i < args.length; i++) {
    if (i > 0 && typeof args[i] !== 'string' && typeof args[i - 1] !== 'string') out += ' ';
    out += goPrint(args[i]);
  }
  return out;
}

const hex = (algo: string, s: string) => createHash(algo).update(s, 'utf8').digest('hex');

export const FUNCS = new Map<string, FuncDef>([
  // text/template builtins
  ['and', fn(['value', '...value'], (a) => a.find((x) => !truthy(x)) ?? a[a.length - 1])],
  ['or', fn(['value', '...value'], (a) => a.find((x) => truthy(x)) ?? a[a.length - 1])],
  ['not', fn(['value'], (a) => !truthy(a[0]))],
  ['len', fn(['value'], (a) => goLen(a[0]))],
  ['index', fn(['value', '...any'], (a) => a.slice(1).reduce((v, k) => (v instanceof Map ? v.get(String(k)) ?? null : Array.isArray(v) ? v[Number(k)] : null), a[0]))],
  ['print', fn(['...any'], (a) => printArgs(a))],
  ['println', fn(['...any'], (a) => a.map(goPrint).join(' ') + '\n')],
  ['printf', fn(['string', '...any'], (a) => sprintf(a[0], a.slice(1)))],
  ['eq', fn(['value', '...value'], (a) => a.slice(1).some((b) => basicCmp(a[0], b, 'eq') === 0))],
  ['ne', fn(['value', 'value'], (a) => basicCmp(a[0], a[1], 'ne') !== 0)],
  ['lt', fn(['value', 'value'], (a) => basicCmp(a[0], a[1], 'lt') < 0)],
  ['le', fn(['value', 'value'], (a) => basicCmp(a[0], a[1], 'le') <= 0)],
  ['gt', fn(['value', 'value'], (a) => basicCmp(a[0], a[1], 'gt') > 0)],
  ['ge', fn(['value', 'value'], (a) => basicCmp(a[0], a[1], 'ge') >= 0)],
  ['html', fn(['...any'], (a) => printArgs(a).replace(/[&'<>"\0]/g, (c) => ({ '&': '&amp;', "'": '&#39;', '<': '&lt;', '>': '&gt;', '"': '&#34;', '\0': '\uFFFD' })[c]!))],
  ['urlquery', fn(['...any'], (a) => encodeURIComponent(printArgs(a)).replace(/%20/g, '+'))],
  // pipeline extras
  ['ToLower', fn(['string'], (a) => goToLower(a[0]))],
  ['ToUpper', fn(['string'], (a) => goToUpper(a[0]))],
  ['Replace', fn(['string', 'string', 'string', 'int'], (a) => goReplace(a[0], a[1], a[2], a[3]))],
  ['Trim', fn(['string', 'string'], (a) => a[0].replace(cutsetRe(a[1], 'b'), ''))],
  ['TrimLeft', fn(['string', 'string'], (a) => a[0].replace(cutsetRe(a[1], 'l'), ''))],
  ['TrimRight', fn(['string', 'string'], (a) => a[0].replace(cutsetRe(a[1], 'r'), ''))],
  ['TrimPrefix', fn(['string', 'string'], (a) => (a[1] && a[0].startsWith(a[1]) ? a[0].slice(a[1].length) : a[0]))],
  ['TrimSuffix', fn(['string', 'string'], (a) => (a[1] && a[0].endsWith(a[1]) ? a[0].slice(0, -a[1].length) : a[0]))],
  ['TrimSpace', fn(['string'], (a) => a[0].replace(SPACE, ''))],
  ['Hash', fn(['string', 'string'], (a) => hex('sha3-256', a[0] + a[1]))],
  ['Sha2Hash', fn(['string', 'string'], (a) => hex('sha256', a[0] + a[1]))],
  ['regexReplaceAll', fn(['string', 'string', 'string'], (a) => mustRegex(a[0]).replaceAll(a[1], a[2]))],
  ['regexReplaceAllLiteral', fn(['string', 'string', 'string'], (a) => mustRegex(a[0]).replaceAllLiteral(a[1], a[2]))],
  // sprig
  ['upper', fn(['string'], (a) => goToUpper(a[0]))],
  ['lower', fn(['string'], (a) => goToLower(a[0]))],
  ['title', fn(['string'], (a) => a[0].replace(/(^|[^\p{L}\p{N}_'])(\p{L})/gu, (_m: string, p: string, c: string) => p + c.toUpperCase()))],
  ['trim', fn(['string'], (a) => a[0].replace(SPACE, ''))],
  ['trimAll', fn(['string', 'string'], (a) => a[1].replace(cutsetRe(a[0], 'b'), ''))],
  ['trimPrefix', fn(['string', 'string'], (a) => (a[0] && a[1].startsWith(a[0]) ? a[1].slice(a[0].length) : a[1]))],
  ['trimSuffix', fn(['string', 'string'], (a) => (a[0] && a[1].endsWith(a[0]) ? a[1].slice(0, -a[0].length) : a[1]))],
  ['replace', fn(['string', 'string', 'string'], (a) => goReplace(a[2], a[0], a[1], -1n))],
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
  ['nospace', fn(['string'], (a) => a[0].replace(/\s+/gu, ''))],
  ['quote', fn(['...any'], (a) => a.filter((x) => x !== null).map((x) => JSON.stringify(goPrint(x))).join(' '))],
  ['squote', fn(['...any'], (a) => a.filter((x) => x !== null).map((x) => `'${goPrint(x)}'`).join(' '))],
  ['cat', fn(['...any'], (a) => a.filter((x) => x !== null).map(goPrint).join(' '))],
  ['toString', fn(['any'], (a) => (a[0] === null ? '' : goPrint(a[0])))],
  ['toJson', fn(['any'], (a) => goJsonMarshal(toJsonable(a[0])))],
  ['splitList', fn(['string', 'string'], (a) => a[1].split(a[0]))],
  ['join', fn(['string', 'any'], (a) => (Array.isArray(a[1]) ? a[1].map(goPrint).join(a[0]) : goPrint(a[1])))],
  ['default', fn(['any', '...any'], (a) => (a.length > 1 && truthy(a[1]) ? a[1] : a[0]))],
  ['empty', fn(['any'], (a) => !truthy(a[0]))],
  ['coalesce', fn(['...any'], (a) => a.find((x) => truthy(x)) ?? null)],
  ['ternary', fn(['any', 'any', 'bool'], (a) => (a[2] ? a[0] : a[1]))],
  ['b64enc', fn(['string'], (a) => Buffer.from(a[0], 'utf8').toString('base64'))],
  ['b64dec', fn(['string'], (a) => Buffer.from(a[0], 'base64').toString('utf8'))],
  ['sha256sum', fn(['string'], (a) => hex('sha256', a[0]))],
  ['sha1sum', fn(['string'], (a) => hex('sha1', a[0]))],
  ['atoi', fn(['string'], (a) => (/^[+-]?\d+$/.test(a[0]) ? BigInt(a[0]) : 0n))],
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

function toJsonable(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(toJsonable);
  if (v instanceof Map) return Object.fromEntries([...v].sort().map(([k, x]) => [k, toJsonable(x)]));
  return v === undefined ? null : v;
}
