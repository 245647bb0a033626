// Expression evaluation with Alloy's semantics and error reporting.

import { quote } from '@alloy-lint/gostd';
import { type BinaryExpr, parseExpression, type Expr, type SourceFile } from '@alloy-lint/parser';
import { decode, parseGoType, type GoType } from './convert.js';
import { makeDiagnostic, type EvalError } from './diagnostic.js';
import { isFailure, PositionedErr, TypeErr, valueErr } from './errors.js';
import { identity } from './identity.js';
import { literalValue } from './literal.js';
import { toInt64 } from './numbers.js';
import { binaryOp, unaryOp } from './ops.js';
import type { LineOf } from './print-expr.js';
import { stdlibLookup, type Constants } from './stdlib.js';
import { array, capsuleToObject, NULL, type CallContext, type Value } from './value.js';

/** Variables visible to an expression (looked up before the standard library). */
export type Scope = ReadonlyMap<string, Value> | Readonly<Record<string, Value>>;

export interface EvalOptions {
  /** Environment for `sys.env` (the whole environment: unset names read as ""). */
  env?: Readonly<Record<string, string>>;
  /** Values of `constants.*`. */
  constants?: Constants;
  /** Decode the result into this Go type (e.g. `int`, `[]string`, `time.Duration`). */
  target?: GoType | string;
  /** Source the expression was parsed from; gives multi-line node text in messages. */
  source?: SourceFile;
  /** Whether stdlib names resolve (default true). */
  stdlib?: boolean;
}

export interface EvalResult {
  value?: Value;
  error?: EvalError;
}

const EMPTY_ENV: Readonly<Record<string, string>> = Object.freeze({});

const literalCache = new WeakMap<Expr, Value>();
const CACHED_LITERALS = 4096;

class Evaluator {
  private literals = 0;

  constructor(
    private readonly scope: Scope | undefined,
    private readonly ctx: CallContext,
    private readonly constants: Constants | undefined,
    private readonly useStdlib: boolean,
    readonly assoc: Map<unknown, Expr> | undefined,
  ) {}

  lookup(name: string): Value | undefined {
    const s = this.scope;
    if (s) {
      if (s instanceof Map) {
        const v = s.get(name);
        if (v !== undefined) return v;
      } else if (Object.prototype.hasOwnProperty.call(s, name)) return (s as Record<string, Value>)[name];
    }
    return this.useStdlib ? stdlibLookup(name, this.constants) : undefined;
  }

  eval(e: Expr): Value {
    const v = this.evalNode(e);
    if (this.assoc && v.t !== 'null') this.assoc.set(identity(v), e);
    return v;
  }

  private evalNode(e: Expr): Value {
    switch (e.kind) {
      case 'Literal': {
        // Past the first few thousand literals of one evaluation the cache would cost more
        // (WeakMap entries weigh on the garbage collector) than decoding them again.
        if (++this.literals > CACHED_LITERALS) return literalValue(e.litKind, e.raw);
        let v = literalCache.get(e);
        if (v === undefined) {
          v = literalValue(e.litKind, e.raw);
          literalCache.set(e, v);
        }
        return v;
      }
      case 'Binary': {
        // `a + b + c` nests to the left: its spine is a loop, so a chain of any length evaluates.
        const spine: BinaryExpr[] = [];
        let left: Expr = e;
        for (; left.kind === 'Binary'; left = left.left) spine.push(left);
        let v = this.eval(left);
        for (let i = spine.length - 1; i > 0; i--) {
          v = binaryOp(v, spine[i].op, this.eval(spine[i].right));
          if (this.assoc && v.t !== 'null') this.assoc.set(identity(v), spine[i]);
        }
        return binaryOp(v, e.op, this.eval(e.right));
      }
      case 'Unary':
        return unaryOp(e.op, this.eval(e.value));
      case 'Paren':
        return this.eval(e.inner);
      case 'Array':
        return array(e.elements.map((el) => this.eval(el)));
      case 'Object': {
        const m = new Map<string, Value>();
        for (const f of e.fields) m.set(f.name.name, this.eval(f.value));
        return { t: 'object', v: m };
      }
      case 'Identifier': {
        const v = this.lookup(e.name);
        if (v === undefined) throw new PositionedErr(e.start, e.end, `identifier ${quote(e.name)} does not exist`);
        return v;
      }
      case 'Access': {
        const v = this.eval(e.value);
        const name = e.name.name;
        if (v.t === 'object' || v.t === 'capsule') {
          const fields = v.t === 'object' ? v.v : capsuleToObject(v);
          if (!fields) throw valueErr(v, `expected object or array or a capsule convertible to an object, got ${v.t}`);
          const f = fields.get(name);
          if (f === undefined) throw new PositionedErr(e.name.start, e.name.end, `field ${quote(name)} does not exist`);
          return f;
        }
        throw valueErr(v, `cannot access field ${quote(name)} on value of type ${v.t}`);
      }
      case 'Index': {
        const v = this.eval(e.value);
        const idx = this.eval(e.index);
        switch (v.t) {
          case 'array': {
            if (idx.t !== 'number') throw new TypeErr(idx, 'number');
            const i = toInt64(idx);
            if (i < 0n || i >= BigInt(v.v.length)) throw valueErr(idx, `index ${i} is out of range of array with length ${v.v.length}`);
            return v.v[Number(i)];
          }
          case 'object':
            if (idx.t !== 'string') throw new TypeErr(idx, 'string');
            return v.v.get(idx.v) ?? NULL;
          case 'capsule': {
            const fields = capsuleToObject(v);
            if (!fields) throw valueErr(v, `expected object or array or a capsule convertible to an object, got ${v.t}`);
            if (idx.t !== 'string') throw new TypeErr(idx, 'string');
            return fields.get(idx.v) ?? NULL;
          }
          default:
            throw valueErr(v, `expected object or array, got ${v.t}`);
        }
      }
      case 'Call': {
        const fn = this.eval(e.value);
        if (fn.t !== 'function') throw new TypeErr(fn, 'function');
        const args = e.args.map((a) => this.eval(a));
        return fn.call(fn, args, this.ctx);
      }
      default:
        throw new PositionedErr(e.start, e.end, 'cannot evaluate an invalid expression');
    }
  }
}

function run(expr: Expr, scope: Scope | undefined, options: EvalOptions | undefined, target: GoType | undefined, assoc: Map<unknown, Expr> | undefined): Value {
  const ctx: CallContext = { env: options?.env ?? EMPTY_ENV };
  const ev = new Evaluator(scope, ctx, options?.constants, options?.stdlib !== false, assoc);
  const v = ev.eval(expr);
  return target ? decode(v, target) : v;
}

function lineOf(source: SourceFile | undefined): LineOf | undefined {
  return source ? (offset) => source.position(offset).line : undefined;
}

/**
 * Evaluates a parsed expression. Never throws: failures come back in `error`
 * with Alloy's message (node text + path prefix) and byte offsets.
 */
export function evaluate(expr: Expr, scope?: Scope, options?: EvalOptions): EvalResult {
  const target = typeof options?.target === 'string' ? parseGoType(options.target) : options?.target;
  try {
    return { value: run(expr, scope, options, target, undefined) };
  } catch (first) {
    if (!isFailure(first)) return { error: { message: `internal error: ${String((first as Error)?.message ?? first)}`, bare: true } };
    // Evaluate again, this time remembering which node produced each value.
    const assoc = new Map<unknown, Expr>();
    try {
      run(expr, scope, options, target, assoc);
    } catch (e) {
      if (isFailure(e)) return { error: makeDiagnostic(e, assoc, lineOf(options?.source)) };
    }
    return { error: makeDiagnostic(first, assoc, lineOf(options?.source)) };
  }
}

export interface TextEvalResult extends EvalResult {
  /** The error as Alloy prints it: `line:col: message`, `-: message`, or a bare message. */
  errorText?: string;
  /** True when the text did not parse (errorText is then the first parse error). */
  parseError?: boolean;
}

/** Parses and evaluates expression text; errors come back formatted as Alloy prints them. */
export function evaluateText(text: string, scope?: Scope, options?: Omit<EvalOptions, 'source'>): TextEvalResult {
  const parsed = parseExpression(text);
  if (parsed.diagnostics.length > 0) {
    const d = parsed.diagnostics[0];
    const p = parsed.source.position(d.start);
    const n = parsed.diagnostics.length;
    const more = n > 1 ? ` (and ${n - 1} more diagnostics)` : '';
    return { parseError: true, errorText: `${p.line}:${p.column}: ${d.message}${more}`, error: { message: d.message, start: d.start, end: d.end } };
  }
  const r = evaluate(parsed.expr, scope, { ...options, source: parsed.source });
  if (!r.error) return r;
  return { ...r, errorText: formatEvalError(r.error, parsed.source) };
}

/** Formats an evaluation error the way Alloy's Error() does. */
export function formatEvalError(err: EvalError, source?: SourceFile): string {
  if (err.bare) return err.message;
  if (err.start === undefined || !source) return `-: ${err.message}`;
  const p = source.position(err.start);
  return `${p.line}:${p.column}: ${err.message}`;
}
