import type { Expr, Ident, Stmt } from '@alloy-lint/parser';

/** A chain of identifiers joined by `.`: `loki.write.default.receiver`. */
export type Traversal = Ident[];

export const traversalText = (t: Traversal) => t.map((i) => i.name).join('.');

/**
 * Collects every maximal identifier-and-field chain in a body, the way Alloy
 * finds references: chains stop at an index or a call, whose parts are
 * searched separately.
 */
export function traversalsFromBody(body: Stmt[]): Traversal[] {
  const w = shared;
  w.out = [];
  for (const s of body) w.stmt(s);
  w.flush();
  const out = w.out;
  w.out = [];
  return out;
}

export function traversalsFromExpr(e: Expr): Traversal[] {
  const w = new Walker();
  w.expr(e);
  w.flush();
  return w.out;
}

class Walker {
  out: Traversal[] = [];
  private building = false;
  private current: Traversal = [];

  flush(): void {
    if (this.building && this.current.length > 0) this.out.push(this.current);
    this.building = false;
    this.current = [];
  }

  stmt(s: Stmt): void {
    if (s.kind === 'Attribute') this.expr(s.value);
    else for (const c of s.body) this.stmt(c);
  }

  expr(e: Expr): void {
    switch (e.kind) {
      case 'Identifier':
        this.flush();
        this.building = true;
        this.current = [e];
        return;
      case 'Access':
        this.expr(e.value);
        if (this.building) this.current.push(e.name);
        return;
      case 'Index':
        this.expr(e.value);
        this.flush();
        this.expr(e.index);
        return;
      case 'Call':
        this.expr(e.value);
        this.flush();
        for (const a of e.args) this.expr(a);
        return;
      case 'Array':
        for (const x of e.elements) this.expr(x);
        return;
      case 'Object':
        for (const f of e.fields) this.expr(f.value);
        return;
      case 'Unary':
        this.expr(e.value);
        return;
      case 'Binary':
        this.expr(e.left);
        this.expr(e.right);
        return;
      case 'Paren':
        this.expr(e.inner);
        return;
      default:
        return;
    }
  }
}

const shared = new Walker();
