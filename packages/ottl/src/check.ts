// The checker: syntax, unknown functions, unknown paths and enums, wrong argument counts. Each
// problem carries a rule id and a [start, end) range in the OTTL text.
import type * as A from './ast.js';
import { ENUMS, type ContextName } from './catalog/contexts.js';
import { arity, available, FUNCTIONS, type Host } from './catalog/functions.js';
import { parseCondition, parseStatement, parseValueExpression, type ParseResult } from './parse.js';
import { checkFields, inferContext, splitPath, type Target } from './resolve.js';
import { walkBool, walkStatement, walkValue, type Visitor } from './walk.js';

export type { Target } from './resolve.js';

export type OttlRule = 'ottl-syntax' | 'ottl-unknown-function' | 'ottl-unknown-path' | 'ottl-arity';

export interface OttlProblem {
  rule: OttlRule;
  message: string;
  start: number;
  end: number;
  /** Names that were valid where an unknown one was written (for "did you mean"). */
  candidates?: string[];
}

export interface CheckOptions {
  /** The component whose parser reads the text: it adds functions (default `other`). */
  host?: Host;
}

export interface CheckResult<N> {
  ast?: N;
  /** The context the text runs in (inferred for the flat `statements` form). */
  context?: ContextName;
  problems: OttlProblem[];
}

export type Kind = 'statement' | 'condition' | 'value';

const PARSERS: Record<Kind, (text: string) => ParseResult<A.Statement | A.BoolExpr | A.Value>> = {
  statement: parseStatement,
  condition: parseCondition,
  value: parseValueExpression,
};

/** Checks one OTTL text of the given kind. */
export function check<N extends A.Statement | A.BoolExpr | A.Value>(kind: Kind, text: string, target: Target, opts: CheckOptions = {}): CheckResult<N> {
  const parsed = PARSERS[kind](text);
  if (!parsed.ast) return { problems: parsed.errors.map((e) => ({ rule: 'ottl-syntax', ...e })) };
  const ast = parsed.ast as N;
  const paths: A.PathExpr[] = [];
  const calls: A.CallExpr[] = [];
  const enums: A.EnumLit[] = [];
  const locals = new Set<string>();
  const visit: Visitor = {
    value(v) {
      if (v.kind === 'Path') paths.push(v);
      else if (v.kind === 'Call') calls.push(v);
      else if (v.kind === 'Enum') enums.push(v);
      else if (v.kind === 'Comprehension') locals.add(v.ident.name);
    },
  };
  if (kind === 'statement') walkStatement(ast as A.Statement, visit);
  else if (kind === 'condition') walkBool(ast as A.BoolExpr, visit);
  else walkValue(ast as A.Value, visit);

  const problems: OttlProblem[] = [];
  const inferred = !('context' in target);
  const context = inferContext(paths, target);
  const host = opts.host ?? 'other';
  for (const p of paths) {
    if (!p.context && locals.has(p.fields[0].name)) continue;
    if (!context) {
      problems.push({ rule: 'ottl-unknown-path', message: `path ${text.slice(p.start, p.end)} names no context, and no path of this ${kind} names one to run it in`, start: p.start, end: p.end });
      continue;
    }
    const split = splitPath(p, context, inferred);
    const problem = 'message' in split ? split : checkFields(split, context);
    if (problem) problems.push({ rule: 'ottl-unknown-path', ...problem });
  }
  for (const c of calls) for (const p of checkCall(c, context, host)) problems.push(p);
  for (const e of enums) {
    if (!context || e.name in ENUMS[context] || FUNCTIONS.has(e.name)) continue;
    problems.push({ rule: 'ottl-unknown-path', message: `unknown enum ${e.name} in the ${context} context`, start: e.start, end: e.end, candidates: Object.keys(ENUMS[context]) });
  }
  problems.sort((a, b) => a.start - b.start);
  return { ast, context, problems };
}

function checkCall(c: A.CallExpr, context: ContextName | undefined, host: Host): OttlProblem[] {
  const fn = FUNCTIONS.get(c.name);
  const at = { start: c.nameSpan.start, end: c.nameSpan.end };
  if (!fn || fn.editor !== c.editor) {
    const candidates = [...FUNCTIONS.values()].filter((f) => f.editor === c.editor && (!context || available(f, context, host))).map((f) => f.name);
    return [{ rule: 'ottl-unknown-function', message: `unknown OTTL ${c.editor ? 'editor' : 'converter'} ${c.name}`, ...at, candidates }];
  }
  if (context && !available(fn, context, host)) {
    const where = fn.contexts ? `the ${fn.contexts.join(', ')} context` : '';
    const by = fn.hosts ? `otelcol.processor.${fn.hosts.join('/')}` : '';
    return [{ rule: 'ottl-unknown-function', message: `${c.name} is not available in the ${context} context${where || by ? ` (only in ${[where, by].filter(Boolean).join(' of ')})` : ''}`, ...at }];
  }
  const out: OttlProblem[] = [];
  let named = false;
  for (const a of c.args) {
    if (a.name) named = true;
    else if (named) out.push({ rule: 'ottl-arity', message: `positional argument after a named one in ${c.name}`, start: a.start, end: a.end });
  }
  const { min, max } = arity(fn);
  const n = c.args.length;
  const signature = `${fn.name}(${fn.params.map((p) => (p.optional ? `?${p.name}` : p.name)).join(', ')})`;
  const want = min === max ? `${min}` : `${min} to ${max}`;
  if (n < min) {
    out.push({ rule: 'ottl-arity', message: `${c.name} takes ${want} argument${max === 1 ? '' : 's'} but got ${n}: ${signature}`, start: c.start, end: c.end });
  } else if (n > max) {
    const extra = c.args[max];
    out.push({ rule: 'ottl-arity', message: `${c.name} takes ${want} argument${max === 1 ? '' : 's'} but got ${n}: ${signature}`, start: extra.start, end: c.args[n - 1].end });
  }
  return out;
}

/** Checks a list of statements in one context (a transform `*_statements` block). */
export function checkStatements(context: ContextName, texts: string[], opts: CheckOptions = { host: 'transform' }): OttlProblem[][] {
  return texts.map((t) => check('statement', t, { context }, opts).problems);
}

/** Checks a list of conditions in one context. */
export function checkConditions(context: ContextName, texts: string[], opts: CheckOptions = {}): OttlProblem[][] {
  return texts.map((t) => check('condition', t, { context }, opts).problems);
}
