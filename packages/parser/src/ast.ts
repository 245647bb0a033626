import type { BinaryOp, UnaryOp } from './token.js';

/** Every node spans [start, end): byte offsets into the source. */
export interface Span {
  start: number;
  end: number;
}

export interface File extends Span {
  kind: 'File';
  body: Stmt[];
  comments: CommentGroup[];
}

export interface Comment extends Span {
  /** The comment's text, `//` or `/*` included, carriage returns removed as Alloy does. */
  text: string;
}

/** Comments on adjacent lines, kept together as Alloy's printer expects. */
export type CommentGroup = Comment[];

export type Stmt = Attribute | Block;

export interface Ident extends Span {
  name: string;
}

export interface Attribute extends Span {
  kind: 'Attribute';
  name: Ident;
  value: Expr;
}

export interface Block extends Span {
  kind: 'Block';
  /** Name fragments: `loki.write` is `['loki', 'write']`. */
  name: string[];
  /** The fragments joined with `.`: `loki.write`. */
  fullName: string;
  /** Range of the whole dotted name. */
  nameSpan: Span;
  /** Label text between the quotes (not unescaped), or '' when there is none. */
  label: string;
  /** Range of the label literal, quotes included; absent without a label. */
  labelSpan?: Span;
  body: Stmt[];
  lcurly: number;
  rcurly: number;
}

export type Expr =
  | Identifier
  | Literal
  | ArrayExpr
  | ObjectExpr
  | AccessExpr
  | IndexExpr
  | CallExpr
  | UnaryExpr
  | BinaryExpr
  | ParenExpr
  | BadExpr;

export interface Identifier extends Span {
  kind: 'Identifier';
  name: string;
}

export type LiteralKind = 'STRING' | 'NUMBER' | 'FLOAT' | 'BOOL' | 'NULL';

export interface Literal extends Span {
  kind: 'Literal';
  litKind: LiteralKind;
  /** The literal exactly as written (quotes and escapes included for strings). */
  raw: string;
}

export interface ArrayExpr extends Span {
  kind: 'Array';
  elements: Expr[];
  lbrack: number;
  rbrack: number;
}

export interface ObjectField extends Span {
  name: Ident;
  /** True when the key was written as a string; `name.name` is then the raw text between quotes. */
  quoted: boolean;
  value: Expr;
}

export interface ObjectExpr extends Span {
  kind: 'Object';
  fields: ObjectField[];
  lcurly: number;
  rcurly: number;
}

export interface AccessExpr extends Span {
  kind: 'Access';
  value: Expr;
  name: Ident;
}

export interface IndexExpr extends Span {
  kind: 'Index';
  value: Expr;
  index: Expr;
  lbrack: number;
  rbrack: number;
}

export interface CallExpr extends Span {
  kind: 'Call';
  value: Expr;
  args: Expr[];
  lparen: number;
  rparen: number;
}

export interface UnaryExpr extends Span {
  kind: 'Unary';
  op: UnaryOp;
  opPos: number;
  value: Expr;
}

export interface BinaryExpr extends Span {
  kind: 'Binary';
  op: BinaryOp;
  opPos: number;
  left: Expr;
  right: Expr;
}

export interface ParenExpr extends Span {
  kind: 'Paren';
  inner: Expr;
  lparen: number;
  rparen: number;
}

/** Stands where an expression was expected but could not be parsed. */
export interface BadExpr extends Span {
  kind: 'Bad';
}

export type Node = File | Stmt | Expr | ObjectField | Ident;
