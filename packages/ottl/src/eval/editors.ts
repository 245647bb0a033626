// Editors (lower-case functions that change telemetry), as contrib's ottlfuncs and the transform
// processor define them.
import { utf8Bytes, utf8Decode } from '@alloy-lint/gostd';
import type { Arg, Impl } from './fn-types.js';
import { isMap, type OMap, type OValue } from './model.js';
import { globRegex, goRegex, replaceAllGo } from './regex.js';
import { semconvSpanName } from './semconv.js';
import { clone, OttlRuntimeError, typeName } from './values.js';
import { OttlUnsupported } from './unsupported.js';

const fail = (msg: string): never => {
  throw new OttlRuntimeError(msg);
};
const mapOf = (a: Arg | undefined, fn: string): OMap => {
  const v = a!.get();
  return isMap(v) ? v : fail(`${fn}: expected a map but got ${typeName(v)}`);
};
const str = (a: Arg | undefined, what: string): string => {
  const v = a!.get();
  return typeof v === 'string' ? v : fail(`${what} must be a string, got ${typeName(v)}`);
};
const int = (a: Arg | undefined, what: string): bigint => {
  const v = a!.get();
  return typeof v === 'bigint' ? v : fail(`${what} must be an int, got ${typeName(v)}`);
};
const strings = (a: Arg | undefined, what: string): string[] => {
  const v = a!.get();
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) fail(`${what} must be a list of strings`);
  return v as string[];
};
/** The optional `function` argument (a hash applied to the replacement) is not simulated. */
const noFunction = (a: Arg | undefined) => {
  if (a) throw new OttlUnsupported(a.funcName());
};
const withFormat = (fmtArg: Arg | undefined, s: string) => (fmtArg ? str(fmtArg, 'replacementFormat').replace('%s', s) : s);

function removeIf(m: OMap, drop: (k: string, v: OValue) => boolean): void {
  for (const [k, v] of [...m]) if (drop(k, v)) m.delete(k);
}

/** UTF-8 prefix of at most `limit` bytes, never cutting a character in half. */
function truncateBytes(s: string, limit: number): string {
  const b = utf8Bytes(s);
  if (b.length <= limit) return s;
  let end = limit;
  while (end > 0 && (b[end] & 0xc0) === 0x80) end--;
  return utf8Decode(b, 0, end);
}

export const EDITORS: Record<string, Impl> = {
  set([target, value]) {
    const v = value!.get();
    if (v !== null) target!.target().set(v);
    return null;
  },
  delete_key([target, key]) {
    mapOf(target, 'delete_key').delete(str(key, 'key'));
    return null;
  },
  delete_matching_keys([target, pattern]) {
    const re = goRegex(str(pattern, 'pattern'));
    removeIf(mapOf(target, 'delete_matching_keys'), (k) => re.test(k));
    return null;
  },
  keep_keys([target, keys]) {
    const keep = new Set(strings(keys, 'keys'));
    removeIf(mapOf(target, 'keep_keys'), (k) => !keep.has(k));
    return null;
  },
  keep_matching_keys([target, pattern]) {
    const re = goRegex(str(pattern, 'pattern'));
    removeIf(mapOf(target, 'keep_matching_keys'), (k) => !re.test(k));
    return null;
  },
  limit([target, limitArg, priority]) {
    const limit = int(limitArg, 'limit');
    if (limit < 0n) fail(`invalid limit for limit function, ${limit} cannot be negative`);
    const keep = new Set(strings(priority, 'priority_keys'));
    if (BigInt(keep.size) > limit) fail(`invalid limit for limit function, ${limit} cannot be less than number of priority attributes ${keep.size}`);
    const m = mapOf(target, 'limit');
    if (BigInt(m.size) <= limit) return null;
    let count = 0n;
    for (const k of keep) if (m.has(k)) count++;
    removeIf(m, (k) => {
      if (keep.has(k)) return false;
      if (count < limit) {
        count++;
        return false;
      }
      return true;
    });
    return null;
  },
  truncate_all([target, limitArg]) {
    const limit = int(limitArg, 'limit');
    if (limit < 0n) fail(`invalid limit for truncate_all function, ${limit} cannot be negative`);
    const m = mapOf(target, 'truncate_all');
    for (const [k, v] of m) if (typeof v === 'string') m.set(k, truncateBytes(v, Number(limit)));
    return null;
  },
  replace_pattern([target, regex, replacement, fn, format]) {
    noFunction(fn);
    const acc = target!.target();
    const v = acc.get();
    if (typeof v !== 'string') return null;
    const re = goRegex(str(regex, 'regex'));
    if (re.test(v)) acc.set(replaceAllGo(re, v, withFormat(format, str(replacement, 'replacement'))));
    return null;
  },
  replace_all_patterns([target, modeArg, regex, replacement, fn, format]) {
    noFunction(fn);
    const mode = str(modeArg, 'mode');
    if (mode !== 'key' && mode !== 'value') fail(`invalid mode ${mode}, must be either 'key' or 'value'`);
    const m = mapOf(target, 'replace_all_patterns');
    const re = goRegex(str(regex, 'regex'));
    const repl = withFormat(format, str(replacement, 'replacement'));
    if (mode === 'value') {
      for (const [k, v] of m) if (typeof v === 'string' && re.test(v)) m.set(k, replaceAllGo(re, v, repl));
    } else {
      const entries = [...m].map(([k, v]) => [re.test(k) ? replaceAllGo(re, k, repl) : k, v] as const);
      m.clear();
      for (const [k, v] of entries) m.set(k, v);
    }
    return null;
  },
  replace_match([target, pattern, replacement, fn, format]) {
    noFunction(fn);
    const acc = target!.target();
    const v = acc.get();
    if (typeof v === 'string' && globRegex(str(pattern, 'pattern')).test(v)) acc.set(withFormat(format, str(replacement, 'replacement')));
    return null;
  },
  replace_all_matches([target, pattern, replacement, fn, format]) {
    noFunction(fn);
    const m = mapOf(target, 'replace_all_matches');
    const glob = globRegex(str(pattern, 'pattern'));
    const repl = withFormat(format, str(replacement, 'replacement'));
    for (const [k, v] of m) if (typeof v === 'string' && glob.test(v)) m.set(k, repl);
    return null;
  },
  merge_maps([target, source, strategyArg]) {
    const strategy = str(strategyArg, 'strategy');
    if (!['insert', 'update', 'upsert'].includes(strategy)) fail(`invalid value for strategy, ${strategy}, must be 'insert', 'update' or 'upsert'`);
    const t = mapOf(target, 'merge_maps');
    const s = source!.get();
    if (!isMap(s)) return s === null ? null : fail(`merge_maps: expected a map source but got ${typeName(s)}`);
    for (const [k, v] of s) {
      const has = t.has(k);
      if ((strategy === 'insert' && !has) || (strategy === 'update' && has) || strategy === 'upsert') t.set(k, clone(v));
    }
    return null;
  },
  append([target, value, values]) {
    const acc = target!.target();
    const cur = acc.get();
    const list: OValue[] = Array.isArray(cur) ? [...cur] : cur === null ? [] : [cur];
    if (value) list.push(clone(value.get()));
    if (values) {
      const vs = values.get();
      if (!Array.isArray(vs)) fail('append: values must be a list');
      for (const v of vs as OValue[]) list.push(clone(v));
    }
    acc.set(list);
    return null;
  },
  set_semconv_span_name([version, attr], env) {
    if (str(version, 'semconvVersion') !== '1.37.0') fail(`unsupported semconv version: ${str(version, 'semconvVersion')}, supported version: 1.37.0`);
    const attrName = attr ? str(attr, 'originalSpanNameAttribute') : undefined;
    if (attrName === '') fail('originalSpanNameAttribute cannot be an empty string');
    const span = env.data.span ?? fail('set_semconv_span_name needs a span');
    const original = span.name;
    span.name = semconvSpanName(span);
    if (attrName !== undefined && span.name !== original) span.attributes.set(attrName, original);
    return null;
  },
};
