// The evaluator: statements, conditions and values over the plain data model. Errors inside a
// statement come back as values (contrib's error_mode decides what the component does with them);
// a function the catalogue knows but this evaluator does not implement is reported as unsupported.
import type * as A from '../ast.js';
import { ENUMS, type ContextName } from '../catalog/contexts.js';
import { FUNCTIONS } from '../catalog/functions.js';
import { accessPath, type Accessor } from './paths.js';
import type { OValue, Telemetry } from './model.js';
import { compare, math, OttlRuntimeError, typeName } from './values.js';
import { IMPLS, type Arg, type Env } from './functions.js';

import { OttlUnsupported } from './unsupported.js';

export { OttlRuntimeError } from './values.js';
export { OttlUnsupported } from './unsupported.js';

export interface EvalOptions {
  /** True for the flat `statements` form, where paths must name their context. */
  inferred?: boolean;
}

export interface Outcome<T> {
  value?: T;
  /** Why the statement or condition failed (contrib would log or propagate it per error_mode). */
  error?: string;
  /** Set when the failure is a function this evaluator does not implement. */
  unsupported?: string;
}

function run<T>(fn: () => T): Outcome<T> {
  try {
    return { value: fn() };
  } catch (e) {
    if (e instanceof OttlUnsupported) return { error: e.message, unsupported: e.fn };
    if (e instanceof OttlRuntimeError) return { error: e.message };
    if (e instanceof RangeError) return { error: 'value too deeply nested to evaluate' };
    throw e;
  }
}

/** Runs a statement: true when its `where` held and the editor ran. Mutates `data`. */
export function evaluateStatement(ast: A.Statement, context: ContextName, data: Telemetry, opts: EvalOptions = {}): Outcome<boolean> {
  const env = newEnv(context, data, opts);
  return run(() => {
    if (ast.where && !evalBool(ast.where, env)) return false;
    callFunction(ast.editor, env);
    return true;
  });
}

/** Evaluates a condition. */
export function evaluateCondition(ast: A.BoolExpr, context: ContextName, data: Telemetry, opts: EvalOptions = {}): Outcome<boolean> {
  const env = newEnv(context, data, opts);
  return run(() => evalBool(ast, env));
}

/** Evaluates a value expression. */
export function evaluateValue(ast: A.Value, context: ContextName, data: Telemetry, opts: EvalOptions = {}): Outcome<OValue> {
  const env = newEnv(context, data, opts);
  return run(() => evalValue(ast, env));
}

function newEnv(context: ContextName, data: Telemetry, opts: EvalOptions): Env {
  const env: Env = {
    context,
    data,
    inferred: opts.inferred ?? false,
    locals: new Map(),
    value: (v) => evalValue(v, env),
    bool: (b) => evalBool(b, env),
    access: (p) => access(p, env),
  };
  return env;
}

export function evalBool(b: A.BoolExpr, env: Env): boolean {
  switch (b.kind) {
    case 'Or':
      return b.items.some((i) => evalBool(i, env));
    case 'And':
      return b.items.every((i) => evalBool(i, env));
    case 'Not':
      return !evalBool(b.expr, env);
    case 'Compare':
      return compare(evalValue(b.left, env), evalValue(b.right, env), b.op);
    case 'Const': {
      const v = evalValue(b.value, env);
      if (typeof v !== 'boolean') throw new OttlRuntimeError(`a condition must be a bool, but ${b.value.kind === 'Call' ? b.value.name : 'it'} returned ${typeName(v)}`);
      return v;
    }
  }
}

function access(p: A.PathExpr, env: Env): Accessor {
  const local = !p.context && env.locals.get(p.fields[0].name);
  if (local !== undefined && local !== false) {
    const v = applyKeys(local, p.fields[0].keys, env);
    return { get: () => v, set: () => { throw new OttlRuntimeError(`cannot set loop value: ${p.fields[0].name}`); } };
  }
  return accessPath(p, env.context, env.inferred, env.data, (k) => evalValue(k.value, env));
}

function applyKeys(v: OValue, keys: A.Key[], env: Env): OValue {
  for (const k of keys) {
    const key = evalValue(k.value, env);
    if (typeof key === 'string') v = v instanceof Map ? v.get(key) ?? null : v === null ? null : fail(`type ${typeName(v)} does not support string indexing`);
    else if (typeof key === 'bigint') {
      if (!Array.isArray(v)) return v === null ? null : fail(`type ${typeName(v)} does not support int indexing`);
      if (key < 0n || key >= BigInt(v.length)) fail(`index ${key} out of bounds`);
      v = v[Number(key)];
    } else fail(`a key must be a string or an int, not ${typeName(key)}`);
  }
  return v;
}

const fail = (msg: string): never => {
  throw new OttlRuntimeError(msg);
};

export function evalValue(v: A.Value, env: Env): OValue {
  switch (v.kind) {
    case 'Nil': return null;
    case 'String': case 'Int': case 'Float': case 'Bool': case 'Bytes': return v.value;
    case 'Enum': {
      const n = ENUMS[env.context][v.name];
      return n !== undefined ? n : fail(`enum symbol ${v.name} not found`);
    }
    case 'FuncName': return fail(`${v.name} is a function name, not a value`);
    case 'Path': return access(v, env).get();
    case 'Call': return applyKeys(callFunction(v, env), v.keys, env);
    case 'List': return v.items.map((i) => evalValue(i, env));
    case 'Map': return new Map(v.entries.map((e) => [e.key.value, evalValue(e.value, env)]));
    case 'Math': return math(v.op, evalValue(v.left, env), evalValue(v.right, env));
    case 'Paren': return evalValue(v.inner, env);
    case 'Comprehension': {
      const list = evalValue(v.list, env);
      if (!Array.isArray(list)) return fail(`unsupported list type: ${typeName(list)}`);
      if (env.locals.size) fail('list comprehensions cannot be nested');
      const out: OValue[] = [];
      try {
        for (const item of list) {
          env.locals.set(v.ident.name, item);
          if (!v.cond || evalBool(v.cond, env)) out.push(evalValue(v.yield, env));
        }
      } finally {
        env.locals.delete(v.ident.name);
      }
      return out;
    }
  }
}

function callFunction(c: A.CallExpr, env: Env): OValue {
  const spec = FUNCTIONS.get(c.name);
  const impl = IMPLS[c.name];
  if (!spec) fail(`undefined function "${c.name}"`);
  if (!impl) throw new OttlUnsupported(c.name);
  // Named arguments take the position of the parameter of that name.
  const args: (Arg | undefined)[] = [];
  c.args.forEach((a, i) => {
    const at = a.name ? spec!.params.findIndex((p) => p.name === a.name!.name) : i;
    if (at < 0) fail(`no parameter named ${a.name!.name} in ${c.name}`);
    args[at] = {
      node: a.value,
      get: () => evalValue(a.value, env),
      target: () => (a.value.kind === 'Path' ? access(a.value, env) : fail(`the first argument of ${c.name} must be a path`)),
      funcName: () => (a.value.kind === 'FuncName' || a.value.kind === 'Enum' ? a.value.name : fail(`expected a function name in ${c.name}`)),
    };
  });
  return impl(args, env);
}
