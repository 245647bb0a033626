import type { Attribute, Block, Comment, Expr, File, Ident, Node, Stmt } from '@alloy-lint/parser';
import { walk } from '@alloy-lint/parser';

/** Blocks whose body holds `offset`, outermost first. */
export function blocksAt(file: File, offset: number): Block[] {
  const out: Block[] = [];
  let body: Stmt[] = file.body;
  for (;;) {
    const b = body.find((s): s is Block => s.kind === 'Block' && offset > s.lcurly && offset <= s.rcurly);
    if (!b) return out;
    out.push(b);
    body = b.body;
  }
}

/** The statement of `body` that holds `offset` (its end included). */
export function stmtAt(body: Stmt[], offset: number): Stmt | undefined {
  return body.find((s) => offset >= s.start && offset <= s.end);
}

/** Nodes holding `offset` (end included), outermost first. */
export function nodesAt(file: File, offset: number): Node[] {
  const out: Node[] = [];
  walk(file, {
    enter(n) {
      if (!('kind' in n && n.kind === 'File') && (offset < n.start || offset > n.end)) return false;
      out.push(n);
      return true;
    },
  });
  return out;
}

export function commentAt(file: File, offset: number): Comment | undefined {
  for (const g of file.comments) for (const c of g) if (offset > c.start && offset < c.end) return c;
  for (const g of file.comments) for (const c of g) if (offset > c.start && offset <= c.end && c.text.startsWith('//')) return c;
  return undefined;
}

/** The identifiers of a plain `a.b.c` chain, or undefined for anything else. */
export function chainIdents(e: Expr): Ident[] | undefined {
  const out: Ident[] = [];
  let cur: Expr = e;
  while (cur.kind === 'Access') {
    out.unshift(cur.name);
    cur = cur.value;
  }
  if (cur.kind !== 'Identifier') return undefined;
  out.unshift({ name: cur.name, start: cur.start, end: cur.end });
  return out;
}

/** The outermost plain chain (`a.b.c`) holding `offset`, with the identifiers it is made of. */
export function chainAt(nodes: Node[]): { expr: Expr; idents: Ident[] } | undefined {
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i];
    if (!('kind' in n) || (n.kind !== 'Access' && n.kind !== 'Identifier')) continue;
    const idents = chainIdents(n);
    if (idents) return { expr: n, idents };
  }
  return undefined;
}

/** The attribute of the innermost body that holds `offset` in its value. */
export function attributeAt(blocks: Block[], file: File, offset: number): Attribute | undefined {
  const body = blocks.length ? blocks[blocks.length - 1].body : file.body;
  const s = body.find((x): x is Attribute => x.kind === 'Attribute' && offset > x.name.end && offset <= Math.max(x.end, x.value.end));
  return s;
}

/** A block's label as written between the quotes. */
export function labelInner(b: Block): { start: number; end: number } | undefined {
  return b.labelSpan ? { start: b.labelSpan.start + 1, end: b.labelSpan.end - 1 } : undefined;
}
