// JSONPath evaluation as github.com/ohler55/ojg/jp does it (used by json_path):
// `$`, `@`, `.name`, `..`, `*`, `[n]`, `['k']`, unions, slices and `[?(…)]` filters.

import { GoError } from '@alloy-lint/gostd';
import { GoRegexp } from '@alloy-lint/gostd/regexp';
import { NOTHING, Parser, PathError, type Eq, type Frag, type Lit } from './jsonpath-parse.js';
import { NULL, type Value } from './value.js';

function children(v: Value): Value[] {
  if (v.t === 'array') return [...v.v];
  if (v.t === 'object') return [...v.v.values()];
  return [];
}

function isContainer(v: Value): boolean {
  return v.t === 'array' || v.t === 'object';
}

function get(x: Frag[], data: Value, start: Value): Value[] {
  const results: Value[] = [];
  const walk = (v: Value, fi: number): void => {
    if (fi >= x.length) {
      results.push(v);
      return;
    }
    const f = x[fi];
    const next = (c: Value) => {
      if (fi === x.length - 1 || isContainer(c)) walk(c, fi + 1);
    };
    switch (f.k) {
      case 'root':
        next(data);
        return;
      case 'at':
        next(v);
        return;
      case 'child':
        if (v.t === 'object' && v.v.has(f.name)) next(v.v.get(f.name)!);
        return;
      case 'nth':
        if (v.t === 'array') {
          const i = f.i < 0 ? v.v.length + f.i : f.i;
          if (i >= 0 && i < v.v.length) next(v.v[i]);
        }
        return;
      case 'wild':
        for (const c of children(v)) next(c);
        return;
      case 'union':
        for (const key of f.keys) {
          if (typeof key === 'string') {
            if (v.t === 'object' && v.v.has(key)) next(v.v.get(key)!);
          } else if (v.t === 'array') {
            const i = key < 0 ? v.v.length + key : key;
            if (i >= 0 && i < v.v.length) next(v.v[i]);
          }
        }
        return;
      case 'slice': {
        if (v.t !== 'array') return;
        const n = v.v.length;
        let start = f.start < 0 ? n + f.start : f.start;
        let end = f.end < 0 ? n + f.end : f.end;
        start = Math.max(0, Math.min(start, n));
        end = Math.max(-1, Math.min(end, n));
        if (f.step > 0) for (let i = start; i < end; i += f.step) next(v.v[i]);
        else if (f.step < 0) for (let i = Math.min(start, n - 1); i > end; i += f.step) next(v.v[i]);
        return;
      }
      case 'filter':
        for (const c of children(v)) if (truthy(evalEq(f.eq, data, c))) next(c);
        return;
      case 'descent': {
        // ojg visits descendants before the node itself.
        const visit = (node: Value, top: boolean) => {
          for (const c of children(node)) if (isContainer(c)) visit(c, false);
          if (fi === x.length - 1) {
            if (top) results.push(node);
          } else walk(node, fi + 1);
        };
        visit(v, true);
        return;
      }
    }
  };
  walk(start, 0);
  return results;
}

function truthy(l: Lit): boolean {
  return typeof l === 'object' && l !== null && !Array.isArray(l) && !(l instanceof GoRegexp) && (l as Value).t === 'bool' && (l as { v: boolean }).v;
}

function num(l: Lit): number | bigint | undefined {
  if (typeof l === 'object' && l !== null && !Array.isArray(l) && !(l instanceof GoRegexp) && (l as Value).t === 'number') return (l as { v: number | bigint }).v;
  return undefined;
}

function litEqual(a: Lit, b: Lit): boolean {
  if (a === NOTHING || b === NOTHING) return a === b;
  const an = num(a);
  const bn = num(b);
  if (an !== undefined && bn !== undefined) return typeof an === typeof bn ? an === bn : Number(an) === Number(bn);
  if (Array.isArray(a) || Array.isArray(b) || a instanceof GoRegexp || b instanceof GoRegexp) return false;
  const av = a as Value;
  const bv = b as Value;
  if (av.t !== bv.t) return false;
  if (av.t === 'null') return true;
  if (av.t === 'string' || av.t === 'bool') return av.v === (bv as typeof av).v;
  return false;
}

function compare(a: Lit, b: Lit): number | undefined {
  const an = num(a);
  const bn = num(b);
  if (an !== undefined && bn !== undefined) {
    const x = typeof an === typeof bn ? an : Number(an);
    const y = typeof an === typeof bn ? bn : Number(bn);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const as = a as Value;
  const bs = b as Value;
  if (as && bs && as.t === 'string' && bs.t === 'string') return as.v < bs.v ? -1 : as.v > bs.v ? 1 : 0;
  return undefined;
}

const TRUE_LIT: Value = { t: 'bool', v: true };
const FALSE_LIT: Value = { t: 'bool', v: false };

function evalEq(e: Eq, root: Value, at: Value): Lit {
  switch (e.k) {
    case 'lit':
      return e.v;
    case 'path': {
      const first = e.x[0]?.k === 'root' ? get(e.x, root, root) : get(e.x, at, at);
      return first.length ? first[0] : NOTHING;
    }
    case 'op': {
      const l = evalEq(e.left, root, at);
      const r = e.right ? evalEq(e.right, root, at) : NOTHING;
      const b = (x: boolean) => (x ? TRUE_LIT : FALSE_LIT);
      switch (e.op) {
        case '!':
          return b(!truthy(l));
        case '||':
          return b(truthy(l) || truthy(r));
        case '&&':
          return b(truthy(l) && truthy(r));
        case '==':
          return b(litEqual(l, r));
        case '!=':
          return b(!litEqual(l, r));
        case '<':
        case '<=':
        case '>':
        case '>=': {
          const c = compare(l, r);
          if (c === undefined) return FALSE_LIT;
          return b(e.op === '<' ? c < 0 : e.op === '<=' ? c <= 0 : e.op === '>' ? c > 0 : c >= 0);
        }
        case '=~':
        case '~=': {
          const s = l as Value;
          if (r instanceof GoRegexp && s && s.t === 'string') return b(r.test(s.v));
          return FALSE_LIT;
        }
        case 'in':
          return b(Array.isArray(r) && r.some((x) => litEqual(l, x)));
        case 'has':
          return b(truthy(l) ? true : l !== NOTHING);
        case 'exists':
          return b(l !== NOTHING);
        case 'empty': {
          const v = l as Value;
          const want = truthy(r);
          const empty = v && ((v.t === 'string' && v.v === '') || (v.t === 'array' && v.v.length === 0) || (v.t === 'object' && v.v.size === 0));
          return b(empty === want);
        }
        case 'length': {
          const v = l as Value;
          if (v && v.t === 'string') return { t: 'number', go: 'int64', v: BigInt([...v.v].length) };
          if (v && v.t === 'array') return { t: 'number', go: 'int64', v: BigInt(v.v.length) };
          if (v && v.t === 'object') return { t: 'number', go: 'int64', v: BigInt(v.v.size) };
          return NOTHING;
        }
        default:
          return NOTHING;
      }
    }
  }
}

/** Parses `path` and applies it to `data`; throws GoError on a bad path. */
export function jsonPath(data: Value, path: string): Value[] {
  let x: Frag[];
  try {
    const p = new Parser(path);
    x = p.expr();
    if (p.pos < path.length) p.raise('parse error');
  } catch (e) {
    if (e instanceof PathError) throw new GoError(e.message);
    throw e;
  }
  if (x.length === 0) return [];
  return get(x, data, data);
}
