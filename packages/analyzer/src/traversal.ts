import type { Expr, Ident, Stmt } from '@alloy-lint/parser';

/** A chain of identifiers joined by `.`: `loki.write.default.receiver`. */
export type Traversal = Ident[];

export const traversalText = (t: Traversal, count = t.length) => {
  let s = t[0].name;
  for (let i = 1; i < count; i++) s += '.' + t[i].name;
  return s;
};

/**
 * Collects every maximal identifier-and-field chain in a body, the way Alloy
 * finds references: chains stop at an index or a call, whose parts are
 * searched separately.
 */
export function traversalsFromBody(body: Stmt[]): Traversal[] {
  const out: Traversal[] = [];
  forEachTraversal(body, (t, n) => out.push(t.slice(0, n)));
  return out;
}

export function traversalsFromExpr(e: Expr): Traversal[] {
  const out: Traversal[] = [];
  const w = new Walker((t, n) => out.push(t.slice(0, n)));
  w.expr(e);
  w.flush();
  return out;
}

/**
 * Calls `visit` for each traversal of a body with a scratch array and its length; the
 * array is reused, so copy what must outlive the call.
 */
export function forEachTraversal(body: Stmt[], visit: (t: Ident[], count: number) => void): void {
  const w = new Walker(visit);
  for (const s of body) w.stmt(s);
  w.flush();
}

class Walker {
  private building = false;
  private readonly current: Ident[] = [];
  private count = 0;

  constructor(private readonly visit: (t: Ident[], count: number) => void) {}

  flush(): void {
    if (this.building && this.count > 0) this.visit(this.current, this.count);
    this.building = false;
    this.count = 0;
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
        this.current[0] = e;
        this.count = 1;
        return;
      case 'Access':
        this.expr(e.value);
        if (this.building) this.current[this.count++] = e.name;
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
      case 'Binary': {
        // The left spine of `a + b + c` is a loop: a chain of any length is walked.
        const spine: Expr[] = [];
        let left: Expr = e;
        for (; left.kind === 'Binary'; left = left.left) spine.push(left.right);
        this.expr(left);
        for (let i = spine.length - 1; i >= 0; i--) this.expr(spine[i]);
        return;
      }
      case 'Paren':
        this.expr(e.inner);
        return;
      default:
        return;
    }
  }
}
