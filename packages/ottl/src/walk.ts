// Visits every node of an OTTL tree, depth first, without recursion limits mattering: the parser
// rejects nesting deeper than MAX_NESTING before a tree exists.
import type * as A from './ast.js';

export interface Visitor {
  value?(v: A.Value, parent: A.Value | A.Key | A.BoolExpr | A.Statement | undefined): void;
  bool?(b: A.BoolExpr): void;
}

export function walkValue(v: A.Value, visit: Visitor, parent?: A.Value | A.Key | A.BoolExpr | A.Statement): void {
  visit.value?.(v, parent);
  switch (v.kind) {
    case 'Path':
      for (const f of v.fields) for (const k of f.keys) walkValue(k.value, visit, k);
      break;
    case 'Call':
      for (const a of v.args) walkValue(a.value, visit, v);
      for (const k of v.keys) walkValue(k.value, visit, k);
      break;
    case 'List':
      for (const i of v.items) walkValue(i, visit, v);
      break;
    case 'Map':
      for (const e of v.entries) walkValue(e.value, visit, v);
      break;
    case 'Math':
      walkValue(v.left, visit, v);
      walkValue(v.right, visit, v);
      break;
    case 'Paren':
      walkValue(v.inner, visit, v);
      break;
    case 'Comprehension':
      walkValue(v.yield, visit, v);
      walkValue(v.list, visit, v);
      if (v.cond) walkBool(v.cond, visit);
      break;
  }
}

export function walkBool(b: A.BoolExpr, visit: Visitor): void {
  visit.bool?.(b);
  switch (b.kind) {
    case 'Or':
    case 'And':
      for (const i of b.items) walkBool(i, visit);
      break;
    case 'Not':
      walkBool(b.expr, visit);
      break;
    case 'Compare':
      walkValue(b.left, visit, b);
      walkValue(b.right, visit, b);
      break;
    case 'Const':
      walkValue(b.value, visit, b);
      break;
  }
}

export function walkStatement(s: A.Statement, visit: Visitor): void {
  walkValue(s.editor, visit, s);
  if (s.where) walkBool(s.where, visit);
}
