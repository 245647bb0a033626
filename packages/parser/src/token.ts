/** Token kinds of the Alloy syntax, in the order Alloy declares them. */
export const enum Tok {
  ILLEGAL = 0,
  LITERAL,
  EOF,
  COMMENT,
  IDENT,
  NUMBER,
  FLOAT,
  STRING,
  BOOL,
  NULL,
  OR,
  AND,
  NOT,
  ASSIGN,
  EQ,
  NEQ,
  LT,
  LTE,
  GT,
  GTE,
  ADD,
  SUB,
  MUL,
  DIV,
  MOD,
  POW,
  LCURLY,
  RCURLY,
  LPAREN,
  RPAREN,
  LBRACK,
  RBRACK,
  COMMA,
  DOT,
  TERMINATOR,
}

/** Enum-style names (`DOT`, `LCURLY`), as tests and tools name tokens. */
export const TOKEN_NAMES: readonly string[] = [
  'ILLEGAL', 'LITERAL', 'EOF', 'COMMENT', 'IDENT', 'NUMBER', 'FLOAT', 'STRING', 'BOOL', 'NULL',
  'OR', 'AND', 'NOT', 'ASSIGN', 'EQ', 'NEQ', 'LT', 'LTE', 'GT', 'GTE',
  'ADD', 'SUB', 'MUL', 'DIV', 'MOD', 'POW',
  'LCURLY', 'RCURLY', 'LPAREN', 'RPAREN', 'LBRACK', 'RBRACK', 'COMMA', 'DOT', 'TERMINATOR',
];

/** How Alloy spells a token in messages (`expected }, got EOF`). */
const SPELLINGS: readonly string[] = [
  'ILLEGAL', 'LITERAL', 'EOF', 'COMMENT', 'IDENT', 'NUMBER', 'FLOAT', 'STRING', 'BOOL', 'NULL',
  '||', '&&', '!', '=', '==', '!=', '<', '<=', '>', '>=',
  '+', '-', '*', '/', '%', '^',
  '{', '}', '(', ')', '[', ']', ',', '.', 'TERMINATOR',
];

export function tokenString(t: Tok): string {
  return SPELLINGS[t] ?? 'ILLEGAL';
}

export function tokenName(t: Tok): string {
  return TOKEN_NAMES[t] ?? 'ILLEGAL';
}

/** Binary operator precedence (0 for anything that is not a binary operator). */
export function binaryPrecedence(t: Tok): number {
  switch (t) {
    case Tok.OR:
      return 1;
    case Tok.AND:
      return 2;
    case Tok.EQ: case Tok.NEQ: case Tok.LT: case Tok.LTE: case Tok.GT: case Tok.GTE:
      return 3;
    case Tok.ADD: case Tok.SUB:
      return 4;
    case Tok.MUL: case Tok.DIV: case Tok.MOD:
      return 5;
    case Tok.POW:
      return 6;
    default:
      return 0;
  }
}

export type BinaryOp = '||' | '&&' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%' | '^';
export type UnaryOp = '!' | '-';
