// Prints an expression node the way Alloy's printer does; used for the node
// text that prefixes evaluation errors (`[1, 2][5] index 5 is out of range…`).

import { byteLength, quote } from '@alloy-lint/gostd';
import type { Expr } from '@alloy-lint/parser';

/** Maps a byte offset to its 1-based line; without it everything prints on one line. */
export type LineOf = (offset: number) => number;

export function printExpr(e: Expr, lineOf?: LineOf): string {
  return new ExprPrinter(lineOf).expr(e, 0);
}

class ExprPrinter {
  constructor(private readonly lineOf?: LineOf) {}

  private differentLines(a: number, b: number): boolean {
    return this.lineOf !== undefined && this.lineOf(a) !== this.lineOf(b);
  }

  private nl(indent: number): string {
    return '\n' + '\t'.repeat(indent);
  }

  expr(e: Expr, indent: number): string {
    switch (e.kind) {
      case 'Literal':
        return e.raw;
      case 'Identifier':
        return e.name;
      case 'Access':
        return this.expr(e.value, indent) + '.' + e.name.name;
      case 'Index':
        return this.expr(e.value, indent) + '[' + this.expr(e.index, indent) + ']';
      case 'Unary':
        return e.op + this.expr(e.value, indent);
      case 'Binary': {
        // The left spine of `a + b + c` is a loop: a chain of any length prints.
        const spine: Extract<Expr, { kind: 'Binary' }>[] = [];
        let left: Expr = e;
        for (; left.kind === 'Binary'; left = left.left) spine.push(left);
        let out = this.expr(left, indent);
        for (let i = spine.length - 1; i >= 0; i--) out += ' ' + spine[i].op + ' ' + this.expr(spine[i].right, indent);
        return out;
      }
      case 'Paren':
        return '(' + this.expr(e.inner, indent) + ')';
      case 'Array':
        return this.array(e, indent);
      case 'Object':
        return this.object(e, indent);
      case 'Call':
        return this.call(e, indent);
      default:
        return '';
    }
  }

  private array(e: Extract<Expr, { kind: 'Array' }>, indent: number): string {
    let out = '[';
    let prev = e.lbrack;
    e.elements.forEach((el, i) => {
      let inner = indent;
      if (this.differentLines(prev, el.start)) {
        inner = indent + 1;
        out += this.nl(inner);
      } else if (i > 0) out += ' ';
      prev = el.end;
      out += this.expr(el, inner);
      if (i + 1 < e.elements.length) out += ',';
    });
    if (e.elements.length > 0 && this.differentLines(prev, e.rbrack)) out += ',' + this.nl(indent);
    return out + ']';
  }

  private object(e: Extract<Expr, { kind: 'Object' }>, indent: number): string {
    const inner = indent + 1;
    const keys = e.fields.map((f) => (f.quoted ? quote(f.name.name) : f.name.name));
    // Fields on their own lines align their `=` while the previous value is single-line.
    const pad: number[] = keys.map(() => 0);
    let runStart = -1;
    const flush = (end: number) => {
      if (runStart < 0) return;
      let w = 0;
      for (let j = runStart; j < end; j++) w = Math.max(w, byteLength(keys[j]));
      for (let j = runStart; j < end; j++) pad[j] = w - byteLength(keys[j]);
      runStart = -1;
    };
    let prev = e.lcurly;
    e.fields.forEach((f, i) => {
      const ownLine = this.differentLines(prev, f.name.start);
      const prevSingle = i === 0 || !this.differentLines(e.fields[i - 1].value.start, e.fields[i - 1].value.end);
      if (!ownLine || !prevSingle) flush(i);
      if (ownLine && runStart < 0) runStart = i;
      prev = f.name.end;
    });
    flush(e.fields.length);

    let out = '{';
    prev = e.lcurly;
    e.fields.forEach((f, i) => {
      if (this.differentLines(prev, f.name.start)) out += this.nl(inner);
      else if (i > 0) out += ' ';
      prev = f.name.end;
      out += keys[i] + ' '.repeat(pad[i]) + ' = ' + this.expr(f.value, inner);
      if (i + 1 < e.fields.length) out += ',';
    });
    if (e.fields.length > 0 && this.differentLines(prev, e.rcurly)) out += ',' + this.nl(indent);
    return out + '}';
  }

  private call(e: Extract<Expr, { kind: 'Call' }>, indent: number): string {
    let out = this.expr(e.value, indent) + '(';
    let prev = e.lparen;
    e.args.forEach((a, i) => {
      let inner = indent;
      if (this.differentLines(prev, a.start)) {
        inner = indent + 1;
        if (out.endsWith(' ')) out = out.slice(0, -1);
        out += this.nl(inner);
      }
      out += this.expr(a, inner);
      prev = a.end;
      if (i + 1 < e.args.length) out += ', ';
    });
    if (this.differentLines(prev, e.rparen)) out += ',' + this.nl(indent);
    return out + ')';
  }
}
