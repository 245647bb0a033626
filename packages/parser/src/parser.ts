import type * as ast from './ast.js';
import type { Diagnostic } from './diagnostic.js';
import { quote } from '@alloy-lint/gostd';
import { isValidIdentifier, Scanner } from './scanner.js';
import { SourceFile } from './source-file.js';
import { binaryPrecedence, type BinaryOp, Tok, tokenString, type UnaryOp } from './token.js';

/**
 * The deepest nesting the parser accepts; deeper input is a diagnostic. Every nesting
 * construct counts one level: blocks, objects, lists, calls, parentheses, indexes, each
 * `.name`/`[i]`/`(…)` of a postfix chain, each unary operator, the right operand of a binary
 * operator (the left spine of `a + b + c` does not count: walks iterate it). Alloy has no
 * limit of its own; at this one every stage (parser, formatter, checker, graph, evaluator)
 * handles a tree at the limit within half of Node's default stack, with room to spare for the
 * caller's own frames (test/fuzz/stack-margin.test.ts runs them with --stack-size=492).
 */
export const MAX_DEPTH = 250;

/** The list of every empty body, argument list, array and object: frozen, since it is shared. */
const EMPTY = Object.freeze([]) as never[];

const STATEMENT_END = new Set<Tok>([Tok.TERMINATOR, Tok.RPAREN, Tok.RCURLY, Tok.RBRACK, Tok.COMMA]);

interface BlockName {
  fragments: string[];
  start: number;
  end: number;
  label: string;
  labelPos: number;
  labelEnd: number;
}

class TooDeep extends Error {}

/**
 * LL(1) recursive descent over the scanner's tokens. Its control flow follows
 * Alloy's parser so that diagnostics, their order and their positions match;
 * unlike Alloy it always returns a tree.
 */
export class Parser {
  readonly diagnostics: Diagnostic[] = [];
  readonly comments: ast.CommentGroup[] = [];
  private readonly sc: Scanner;
  private pos = 0;
  private tok: Tok = Tok.EOF;
  private lit = '';
  private tokEnd = 0;
  /** End offset of the last token consumed that was not a TERMINATOR. */
  private lastEnd = 0;
  private lastErrorLine = 0;
  private depth = 0;

  constructor(readonly file: SourceFile) {
    this.sc = new Scanner(
      file.bytes,
      (offset, message) => this.diagnostics.push({ severity: 'error', code: 'syntax', message, start: offset, end: offset }),
      { comments: true },
    );
    this.next();
  }

  private cur(): Tok {
    return this.tok;
  }

  private next(): void {
    if (this.cur() !== Tok.TERMINATOR && this.tokEnd > this.lastEnd) this.lastEnd = this.tokEnd;
    this.next0();
    while (this.cur() === Tok.COMMENT) this.commentGroup();
  }

  private next0(): void {
    const sc = this.sc;
    sc.scan();
    this.pos = sc.pos;
    this.tok = sc.tok;
    this.lit = sc.lit;
    this.tokEnd = sc.end;
  }

  private commentGroup(): void {
    const from = this.top;
    let endLine = this.file.lineIndex(this.pos);
    while (this.cur() === Tok.COMMENT && this.file.lineIndex(this.pos) <= endLine + 1) {
      const text = this.lit;
      endLine = this.file.lineIndex(this.pos);
      if (text.charCodeAt(1) === 0x2a) {
        for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) endLine++;
      }
      this.pushItem({ start: this.pos, end: this.tokEnd, text });
      this.next0();
    }
    this.comments.push(this.takeItems<ast.Comment>(from));
  }

  private advance(to: Tok): void {
    while (this.cur() !== Tok.EOF && this.cur() !== to) this.next();
  }

  private advanceAny(to: Set<Tok>): void {
    while (this.cur() !== Tok.EOF && !to.has(this.cur())) this.next();
  }

  private readonly scratch: BlockName = { fragments: [], start: 0, end: 0, label: '', labelPos: -1, labelEnd: -1 };

  /**
   * Items of the lists being parsed (bodies, elements, arguments, fields), nested lists on top
   * of their parents: each list is copied out at its exact length, since an array grown by
   * push keeps room for 16 or more items, which was a fifth of the tree's heap.
   */
  private readonly items: unknown[] = [];
  /** Items in use: `items` only grows, since shrinking an array makes V8 copy it. */
  private top = 0;

  private pushItem(item: unknown): void {
    this.items[this.top++] = item;
  }

  /** One frozen fragment list per block name (`rule` blocks share one), with its dotted form. */
  private readonly names = new Map<string, string[]>();
  private readonly fullNames = new Map<string[], string>();

  private blockName(fragments: string[]): string[] {
    const full = fragments.length === 1 ? fragments[0] : fragments.join('.');
    let name = this.names.get(full);
    if (!name) {
      name = Object.freeze(fragments.slice()) as string[];
      this.names.set(full, name);
      this.fullNames.set(name, full);
    }
    return name;
  }

  /** The items pushed since `from`, as an exact-size array; a shared empty array when none. */
  private takeItems<T>(from: number): T[] {
    if (this.top === from) return EMPTY;
    const list = this.items.slice(from, this.top) as T[];
    this.top = from;
    return list;
  }

  /** Whether the token consumed by the last `expect` was the one expected. */
  private expectOk = true;

  /** Consumes the current token, reporting an error when it is not `t`; returns its offset. */
  private expect(t: Tok): number {
    const pos = this.pos;
    this.expectOk = this.cur() === t;
    if (!this.expectOk) this.errorHere(`expected ${tokenString(t)}, got ${tokenString(this.cur())}`);
    this.next();
    return pos;
  }

  /** A parse error at the current token; only the first on a line is kept. */
  private errorHere(message: string): void {
    const line = this.file.lineIndex(this.pos) + 1;
    if (line === this.lastErrorLine) return;
    this.lastErrorLine = line;
    this.diagnostics.push({ severity: 'error', code: 'syntax', message, start: this.pos, end: this.pos });
  }

  private addError(message: string, start: number, end: number): void {
    this.diagnostics.push({ severity: 'error', code: 'syntax', message, start, end });
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) throw new TooDeep();
  }

  parseFile(): ast.File {
    let body: ast.Stmt[] = [];
    try {
      body = this.parseBody(Tok.EOF);
    } catch (e) {
      if (!(e instanceof TooDeep)) throw e;
      this.addError(`nesting deeper than ${MAX_DEPTH} levels is not supported`, this.pos, this.pos);
      while (this.cur() !== Tok.EOF) this.next();
    }
    return { kind: 'File', body, comments: this.comments, start: 0, end: this.file.bytes.length };
  }

  /** Parses one expression that must make up the whole input. */
  parseExpressionOnly(): ast.Expr {
    let e: ast.Expr;
    try {
      e = this.parseExpression();
    } catch (err) {
      if (!(err instanceof TooDeep)) throw err;
      this.addError(`nesting deeper than ${MAX_DEPTH} levels is not supported`, this.pos, this.pos);
      return { kind: 'Bad', start: 0, end: this.file.bytes.length };
    }
    this.expect(Tok.TERMINATOR);
    return e;
  }

  private parseBody(until: Tok): ast.Stmt[] {
    const from = this.top;
    while (this.cur() !== until && this.cur() !== Tok.EOF) {
      const stmt = this.parseStatement();
      if (stmt) this.pushItem(stmt);
      if (this.cur() === until) break;
      if (this.cur() !== Tok.TERMINATOR) {
        this.errorHere(`expected TERMINATOR, got ${tokenString(this.cur())}`);
        this.consumeStatement();
      }
      this.next();
    }
    return this.takeItems(from);
  }

  private consumeStatement(): void {
    let curly = 0;
    let brack = 0;
    let paren = 0;
    while (this.cur() !== Tok.EOF) {
      switch (this.cur()) {
        case Tok.LCURLY: curly++; break;
        case Tok.RCURLY: curly--; break;
        case Tok.LBRACK: brack++; break;
        case Tok.RBRACK: brack--; break;
        case Tok.LPAREN: paren++; break;
        case Tok.RPAREN: paren--; break;
        case Tok.TERMINATOR:
          if (curly <= 0 && brack <= 0 && paren <= 0) return;
      }
      this.next();
    }
  }

  private parseStatement(): ast.Stmt | undefined {
    const bn = this.parseBlockName();
    if (!bn) {
      this.advance(Tok.IDENT);
      return undefined;
    }
    if (this.cur() === Tok.ASSIGN) {
      this.next();
      if (bn.fragments.length !== 1) {
        const nameLen = bn.fragments.join('.').length;
        this.addError('attribute names may only consist of a single identifier with no "."', bn.start, bn.start + nameLen);
      } else if (bn.labelPos >= 0) {
        this.addError('attribute names may not have labels', bn.labelPos, bn.labelEnd);
      }
      // Capture the name first: a block written as a value reuses the scratch `bn`.
      const name: ast.Ident = { name: bn.fragments[0], start: bn.start, end: bn.fragments.length === 1 ? bn.end : bn.start + bn.fragments[0].length };
      const value = this.parseExpression();
      return { kind: 'Attribute', name, value, start: name.start, end: Math.max(this.lastEnd, value.end) };
    }
    if (this.cur() === Tok.LCURLY) {
      // The name is kept in the scratch `bn`, which the body's statements reuse: copy it first.
      const name = this.blockName(bn.fragments);
      const nameSpan = { start: bn.start, end: bn.end };
      const label = bn.label;
      const labelSpan = bn.labelPos >= 0 ? { start: bn.labelPos, end: bn.labelEnd } : undefined;
      this.enter();
      const lcurly = this.expect(Tok.LCURLY);
      const body = this.parseBody(Tok.RCURLY);
      const rcurly = this.expect(Tok.RCURLY);
      this.depth--;
      const fullName = name.length === 1 ? name[0] : this.fullNames.get(name)!;
      const start = nameSpan.start;
      const end = Math.max(this.lastEnd, rcurly);
      // Two literals rather than adding labelSpan later, which would move the node's fields out of line.
      return labelSpan
        ? { kind: 'Block', name, fullName, nameSpan, label, labelSpan, body, lcurly, rcurly, start, end }
        : { kind: 'Block', name, fullName, nameSpan, label, body, lcurly, rcurly, start, end };
    }
    if (bn.fragments.length === 1 && bn.label === '') {
      this.errorHere(`expected attribute assignment or block body, got ${tokenString(this.cur())}`);
    } else {
      this.errorHere(`expected block body, got ${tokenString(this.cur())}`);
    }
    this.advance(Tok.IDENT);
    return undefined;
  }

  private parseBlockName(): BlockName | undefined {
    if (this.cur() !== Tok.IDENT) {
      this.errorHere(`expected identifier, got ${tokenString(this.cur())}`);
      return undefined;
    }
    // One scratch object for every statement: most statements are attributes, whose name is kept as an Ident.
    const bn = this.scratch;
    // Shortened to one, not emptied: V8 frees the store of an emptied array, and the next push allocates one.
    bn.fragments.length = 1;
    bn.fragments[0] = this.lit;
    bn.start = this.pos;
    bn.end = this.tokEnd;
    bn.label = '';
    bn.labelPos = -1;
    bn.labelEnd = -1;
    this.next();
    while (this.cur() === Tok.DOT) {
      this.next();
      if (this.cur() !== Tok.IDENT) this.errorHere(`expected identifier, got ${tokenString(this.cur())}`);
      bn.fragments.push(this.lit);
      bn.end = this.tokEnd;
      this.next();
    }
    if (this.cur() !== Tok.ASSIGN && this.cur() !== Tok.LCURLY) {
      if (this.cur() === Tok.STRING) {
        const lit = this.lit;
        if (lit[0] !== '"') this.errorHere(`expected block label to be a double quoted string, but got ${quote(lit)}`);
        if (lit.length > 2) {
          bn.label = lit.slice(1, -1);
          if (!isValidIdentifier(bn.label)) {
            this.errorHere(`expected block label to be a valid identifier, but got ${quote(bn.label)}`);
          }
        }
        bn.labelPos = this.pos;
        bn.labelEnd = this.tokEnd;
      } else {
        this.errorHere(`expected block label, got ${tokenString(this.cur())}`);
      }
      this.next();
    }
    return bn;
  }

  parseExpression(): ast.Expr {
    return this.parseBinOp(1);
  }

  private parseBinOp(minPrec: number): ast.Expr {
    let left = this.parsePowExpr();
    for (;;) {
      const op = this.tok;
      const opPos = this.pos;
      const prec = binaryPrecedence(op);
      if (prec < minPrec) return left;
      this.next();
      this.enter();
      const right = this.parseBinOp(prec + 1);
      this.depth--;
      left = { kind: 'Binary', op: tokenString(op) as BinaryOp, opPos, left, right, start: left.start, end: right.end };
    }
  }

  private parsePowExpr(): ast.Expr {
    const left = this.parseUnaryExpr();
    if (this.cur() !== Tok.POW) return left;
    const opPos = this.pos;
    this.next();
    this.enter();
    const right = this.parsePowExpr();
    this.depth--;
    return { kind: 'Binary', op: '^', opPos, left, right, start: left.start, end: right.end };
  }

  private parseUnaryExpr(): ast.Expr {
    if (this.cur() === Tok.NOT || this.cur() === Tok.SUB) {
      const op = tokenString(this.cur()) as UnaryOp;
      const opPos = this.pos;
      this.next();
      this.enter();
      const value = this.parseUnaryExpr();
      this.depth--;
      return { kind: 'Unary', op, opPos, value, start: opPos, end: value.end };
    }
    let primary = this.parsePrimaryExpr();
    // Each postfix operation nests the chain so far one level deeper.
    const depth = this.depth;
    for (;;) {
      switch (this.cur()) {
        case Tok.DOT: {
          this.enter();
          this.next();
          const namePos = this.pos;
          const nameEnd = this.tokEnd;
          const name = this.lit;
          this.expect(Tok.IDENT);
          const ident: ast.Ident = { name, start: namePos, end: nameEnd };
          primary = { kind: 'Access', value: primary, name: ident, start: primary.start, end: nameEnd };
          break;
        }
        case Tok.LBRACK: {
          const lbrack = this.expect(Tok.LBRACK);
          this.enter();
          const index = this.parseExpression();
          const rbrack = this.expect(Tok.RBRACK);
          primary = { kind: 'Index', value: primary, index, lbrack, rbrack, start: primary.start, end: Math.max(this.lastEnd, rbrack) };
          break;
        }
        case Tok.LPAREN: {
          const lparen = this.expect(Tok.LPAREN);
          this.enter();
          let args: ast.Expr[] = EMPTY;
          if (this.cur() !== Tok.RPAREN) args = this.parseExpressionList(Tok.RPAREN);
          const rparen = this.expect(Tok.RPAREN);
          primary = { kind: 'Call', value: primary, args, lparen, rparen, start: primary.start, end: Math.max(this.lastEnd, rparen) };
          break;
        }
        case Tok.STRING:
        case Tok.LCURLY: {
          // Someone wrote a block where a value belongs; parse it to say so.
          if (this.cur() === Tok.STRING) this.next();
          this.expect(Tok.LCURLY);
          if (!this.expectOk) {
            this.consumeStatement();
            this.depth = depth;
            return primary;
          }
          this.enter();
          this.parseBody(Tok.RCURLY);
          this.depth--;
          const rc = this.expect(Tok.RCURLY);
          if (!this.expectOk) {
            this.consumeStatement();
            this.depth = depth;
            return primary;
          }
          this.addError('cannot use a block as an expression', primary.start, rc + 1);
          break;
        }
        default:
          this.depth = depth;
          return primary;
      }
    }
  }

  private parsePrimaryExpr(): ast.Expr {
    switch (this.cur()) {
      case Tok.IDENT: {
        const e: ast.Identifier = { kind: 'Identifier', name: this.lit, start: this.pos, end: this.tokEnd };
        this.next();
        return e;
      }
      case Tok.STRING:
      case Tok.NUMBER:
      case Tok.FLOAT:
      case Tok.BOOL:
      case Tok.NULL: {
        const e: ast.Literal = {
          kind: 'Literal',
          litKind: LIT_KINDS[this.tok] as ast.LiteralKind,
          raw: this.lit,
          start: this.pos,
          end: this.tokEnd,
        };
        this.next();
        return e;
      }
      case Tok.LPAREN: {
        const lparen = this.expect(Tok.LPAREN);
        this.enter();
        const inner = this.parseExpression();
        this.depth--;
        const rparen = this.expect(Tok.RPAREN);
        return { kind: 'Paren', inner, lparen, rparen, start: lparen, end: Math.max(this.lastEnd, rparen) };
      }
      case Tok.LBRACK: {
        const lbrack = this.expect(Tok.LBRACK);
        let elements: ast.Expr[] = EMPTY;
        this.enter();
        if (this.cur() !== Tok.RBRACK) elements = this.parseExpressionList(Tok.RBRACK);
        this.depth--;
        const rbrack = this.expect(Tok.RBRACK);
        return { kind: 'Array', elements, lbrack, rbrack, start: lbrack, end: Math.max(this.lastEnd, rbrack) };
      }
      case Tok.LCURLY: {
        const lcurly = this.expect(Tok.LCURLY);
        let fields: ast.ObjectField[] = EMPTY;
        this.enter();
        // Alloy tests for `]` here, not `}`; an empty object still parses.
        if (this.cur() !== Tok.RBRACK) fields = this.parseFieldList(Tok.RCURLY);
        this.depth--;
        const rcurly = this.expect(Tok.RCURLY);
        return { kind: 'Object', fields, lcurly, rcurly, start: lcurly, end: Math.max(this.lastEnd, rcurly) };
      }
    }
    this.errorHere(`expected expression, got ${tokenString(this.cur())}`);
    const bad: ast.BadExpr = { kind: 'Bad', start: this.pos, end: this.pos };
    this.advanceAny(STATEMENT_END);
    bad.end = Math.max(bad.start, this.lastEnd);
    return bad;
  }

  private parseExpressionList(until: Tok): ast.Expr[] {
    const from = this.top;
    while (this.cur() !== until && this.cur() !== Tok.EOF) {
      this.pushItem(this.parseExpression());
      if (this.cur() === until) break;
      if (this.cur() !== Tok.COMMA) this.errorHere("missing ',' in expression list");
      this.next();
    }
    return this.takeItems(from);
  }

  private parseFieldList(until: Tok): ast.ObjectField[] {
    const from = this.top;
    while (this.cur() !== until && this.cur() !== Tok.EOF) {
      this.pushItem(this.parseField());
      if (this.cur() === until) break;
      if (this.cur() !== Tok.COMMA) this.errorHere("missing ',' in field list");
      this.next();
    }
    return this.takeItems(from);
  }

  private parseField(): ast.ObjectField {
    let name: ast.Ident;
    let quoted = false;
    const start = this.pos;
    if (this.cur() === Tok.STRING || this.cur() === Tok.IDENT) {
      name = { name: this.lit, start: this.pos, end: this.tokEnd };
      if (this.cur() === Tok.STRING && this.lit.length > 2) {
        name.name = this.lit.slice(1, -1);
        quoted = true;
      }
      this.next();
    } else {
      this.errorHere(`expected field name (string or identifier), got ${tokenString(this.cur())}`);
      name = { name: '', start: this.pos, end: this.pos };
      this.advance(Tok.ASSIGN);
    }
    this.expect(Tok.ASSIGN);
    const value = this.parseExpression();
    return { name, quoted, value, start, end: Math.max(value.end, name.end) };
  }
}

const LIT_KINDS: Partial<Record<Tok, ast.LiteralKind>> = {
  [Tok.STRING]: 'STRING',
  [Tok.NUMBER]: 'NUMBER',
  [Tok.FLOAT]: 'FLOAT',
  [Tok.BOOL]: 'BOOL',
  [Tok.NULL]: 'NULL',
};
