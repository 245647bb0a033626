// Executes parsed templates with Go's rules: missing map keys are "no value"
// (printed `<no value>`), truthiness, pipelines passing the previous result as
// the last argument, variables scoped to their block.
//
// Go values in JS: string, bigint (int), number (float64), boolean, null (nil),
// undefined (no value), arrays (slices) and Map (maps).

import { goValueOf, NumError, parseFloat64, parseInt64, parseUint64, quote, sprint } from '@alloy-lint/gostd';
import type { Arg, Node, Parsed, Pipe } from './parse.js';
import { TemplateError } from './parse.js';

export type GoFn = (args: unknown[]) => unknown;

export interface FuncDef {
  fn: GoFn;
  /** Parameter kinds; a trailing '...any' or '...string' makes it variadic. */
  params: string[];
}

export class ExecError extends Error {}

/** Nested if/with/range and template calls deeper than this end execution (Go allows 100,000; JS has less stack). */
export const MAX_EXEC_DEPTH = 1000;
/** Node executions allowed per run: `{{range 100000000}}` ends with an error instead of hanging. */
export const MAX_EXEC_STEPS = 10_000_000;

class Break {}
class Continue {}

/** fmt.Sprint of one value; `undefined` (a missing value) prints as `<no value>`. */
export function goPrint(v: unknown): string {
  return v === undefined ? '<no value>' : sprint(goValueOf(v));
}

export function truthy(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  switch (typeof v) {
    case 'string':
      return v.length > 0;
    case 'bigint':
      return v !== 0n;
    case 'number':
      return v !== 0;
    case 'boolean':
      return v;
  }
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof Map) return v.size > 0;
  return true;
}

function typeName(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'number') return 'float64';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return '[]interface {}';
  if (v instanceof Map) return 'map[string]interface {}';
  return 'interface {}';
}

const attempt = <T>(f: () => T): T | undefined => {
  try {
    return f();
  } catch (e) {
    if (e instanceof NumError) return undefined;
    throw e;
  }
};

/** A number constant as text/template reads it: int when it can be, float when written as one. */
function numberLiteral(text: string): bigint | number {
  const i = attempt(() => parseInt64(text, 0, 64));
  const f = attempt(() => parseFloat64(text));
  const hexInt = /^[+-]?0[xX]/.test(text) && !/[pP]/.test(text);
  if (f !== undefined && !hexInt && /[.eEpP]/.test(text)) return f;
  if (i !== undefined) return i;
  if (attempt(() => parseUint64(text, 0, 64)) !== undefined) throw new ExecError(`${text} overflows int`);
  if (f !== undefined) throw new ExecError(`integer overflow: ${quote(text)}`);
  throw new ExecError(`illegal number syntax: ${quote(text)}`);
}

export class Executor {
  private out = '';
  private vars: [string, unknown][] = [];

  constructor(
    private readonly t: Parsed,
    private readonly funcs: Map<string, FuncDef>,
  ) {}

  private depth = 0;
  private steps = 0;

  run(data: unknown): string {
    this.out = '';
    this.depth = 0;
    this.steps = 0;
    this.vars = [['$', data]];
    this.list(this.t.root, data);
    return this.out;
  }

  private list(nodes: Node[], dot: unknown): void {
    for (const n of nodes) this.node(n, dot);
  }

  private node(n: Node, dot: unknown): void {
    if (++this.steps > MAX_EXEC_STEPS) throw new ExecError(`template execution exceeded ${MAX_EXEC_STEPS.toLocaleString('en')} steps`);
    if (n.k === 'text' || n.k === 'action' || n.k === 'break' || n.k === 'continue') return this.leaf(n, dot);
    if (++this.depth > MAX_EXEC_DEPTH) throw new ExecError(`exceeded maximum template depth (${MAX_EXEC_DEPTH})`);
    try {
      this.nested(n, dot);
    } finally {
      this.depth--;
    }
  }

  private leaf(n: Extract<Node, { k: 'text' | 'action' | 'break' | 'continue' }>, dot: unknown): void {
    switch (n.k) {
      case 'text':
        this.out += n.v;
        return;
      case 'action': {
        const v = this.pipe(n.pipe, dot);
        if (n.pipe.decl.length === 0) this.out += goPrint(v);
        return;
      }
      case 'break':
        throw new Break();
      case 'continue':
        throw new Continue();
    }
  }

  private nested(n: Exclude<Node, { k: 'text' | 'action' | 'break' | 'continue' }>, dot: unknown): void {
    switch (n.k) {
      case 'if':
      case 'with': {
        const mark = this.vars.length;
        const v = this.pipe(n.pipe, dot);
        if (truthy(v)) this.list(n.list, n.k === 'with' ? v : dot);
        else if (n.else) this.list(n.else, dot);
        this.vars.length = mark;
        return;
      }
      case 'range':
        return this.range(n, dot);
      case 'template': {
        const body = this.t.defines.get(n.name);
        if (!body) throw new ExecError(`no such template ${JSON.stringify(n.name)}`);
        const v = n.pipe ? this.pipe(n.pipe, dot) : null;
        const saved = this.vars;
        this.vars = [['$', v]];
        this.list(body, v);
        this.vars = saved;
        return;
      }
    }
  }

  private range(n: Extract<Node, { k: 'range' }>, dot: unknown): void {
    const mark = this.vars.length;
    const decl = n.pipe.decl;
    const v = this.pipe({ ...n.pipe, decl: [] }, dot);
    let items: [unknown, unknown][] = [];
    if (Array.isArray(v)) items = v.map((x, i) => [BigInt(i), x]);
    else if (v instanceof Map) items = [...v.keys()].sort().map((k) => [k, v.get(k)]);
    else if (typeof v === 'bigint') {
      // Every iteration is at least one step: refuse before building the list.
      if (v > BigInt(MAX_EXEC_STEPS)) throw new ExecError(`template execution exceeded ${MAX_EXEC_STEPS.toLocaleString('en')} steps`);
      for (let i = 0n; i < v; i++) items.push([i, i]);
    }
    else if (v !== null && v !== undefined) throw new ExecError(`range can't iterate over ${goPrint(v)}`);
    if (items.length === 0) {
      if (n.else) this.list(n.else, dot);
      return;
    }
    for (const [k, x] of items) {
      if (decl.length === 1) this.vars.push([decl[0], x]);
      else if (decl.length === 2) this.vars.push([decl[0], k], [decl[1], x]);
      try {
        this.list(n.list, x);
      } catch (e) {
        if (e instanceof Break) break;
        if (!(e instanceof Continue)) throw e;
      } finally {
        this.vars.length = mark;
      }
    }
  }

  private lookupVar(name: string): unknown {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i][0] === name) return this.vars[i][1];
    throw new ExecError(`undefined variable: ${name}`);
  }

  private pipe(p: Pipe, dot: unknown): unknown {
    let final: unknown = MISSING;
    for (const c of p.cmds) final = this.command(c.args, dot, final);
    if (p.decl.length) {
      if (p.assign) {
        const i = this.vars.map((x) => x[0]).lastIndexOf(p.decl[0]);
        if (i < 0) throw new ExecError(`undefined variable: ${p.decl[0]}`);
        this.vars[i][1] = final;
      } else this.vars.push([p.decl[0], final]);
    }
    return final;
  }

  private command(args: Arg[], dot: unknown, final: unknown): unknown {
    const first = args[0];
    if (first.k === 'ident') {
      const def = this.funcs.get(first.name);
      if (!def) throw new ExecError(`function ${JSON.stringify(first.name)} not defined`);
      const vals = args.slice(1).map((a) => this.arg(a, dot));
      if (final !== MISSING) vals.push(final);
      return this.call(first.name, def, vals);
    }
    if (args.length > 1 || final !== MISSING) {
      if (first.k === 'field' || (first.k === 'var' && first.path.length)) throw new ExecError(`can't give argument to non-function ${describe(first)}`);
      throw new ExecError(`can't give argument to non-function ${describe(first)}`);
    }
    return this.arg(first, dot);
  }

  private call(name: string, def: FuncDef, vals: unknown[]): unknown {
    const ps = def.params;
    const variadic = ps.length > 0 && ps[ps.length - 1].startsWith('...');
    const fixed = variadic ? ps.length - 1 : ps.length;
    if (variadic ? vals.length < fixed : vals.length !== fixed) {
      throw new ExecError(`wrong number of args for ${name}: want ${variadic ? 'at least ' : ''}${fixed} got ${vals.length}`);
    }
    const conv = vals.map((v, i) => convertArg(v, i < fixed ? ps[i] : ps[ps.length - 1].slice(3), name));
    try {
      return def.fn(conv);
    } catch (e) {
      throw new ExecError(`error calling ${name}: ${(e as Error).message}`);
    }
  }

  private arg(a: Arg, dot: unknown): unknown {
    switch (a.k) {
      case 'str':
        return a.v;
      case 'num':
        return numberLiteral(a.text);
      case 'bool':
        return a.v;
      case 'nil':
        return null;
      case 'dot':
        return dot;
      case 'ident': {
        const def = this.funcs.get(a.name);
        if (!def) throw new ExecError(`function ${JSON.stringify(a.name)} not defined`);
        return this.call(a.name, def, []);
      }
      case 'var':
        return fields(this.lookupVar(a.name), a.path);
      case 'pipe':
        return fields(this.pipe(a.pipe, dot), a.path);
      case 'field':
        return fields(a.recv ? this.arg(a.recv, dot) : dot, a.path);
    }
  }
}

const MISSING = Symbol('missing');

function describe(a: Arg): string {
  if (a.k === 'field') return '.' + a.path.join('.');
  if (a.k === 'var') return a.name + a.path.map((p) => '.' + p).join('');
  if (a.k === 'str') return JSON.stringify(a.v);
  if (a.k === 'num') return a.text;
  return a.k;
}

function fields(v: unknown, path: string[]): unknown {
  for (const f of path) {
    if (v instanceof Map) v = v.get(f);
    else if (v === null || v === undefined) throw new ExecError(`nil pointer evaluating interface {}.${f}`);
    else throw new ExecError(`can't evaluate field ${f} in type ${typeName(v)}`);
  }
  return v;
}

/** Go's validateType for a function parameter. */
function convertArg(v: unknown, kind: string, fn: string): unknown {
  if (kind === 'any') return v === undefined ? null : v;
  if (kind === 'value') {
    if (v === undefined) throw new ExecError(`error calling ${fn}: invalid value; expected reflect.Value`);
    return v;
  }
  if (v === undefined) throw new ExecError(`error calling ${fn}: invalid value; expected ${kind}`);
  switch (kind) {
    case 'string':
      if (typeof v === 'string') return v;
      break;
    case 'int':
      if (typeof v === 'bigint') return v;
      if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
      break;
    case 'float':
      if (typeof v === 'number') return v;
      if (typeof v === 'bigint') return Number(v);
      break;
    case 'bool':
      if (typeof v === 'boolean') return v;
      break;
    case 'list':
      if (Array.isArray(v)) return v;
      break;
    default:
      return v;
  }
  throw new ExecError(`wrong type for value; expected ${kind}; got ${typeName(v)}`);
}

export { TemplateError };
