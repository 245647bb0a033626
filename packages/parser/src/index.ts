import type * as ast from './ast.js';
import type { Diagnostic } from './diagnostic.js';
import { Parser } from './parser.js';
import { SourceFile } from './source-file.js';

export type * from './ast.js';
export type { Diagnostic, Edit, Severity } from './diagnostic.js';
export { SourceFile, type Position } from './source-file.js';
export { Scanner, isValidIdentifier, type ScannerOptions } from './scanner.js';
export { sanitizeIdentifier } from './identifier.js';
export { Tok, tokenName, tokenString, type BinaryOp, type UnaryOp } from './token.js';
/** @deprecated import `quote` from `@alloy-lint/gostd`. */
export { quote as goQuote } from '@alloy-lint/gostd';
export { MAX_DEPTH } from './parser.js';
export { walk, type Visitor } from './walk.js';

export interface ParseResult {
  source: SourceFile;
  ast: ast.File;
  /** Every scanner and parser error, in the order Alloy reports them. Empty when the file is valid. */
  diagnostics: Diagnostic[];
}

/** Parses a whole config file. Never throws: problems come back as diagnostics. */
export function parse(input: string | Uint8Array | SourceFile, name = ''): ParseResult {
  const source = input instanceof SourceFile ? input : new SourceFile(input, name);
  const parser = new Parser(source);
  const file = parser.parseFile();
  return { source, ast: file, diagnostics: parser.diagnostics };
}

export interface ExpressionResult {
  source: SourceFile;
  expr: ast.Expr;
  diagnostics: Diagnostic[];
}

/** Parses a single expression that must make up the whole input. */
export function parseExpression(input: string | Uint8Array): ExpressionResult {
  const source = new SourceFile(input);
  const parser = new Parser(source);
  const expr = parser.parseExpressionOnly();
  return { source, expr, diagnostics: parser.diagnostics };
}
export { renderExcerpt, type ExcerptStyle } from './excerpt.js';
