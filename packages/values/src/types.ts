// Static typing without evaluation (for checkers) and constant folding.

import type { Expr } from '@alloy-lint/parser';
import { evaluate, type EvalOptions, type EvalResult, type Scope } from './evaluate.js';
import { isStdlibIdentifier, stdlibLookup } from './stdlib.js';
import type { TypeName, Value } from './value.js';

/** A static type: an Alloy type, optionally refined, or `any` when unknown. */
export type StaticType =
  | { readonly kind: 'any' }
  | { readonly kind: 'null' | 'number' | 'string' | 'bool' | 'capsule' }
  | { readonly kind: 'array'; readonly elem: StaticType }
  | { readonly kind: 'object'; readonly fields?: ReadonlyMap<string, StaticType> }
  | { readonly kind: 'function'; readonly returns: StaticType };

export const ANY: StaticType = { kind: 'any' };
const NUMBER: StaticType = { kind: 'number' };
const STRING: StaticType = { kind: 'string' };
const BOOL: StaticType = { kind: 'bool' };
const NULL_T: StaticType = { kind: 'null' };
const ARRAY_ANY: StaticType = { kind: 'array', elem: ANY };
const ARRAY_STRING: StaticType = { kind: 'array', elem: STRING };
const ARRAY_NUMBER: StaticType = { kind: 'array', elem: NUMBER };
const OBJECT_ANY: StaticType = { kind: 'object' };

/** The Alloy type name, or 'any'. */
export function staticTypeName(t: StaticType): TypeName | 'any' {
  return t.kind;
}

/** Types of referenced names: a map/record, or a function given the identifier. */
export type TypeEnv = ReadonlyMap<string, StaticType> | Readonly<Record<string, StaticType>> | ((name: string) => StaticType | undefined);

function lookupEnv(env: TypeEnv | undefined, name: string): StaticType | undefined {
  if (!env) return undefined;
  if (typeof env === 'function') return env(name);
  if (env instanceof Map) return env.get(name);
  return Object.prototype.hasOwnProperty.call(env, name) ? (env as Record<string, StaticType>)[name] : undefined;
}

/** Joins two types: equal kinds stay, otherwise `any`. */
export function joinTypes(a: StaticType, b: StaticType): StaticType {
  if (a.kind !== b.kind) return ANY;
  if (a.kind === 'array' && b.kind === 'array') return { kind: 'array', elem: joinTypes(a.elem, b.elem) };
  if (a.kind === 'object') return OBJECT_ANY;
  if (a.kind === 'function') return { kind: 'function', returns: ANY };
  return a;
}

/** The static type of a value. */
export function typeOfValue(v: Value): StaticType {
  switch (v.t) {
    case 'array': {
      let elem: StaticType | undefined;
      for (const e of v.v) elem = elem ? joinTypes(elem, typeOfValue(e)) : typeOfValue(e);
      return { kind: 'array', elem: elem ?? ANY };
    }
    case 'object':
      return { kind: 'object', fields: new Map([...v.v].map(([k, x]) => [k, typeOfValue(x)])) };
    case 'function':
      return { kind: 'function', returns: returnTypeOf(v) };
    default:
      return { kind: v.t };
  }
}

// Result types of the stdlib functions, keyed by their Go signature's result.
function returnTypeOf(fn: Value): StaticType {
  if (fn.t !== 'function') return ANY;
  const m = /\) \(?([^,)]+)/.exec(fn.sig);
  const res = m ? m[1].trim() : '';
  switch (res) {
    case 'string':
      return STRING;
    case '[]string':
      return ARRAY_STRING;
    case '[]uint8':
      return ARRAY_NUMBER;
    case '[]interface {}':
      return ARRAY_ANY;
    default:
      return ANY;
  }
}

const RAW_RESULTS: Record<string, StaticType> = {
  'array.concat': ARRAY_ANY,
  concat: ARRAY_ANY,
  'array.group_by': { kind: 'array', elem: OBJECT_ANY },
  'array.combine_maps': { kind: 'array', elem: OBJECT_ANY },
};

function dottedName(e: Expr): string | undefined {
  if (e.kind === 'Identifier') return e.name;
  if (e.kind === 'Access') {
    const base = dottedName(e.value);
    return base === undefined ? undefined : base + '.' + e.name.name;
  }
  return undefined;
}

/**
 * The type an expression has when it evaluates successfully, without
 * evaluating it. Names are looked up in `env` first, then in the stdlib;
 * anything not known statically is `any`.
 */
export function typeOf(expr: Expr, env?: TypeEnv): StaticType {
  switch (expr.kind) {
    case 'Literal':
      switch (expr.litKind) {
        case 'STRING':
          return STRING;
        case 'NUMBER':
        case 'FLOAT':
          return NUMBER;
        case 'BOOL':
          return BOOL;
        default:
          return NULL_T;
      }
    case 'Paren':
      return typeOf(expr.inner, env);
    case 'Array': {
      let elem: StaticType | undefined;
      for (const e of expr.elements) {
        const t = typeOf(e, env);
        elem = elem ? joinTypes(elem, t) : t;
      }
      return { kind: 'array', elem: elem ?? ANY };
    }
    case 'Object':
      return { kind: 'object', fields: new Map(expr.fields.map((f) => [f.name.name, typeOf(f.value, env)])) };
    case 'Identifier': {
      const t = lookupEnv(env, expr.name);
      if (t) return t;
      const v = isStdlibIdentifier(expr.name) ? stdlibLookup(expr.name) : undefined;
      if (!v) return ANY;
      return expr.name === 'constants' ? { kind: 'object', fields: new Map(['hostname', 'os', 'arch', 'version'].map((k) => [k, STRING])) } : typeOfValue(v);
    }
    case 'Access': {
      const base = typeOf(expr.value, env);
      if (base.kind === 'object' && base.fields) return base.fields.get(expr.name.name) ?? ANY;
      return ANY;
    }
    case 'Index': {
      const base = typeOf(expr.value, env);
      if (base.kind === 'array') return base.elem;
      if (base.kind === 'object' && base.fields && expr.index.kind === 'Literal' && expr.index.litKind === 'STRING' && !expr.index.raw.includes('\\')) {
        return base.fields.get(expr.index.raw.slice(1, -1)) ?? NULL_T;
      }
      return ANY;
    }
    case 'Call': {
      const name = dottedName(expr.value);
      const shadowed = name !== undefined && lookupEnv(env, name.split('.')[0]) !== undefined;
      if (name && !shadowed && RAW_RESULTS[name]) return RAW_RESULTS[name];
      if (name === 'coalesce' && !shadowed) {
        let t: StaticType | undefined;
        for (const a of expr.args) t = t ? joinTypes(t, typeOf(a, env)) : typeOf(a, env);
        return t ?? NULL_T;
      }
      const fn = typeOf(expr.value, env);
      return fn.kind === 'function' ? fn.returns : ANY;
    }
    case 'Unary':
      return expr.op === '!' ? BOOL : NUMBER;
    case 'Binary': {
      switch (expr.op) {
        case '||':
        case '&&':
        case '==':
        case '!=':
        case '<':
        case '<=':
        case '>':
        case '>=':
          return BOOL;
        case '+': {
          const l = typeOf(expr.left, env);
          const r = typeOf(expr.right, env);
          if (l.kind === 'number' && r.kind === 'number') return NUMBER;
          if (l.kind === 'string' && r.kind === 'string') return STRING;
          return ANY;
        }
        default:
          return NUMBER;
      }
    }
    default:
      return ANY;
  }
}

const HOST_DEPENDENT = new Set(['sys', 'env', 'constants']);

export interface FoldOptions extends Omit<EvalOptions, 'target'> {
  /** Known variables; names outside it (other than the stdlib) make the expression non-constant. */
  scope?: Scope;
}

function hasScope(scope: Scope | undefined, name: string): boolean {
  if (!scope) return false;
  return scope instanceof Map ? scope.has(name) : Object.prototype.hasOwnProperty.call(scope, name);
}

/** True when every identifier in `expr` is known: in `scope`, or a stdlib name that does not depend on the host. */
export function isConstant(expr: Expr, options?: FoldOptions): boolean {
  const ok = (e: Expr): boolean => {
    switch (e.kind) {
      case 'Identifier':
        if (hasScope(options?.scope, e.name)) return true;
        if (!isStdlibIdentifier(e.name)) return false;
        if (e.name === 'constants') return options?.constants !== undefined;
        if (HOST_DEPENDENT.has(e.name)) return options?.env !== undefined;
        return true;
      case 'Literal':
        return true;
      case 'Paren':
        return ok(e.inner);
      case 'Array':
        return e.elements.every(ok);
      case 'Object':
        return e.fields.every((f) => ok(f.value));
      case 'Access':
        return ok(e.value);
      case 'Index':
        return ok(e.value) && ok(e.index);
      case 'Call':
        return ok(e.value) && e.args.every(ok);
      case 'Unary':
        return ok(e.value);
      case 'Binary':
        return ok(e.left) && ok(e.right);
      default:
        return false;
    }
  };
  return ok(expr);
}

/**
 * Evaluates `expr` when all its inputs are known (see isConstant); returns
 * undefined otherwise. The result carries either the value or Alloy's error.
 */
export function constantFold(expr: Expr, options?: FoldOptions): EvalResult | undefined {
  if (!isConstant(expr, options)) return undefined;
  return evaluate(expr, options?.scope, options);
}
