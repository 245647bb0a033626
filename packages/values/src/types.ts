// Static typing without evaluation (for checkers) and constant folding.

import { quote } from '@alloy-lint/gostd';
import type { Expr } from '@alloy-lint/parser';
import { evaluate, type EvalOptions, type EvalResult, type Scope } from './evaluate.js';
import { allowedTypes } from './ops.js';
import { ANY, arrayOf, BOOL, isStruct, joinTypes, NULL_T, NUMBER, OBJECT_ANY, STRING, structOf, typeOfValue, type StaticType } from './static-type.js';
import { isStdlibIdentifier, stdlibLookup } from './stdlib.js';
import type { TypeName } from './value.js';

export type { StaticType } from './static-type.js';

/** Types of referenced names: a map/record, or a function given the identifier. */
export type TypeEnv = ReadonlyMap<string, StaticType> | Readonly<Record<string, StaticType>> | ((name: string) => StaticType | undefined);

/** Something that fails when the expression is evaluated, found from types alone. */
export interface TypeProblem {
  start: number;
  /** Exclusive end byte offset. */
  end: number;
  /** Alloy's message: `field "x" does not exist`, `cannot access field "x" on value of type string` ... */
  message: string;
  /** For a missing field: the fields that do exist (for "did you mean"). */
  fields?: readonly string[];
  /** The expression whose value is at fault (Alloy prints it before the message); absent for a missing field. */
  expr?: Expr;
}

export type ProblemSink = (p: TypeProblem) => void;

function lookupEnv(env: TypeEnv | undefined, name: string): StaticType | undefined {
  if (!env) return undefined;
  if (typeof env === 'function') return env(name);
  if (env instanceof Map) return env.get(name);
  return Object.prototype.hasOwnProperty.call(env, name) ? (env as Record<string, StaticType>)[name] : undefined;
}

const ARRAY_ANY = arrayOf(ANY);
const CONSTANTS = structOf(new Map(['hostname', 'os', 'arch', 'version'].map((k) => [k, STRING])));

// Results that depend on the arguments, or are not plain Go functions.
const RESULTS: Record<string, StaticType> = {
  'array.group_by': arrayOf(OBJECT_ANY),
  'array.combine_maps': arrayOf(OBJECT_ANY),
  'encoding.from_json': ANY,
  'encoding.from_yaml': ANY,
  json_decode: ANY,
  yaml_decode: ANY,
};
const JOINS_ARGUMENTS = new Set(['coalesce']);
const CONCATS_ARGUMENTS = new Set(['array.concat', 'concat']);
/** First names of the calls whose result type is not their Go signature's. */
const SPECIAL_ROOTS = new Set([...Object.keys(RESULTS), ...JOINS_ARGUMENTS, ...CONCATS_ARGUMENTS].map((n) => n.split('.')[0]));

function dottedName(e: Expr): string | undefined {
  if (e.kind === 'Identifier') return e.name;
  if (e.kind === 'Access') {
    const base = dottedName(e.value);
    return base === undefined ? undefined : base + '.' + e.name.name;
  }
  return undefined;
}

const stdlibTypes = new Map<string, StaticType | undefined>();

/** Type of a stdlib identifier, or undefined (computed once per name). */
function stdlibType(name: string): StaticType | undefined {
  if (name === 'constants') return CONSTANTS;
  if (stdlibTypes.has(name)) return stdlibTypes.get(name);
  const v = isStdlibIdentifier(name) ? stdlibLookup(name) : undefined;
  const t = v && typeOfValue(v);
  stdlibTypes.set(name, t);
  return t;
}

/** The type of field `name` read from a value of type `base`; reports reads that fail. */
function fieldType(base: StaticType, name: string, at: { start: number; end: number }, baseAt: Expr, report?: ProblemSink): StaticType {
  switch (base.kind) {
    case 'object': {
      const t = base.fields?.get(name);
      if (t) return t;
      if (base.elem) return base.elem;
      if (base.fields) report?.({ start: at.start, end: at.end, message: `field ${quote(name)} does not exist`, fields: [...base.fields.keys()] });
      return ANY;
    }
    case 'capsule':
      // Targets convert into an object of labels; other capsules do not convert.
      if (base.name === 'discovery.Target' || base.name === undefined) return base.name ? STRING : ANY;
      report?.({ start: baseAt.start, end: baseAt.end, expr: baseAt, message: 'expected object or array or a capsule convertible to an object, got capsule' });
      return ANY;
    case 'any':
      return ANY;
    default:
      report?.({ start: baseAt.start, end: baseAt.end, expr: baseAt, message: `cannot access field ${quote(name)} on value of type ${base.kind}` });
      return ANY;
  }
}

/**
 * The type an expression has when it evaluates successfully, without evaluating it. Names are
 * looked up in `env` first, then in the stdlib; anything not known statically is `any`.
 * `report` receives what would fail on evaluation (a field that does not exist ...).
 */
export function typeOf(expr: Expr, env?: TypeEnv, report?: ProblemSink): StaticType {
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
      return typeOf(expr.inner, env, report);
    case 'Array': {
      let elem: StaticType | undefined;
      for (const e of expr.elements) {
        const t = typeOf(e, env, report);
        elem = elem ? joinTypes(elem, t) : t;
      }
      return arrayOf(elem ?? ANY);
    }
    case 'Object':
      return structOf(new Map(expr.fields.map((f) => [f.name.name, typeOf(f.value, env, report)])));
    case 'Identifier':
      return lookupEnv(env, expr.name) ?? stdlibType(expr.name) ?? ANY;
    case 'Access':
      return fieldType(typeOf(expr.value, env, report), expr.name.name, expr.name, expr.value, report);
    case 'Index': {
      const base = typeOf(expr.value, env, report);
      const index = typeOf(expr.index, env, report);
      if (base.kind === 'array') {
        if (index.kind !== 'number' && index.kind !== 'any') report?.({ start: expr.index.start, end: expr.index.end, expr: expr.index, message: `should be number, got ${index.kind}` });
        return base.elem;
      }
      if (base.kind === 'object') {
        if (index.kind !== 'string' && index.kind !== 'any') report?.({ start: expr.index.start, end: expr.index.end, expr: expr.index, message: `should be string, got ${index.kind}` });
        const key = expr.index.kind === 'Literal' && expr.index.litKind === 'STRING' && !expr.index.raw.includes('\\') ? expr.index.raw.slice(1, -1) : undefined;
        if (key !== undefined && base.fields) return base.fields.get(key) ?? base.elem ?? (isStruct(base) ? NULL_T : ANY);
        return base.elem ?? ANY;
      }
      if (base.kind === 'capsule' && base.name === 'discovery.Target') return STRING;
      if (base.kind !== 'any' && base.kind !== 'capsule') report?.({ start: expr.value.start, end: expr.value.end, expr: expr.value, message: `expected object or array, got ${base.kind}` });
      return ANY;
    }
    case 'Call':
      return callType(expr, env, report);
    case 'Unary': {
      const t = typeOf(expr.value, env, report);
      const want = expr.op === '!' ? 'bool' : 'number';
      if (t.kind !== want && t.kind !== 'any' && t.kind !== 'null') report?.({ start: expr.value.start, end: expr.value.end, expr: expr.value, message: `should be ${want}, got ${t.kind}` });
      return expr.op === '!' ? BOOL : NUMBER;
    }
    case 'Binary':
      return binaryType(expr, env, report);
    default:
      return ANY;
  }
}

/** The name of the first identifier of a call's callee (`sys` in `sys.env`), if it is a plain chain. */
function rootName(e: Expr): string | undefined {
  while (e.kind === 'Access') e = e.value;
  return e.kind === 'Identifier' ? e.name : undefined;
}

function callType(expr: Expr & { kind: 'Call' }, env: TypeEnv | undefined, report?: ProblemSink): StaticType {
  const fn = typeOf(expr.value, env, report);
  const root = rootName(expr.value);
  const name = root !== undefined && SPECIAL_ROOTS.has(root) && lookupEnv(env, root) === undefined ? dottedName(expr.value) : undefined;
  const special = name !== undefined && (Object.prototype.hasOwnProperty.call(RESULTS, name) || JOINS_ARGUMENTS.has(name) || CONCATS_ARGUMENTS.has(name));
  if (!special) {
    for (const a of expr.args) typeOf(a, env, report);
    if (fn.kind === 'function') return fn.returns;
    if (fn.kind !== 'any') report?.({ start: expr.value.start, end: expr.value.end, expr: expr.value, message: `should be function, got ${fn.kind}` });
    return ANY;
  }
  const args = expr.args.map((a) => typeOf(a, env, report));
  if (Object.prototype.hasOwnProperty.call(RESULTS, name)) return RESULTS[name];
  if (JOINS_ARGUMENTS.has(name)) return args.reduce<StaticType | undefined>((t, a) => (t ? joinTypes(t, a) : a), undefined) ?? NULL_T;
  const elems = args.map((a) => (a.kind === 'array' ? a.elem : ANY));
  return elems.length ? arrayOf(elems.reduce((t, a) => joinTypes(t, a))) : ARRAY_ANY;
}

/** Reports an operand whose type the operator does not take; true when it is fine. */
function operandAllowed(t: StaticType, allowed: readonly TypeName[], op: string, e: Expr, report: ProblemSink): boolean {
  if (t.kind === 'any' || t.kind === 'null' || allowed.includes(t.kind as TypeName)) return true;
  report({ start: e.start, end: e.end, expr: e, message: `should be one of [${allowed.join(' ')}] for binop ${op}, got ${t.kind}` });
  return false;
}

/** A type whose kind is fixed statically (not `any`, not a capsule that may convert). */
const known = (k: string): boolean => k !== 'any' && k !== 'capsule';

const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=', '||', '&&']);

function binaryType(top: Expr & { kind: 'Binary' }, env: TypeEnv | undefined, report?: ProblemSink): StaticType {
  // `a + b + c` is `(a + b) + c`: the left spine is walked in a loop, not recursively (a chain
  // of 100k operands is valid Alloy and must not overflow the stack).
  // One operator (the usual case) needs no spine array.
  if (top.left.kind !== 'Binary') return binaryStep(top, typeOf(top.left, env, report), env, report);
  const spine: (Expr & { kind: 'Binary' })[] = [];
  let e: Expr = top;
  while (e.kind === 'Binary') {
    spine.push(e);
    e = e.left;
  }
  let l = typeOf(e, env, report);
  for (let i = spine.length - 1; i >= 0; i--) l = binaryStep(spine[i], l, env, report);
  return l;
}

function binaryStep(expr: Expr & { kind: 'Binary' }, l: StaticType, env: TypeEnv | undefined, report?: ProblemSink): StaticType {
  const r = typeOf(expr.right, env, report);
  const allowed = allowedTypes(expr.op);
  if (allowed && report) {
    const okLeft = operandAllowed(l, allowed, expr.op, expr.left, report);
    const okRight = operandAllowed(r, allowed, expr.op, expr.right, report);
    if (okLeft && okRight && known(l.kind) && known(r.kind) && l.kind !== r.kind) report({ start: expr.right.start, end: expr.right.end, expr: expr.right, message: `should be ${l.kind}, got ${r.kind}` });
  }
  if (COMPARISONS.has(expr.op)) return BOOL;
  if (expr.op !== '+') return NUMBER;
  if (l.kind === 'number' && r.kind === 'number') return NUMBER;
  if (l.kind === 'string' && r.kind === 'string') return STRING;
  return l.kind === 'capsule' ? l : r.kind === 'capsule' ? r : ANY;
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
