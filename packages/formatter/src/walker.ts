/**
 * Walks the AST and feeds the printer tokens, position hints and whitespace
 * requests. Layout decisions that depend on the source (blank lines, which
 * list elements start a new line, trailing commas) are made here from line
 * numbers, using Alloy's notion of where a node starts and ends.
 */
import type * as ast from '@alloy-lint/parser';
import { quote } from '@alloy-lint/gostd';
import type { SourceFile } from '@alloy-lint/parser';
import { Ws } from './layout.js';
import { LineLocator } from './lines.js';
import type { LastTok, Printer } from './printer.js';

/** Offset of the first byte of a node, as Alloy computes it (a loop: chains can be long). */
function startOf(n: ast.Stmt | ast.Expr): number {
  for (;;) {
    switch (n.kind) {
      case 'Attribute':
        return n.name.start;
      case 'Block':
        return n.nameSpan.start;
      case 'Access':
      case 'Index':
      case 'Call':
        n = n.value;
        break;
      case 'Unary':
        return n.opPos;
      case 'Binary':
        n = n.left;
        break;
      case 'Array':
        return n.lbrack;
      case 'Object':
        return n.lcurly;
      case 'Paren':
        return n.lparen;
      default:
        return n.start;
    }
  }
}

/**
 * Offset of the last byte of a node, as Alloy computes it. Alloy adds the
 * length of an identifier's or literal's text to its start; in a file that
 * parsed, that text is exactly the source bytes, so `end - 1` is the same.
 */
function endOf(n: ast.Stmt | ast.Expr): number {
  for (;;) {
    switch (n.kind) {
      case 'Attribute':
        n = n.value;
        break;
      case 'Block':
        return n.rcurly;
      case 'Identifier':
      case 'Literal':
        return n.end - 1;
      case 'Array':
        return n.rbrack;
      case 'Object':
        return n.rcurly;
      case 'Access':
        return n.name.end - 1;
      case 'Index':
        return n.rbrack;
      case 'Call':
        return n.rparen;
      case 'Unary':
        n = n.value;
        break;
      case 'Binary':
        n = n.right;
        break;
      case 'Paren':
        return n.rparen;
      default:
        return n.end - 1;
    }
  }
}

/**
 * Last byte of an object key as Alloy computes it: from the key's text, which
 * for a quoted key lacks the two one-byte quotes.
 */
function keyEnd(f: ast.ObjectField): number {
  return f.name.end - (f.quoted ? 3 : 1);
}

/** True when Go's `%q` of `s` is `s` between double quotes: plain printable ASCII. */
function quotesAsIs(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) return false;
  }
  return true;
}

const LIT_TOK: Record<ast.LiteralKind, LastTok> = {
  STRING: 'STRING',
  NUMBER: 'NUMBER',
  FLOAT: 'FLOAT',
  BOOL: 'BOOL',
  NULL: 'NULL',
};

export class Walker {
  private readonly lines: LineLocator;
  private readonly bytes: Uint8Array;

  constructor(
    private readonly p: Printer,
    src: SourceFile,
  ) {
    this.lines = new LineLocator(src);
    this.bytes = src.bytes;
  }

  /**
   * Prints `s`, the text of the source bytes [start, end) (possibly with
   * parts left out). When there are as many bytes as characters, nothing was
   * left out and all are ASCII: they are copied instead.
   */
  private spelled(s: string, start: number, end: number, kind: LastTok): void {
    if (end - start === s.length) this.p.copy(start, end, kind);
    else this.p.text(s, kind);
  }

  /** Prints `s`, the unquoted text of the string literal at source bytes [start, end), quoted. */
  private quoted(s: string, start: number, end: number): void {
    if (end - start === s.length + 2 && this.bytes[start] === 0x22 && quotesAsIs(s)) this.p.copy(start, end, 'STRING');
    else this.p.text(quotesAsIs(s) ? '"' + s + '"' : quote(s), 'STRING');
  }

  private line(offset: number): number {
    return this.lines.lineOf(offset);
  }

  private differentLines(a: number, b: number): boolean {
    return this.line(a) !== this.line(b);
  }

  private nodeLines(n: ast.Stmt | ast.Expr): number {
    return this.line(endOf(n)) - this.line(startOf(n)) + 1;
  }

  walkFile(f: ast.File): void {
    this.p.setComments(f.comments);
    this.walkStmts(f.body);
  }

  private walkStmts(ss: ast.Stmt[]): void {
    const p = this.p;
    let prevEndLine = 0;
    for (let i = 0; i < ss.length; i++) {
      const s = ss[i];
      const startLine = this.line(startOf(s));
      // A block always gets a blank line before it; anything else keeps one
      // if the source had one.
      if (i > 0 && (s.kind === 'Block' || startLine - prevEndLine > 1)) p.space(Ws.Formfeed);
      if (s.kind === 'Block') this.walkBlock(s);
      else this.walkAttribute(s);
      // A statement over several lines ends the alignment run.
      const endLine = this.line(endOf(s));
      p.space(endLine > startLine ? Ws.Formfeed : Ws.Newline);
      prevEndLine = endLine;
    }
  }

  private walkAttribute(s: ast.Attribute): void {
    const p = this.p;
    p.at(s.name.start);
    // Not spelled(): the parser gives an attribute name's end in UTF-16 units.
    p.text(s.name.name, 'IDENT');
    p.space(Ws.VTab);
    p.token('=');
    p.space(Ws.Blank);
    this.walkExpr(s.value);
  }

  private walkBlock(s: ast.Block): void {
    const p = this.p;
    p.at(s.nameSpan.start);
    this.spelled(s.fullName, s.nameSpan.start, s.nameSpan.end, 'IDENT');
    if (s.label !== '') {
      p.space(Ws.Blank);
      p.at(s.labelSpan!.start);
      this.quoted(s.label, s.labelSpan!.start, s.labelSpan!.end);
    }
    p.space(Ws.Blank);
    p.at(s.lcurly);
    p.token('{');
    p.space(Ws.Indent);
    if (s.body.length > 0) {
      p.space(Ws.Formfeed);
      this.walkStmts(s.body);
    } else {
      p.space(Ws.Blank);
    }
    p.space(Ws.Unindent);
    p.at(s.rcurly);
    p.token('}');
  }

  private walkExpr(e: ast.Expr): void {
    const p = this.p;
    switch (e.kind) {
      case 'Literal':
        p.at(e.start);
        this.spelled(e.raw, e.start, e.end, LIT_TOK[e.litKind]);
        break;
      case 'Array':
        this.walkArray(e);
        break;
      case 'Object':
        this.walkObject(e);
        break;
      case 'Identifier':
        p.at(e.start);
        this.spelled(e.name, e.start, e.end, 'IDENT');
        break;
      case 'Access':
        this.walkExpr(e.value);
        p.token('.');
        this.spelled(e.name.name, e.name.start, e.name.end, 'IDENT');
        break;
      case 'Index':
        this.walkExpr(e.value);
        p.at(e.lbrack);
        p.token('[');
        this.walkExpr(e.index);
        p.at(e.rbrack);
        p.token(']');
        break;
      case 'Call':
        this.walkCall(e);
        break;
      case 'Unary':
        p.at(e.opPos);
        p.token(e.op);
        this.walkExpr(e.value);
        break;
      case 'Binary':
        this.walkBinary(e);
        break;
      case 'Paren':
        p.token('(');
        this.walkExpr(e.inner);
        p.token(')');
        break;
      case 'Bad':
        break;
    }
  }

  /** `a + b + c`: the left spine is a loop, so a chain of any length prints without recursing. */
  private walkBinary(e: ast.BinaryExpr): void {
    const p = this.p;
    const spine: ast.BinaryExpr[] = [];
    let left: ast.Expr = e;
    for (; left.kind === 'Binary'; left = left.left) spine.push(left);
    this.walkExpr(left);
    for (let i = spine.length - 1; i >= 0; i--) {
      const b = spine[i];
      p.space(Ws.Blank);
      p.at(b.opPos);
      p.token(b.op, b.op === '/' ? 'DIV' : 'OP');
      p.space(Ws.Blank);
      this.walkExpr(b.right);
    }
  }

  private walkArray(e: ast.ArrayExpr): void {
    const p = this.p;
    p.at(e.lbrack);
    p.token('[');
    let prev = e.lbrack;
    const n = e.elements.length;
    for (let i = 0; i < n; i++) {
      const el = e.elements[i];
      let newline = false;
      if (this.differentLines(prev, startOf(el))) {
        // The indent is queued first: a comment flushed at the line break then gets it as well.
        p.space(Ws.Indent);
        p.space(Ws.Formfeed);
        newline = true;
      } else if (i > 0) {
        p.space(Ws.Blank);
      }
      prev = endOf(el);
      this.walkExpr(el);
      if (i + 1 < n) p.token(',');
      if (newline) p.space(Ws.Unindent);
    }
    if (n > 0 && this.differentLines(prev, e.rbrack)) {
      p.token(',');
      p.space(Ws.Indent);
      p.space(Ws.Formfeed);
      p.space(Ws.Unindent);
    }
    p.at(e.rbrack);
    p.token(']');
  }

  private walkObject(e: ast.ObjectExpr): void {
    const p = this.p;
    p.at(e.lcurly);
    p.token('{');
    p.space(Ws.Indent);
    let prev = e.lcurly;
    const n = e.fields.length;
    for (let i = 0; i < n; i++) {
      const f = e.fields[i];
      if (this.differentLines(prev, f.name.start)) {
        // Keep aligning `=` unless the previous value spanned several lines.
        p.space(i > 0 && this.nodeLines(e.fields[i - 1].value) === 1 ? Ws.Newline : Ws.Formfeed);
      } else if (i > 0) {
        p.space(Ws.Blank);
      }
      prev = keyEnd(f);
      p.at(f.name.start);
      if (f.quoted) this.quoted(f.name.name, f.name.start, f.name.end);
      else this.spelled(f.name.name, f.name.start, f.name.end, 'IDENT');
      p.space(Ws.VTab);
      p.token('=');
      p.space(Ws.Blank);
      this.walkExpr(f.value);
      if (i + 1 < n) p.token(',');
    }
    if (n > 0 && this.differentLines(prev, e.rcurly)) {
      p.token(',');
      p.space(Ws.Formfeed);
    }
    p.space(Ws.Unindent);
    p.at(e.rcurly);
    p.token('}');
  }

  private walkCall(e: ast.CallExpr): void {
    const p = this.p;
    this.walkExpr(e.value);
    p.token('(');
    let prev = e.lparen;
    const n = e.args.length;
    for (let i = 0; i < n; i++) {
      const arg = e.args[i];
      let newline = false;
      if (this.differentLines(prev, startOf(arg))) {
        p.space(Ws.Formfeed);
        p.space(Ws.Indent);
        newline = true;
      }
      this.walkExpr(arg);
      prev = endOf(arg);
      if (i + 1 < n) {
        p.token(',');
        p.space(Ws.Blank);
      }
      if (newline) p.space(Ws.Unindent);
    }
    // An empty call with `)` on a later line also gets the comma, as in Alloy.
    if (this.differentLines(prev, e.rparen)) {
      p.token(',');
      p.space(Ws.Formfeed);
    }
    p.token(')');
  }
}
