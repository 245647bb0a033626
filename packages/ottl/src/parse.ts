// Entry points of the parser: a statement, a condition, or a value expression. Never throws:
// every problem comes back with its [start, end) range in the OTTL text.
import type { IRecognitionException, IToken } from 'chevrotain';
import type * as A from './ast.js';
import { OttlGrammar, type SyntaxProblem } from './grammar.js';
import * as T from './lexer.js';
import { walkBool, walkStatement, walkValue } from './walk.js';

export type { SyntaxProblem } from './grammar.js';

export interface ParseResult<N> {
  /** The tree, when the text parsed without errors. */
  ast?: N;
  /** Syntax errors, in text order. */
  errors: SyntaxProblem[];
}

/** Brackets nested deeper than this are reported instead of parsed (the parser recurses). */
export const MAX_NESTING = 100;

let grammar: OttlGrammar | undefined;
const parser = () => (grammar ??= new OttlGrammar());

type Entry = 'statement' | 'boolExpr' | 'value';

function run<N>(text: string, entry: Entry): ParseResult<N> {
  const lexed = T.ottlLexer.tokenize(text);
  const errors: SyntaxProblem[] = lexed.errors.map((e) => ({
    message: `invalid character ${JSON.stringify(text.slice(e.offset, e.offset + 1))}`,
    start: e.offset,
    end: e.offset + 1,
  }));
  const tokens = lexed.tokens;
  const deep = tooDeep(tokens);
  if (deep) return { errors: [...errors, { message: `brackets nested more than ${MAX_NESTING} levels deep`, start: deep.startOffset, end: deep.startOffset + 1 }] };
  if (tokens.length === 0) return { errors: [...errors, { message: 'empty statement', start: 0, end: text.length }] };
  const p = parser();
  p.input = tokens;
  p.problems = [];
  let ast: N;
  try {
    ast = p[entry]() as N;
  } catch (e) {
    // chevrotain's recovery should never throw; if it does, the input is still only reported.
    return { errors: [...errors, { message: `the OTTL parser failed on this text (${(e as Error).message})`, start: 0, end: text.length }] };
  }
  for (const e of p.errors) errors.push(fromException(e, text));
  const rest = p.input.length > 0 ? leftover(p) : undefined;
  if (rest && p.errors.length === 0) errors.push({ message: `unexpected ${T.describeToken(rest)} after the ${entry === 'statement' ? 'statement' : entry === 'value' ? 'value' : 'condition'}`, start: rest.startOffset, end: rest.startOffset + rest.image.length });
  for (const e of p.problems) errors.push(e);
  if (errors.length === 0) for (const e of callShapeErrors(ast as A.Statement | A.BoolExpr | A.Value, entry)) errors.push(e);
  errors.sort((a, b) => a.start - b.start);
  return errors.length ? { errors } : { ast, errors };
}

function fromException(e: IRecognitionException, text: string): SyntaxProblem {
  const tok = e.token;
  if (tok.tokenType.name === 'EOF' || Number.isNaN(tok.startOffset)) return { message: e.message, start: text.length, end: text.length };
  return { message: e.message, start: tok.startOffset, end: tok.startOffset + tok.image.length };
}

/** The first token the entry rule left unconsumed. */
function leftover(p: OttlGrammar): IToken | undefined {
  const tok = p.next();
  return tok.tokenType.name === 'EOF' ? undefined : tok;
}

function tooDeep(tokens: IToken[]): IToken | undefined {
  let depth = 0;
  for (const tok of tokens) {
    const tt = tok.tokenType;
    if (tt === T.LParen || tt === T.LBracket || tt === T.LBrace) {
      if (++depth > MAX_NESTING) return tok;
    } else if (tt === T.RParen || tt === T.RBracket || tt === T.RBrace) depth--;
  }
  return undefined;
}

/**
 * What contrib rejects after parsing: a lower-case (editor) name where a converter is expected,
 * an upper-case (converter) name as the statement's editor, and keys after an editor call.
 */
function callShapeErrors(ast: A.Statement | A.BoolExpr | A.Value, entry: Entry): SyntaxProblem[] {
  const out: SyntaxProblem[] = [];
  const top = entry === 'statement' ? (ast as A.Statement).editor : undefined;
  const visit = {
    value(v: A.Value) {
      if (v.kind !== 'Call') return;
      if (v === top) {
        if (!v.editor) out.push({ message: `editor names must start with a lowercase letter but got '${v.name}'`, ...v.nameSpan });
      } else if (v.editor) out.push({ message: `converter names must start with an uppercase letter but got '${v.name}'`, ...v.nameSpan });
      if (v.editor && v.keys.length) out.push({ message: `only paths and converters may be indexed, not editors, but got ${v.name}`, start: v.keys[0].start, end: v.end });
    },
  };
  if (entry === 'statement') walkStatement(ast as A.Statement, visit);
  else if (entry === 'boolExpr') walkBool(ast as A.BoolExpr, visit);
  else walkValue(ast as A.Value, visit);
  return out;
}

/** Parses one statement: an editor call with an optional `where` condition. */
export function parseStatement(text: string): ParseResult<A.Statement> {
  return run<A.Statement>(text, 'statement');
}

/** Parses one condition (a boolean expression), as filter, routing and sampling conditions are. */
export function parseCondition(text: string): ParseResult<A.BoolExpr> {
  return run<A.BoolExpr>(text, 'boolExpr');
}

/** Parses one value expression, as the signal-to-metrics connector's `value` fields are. */
export function parseValueExpression(text: string): ParseResult<A.Value> {
  return run<A.Value>(text, 'value');
}
