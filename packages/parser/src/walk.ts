import type * as ast from './ast.js';

export interface Visitor {
  /** Return false to skip the node's children. */
  enter?(node: ast.Node, parent: ast.Node | undefined): boolean | void;
  leave?(node: ast.Node, parent: ast.Node | undefined): void;
}

interface Frame {
  node: ast.Node;
  parent: ast.Node | undefined;
  /** The node's children once it has been entered. */
  kids: ast.Node[] | undefined;
  next: number;
}

/**
 * Visits `node` and its descendants in source order. Iterative (an explicit stack), so a
 * tree of any depth (a 100,000-term `a + b + …` chain) is walked without recursion.
 */
export function walk(node: ast.Node, visitor: Visitor, parent?: ast.Node): void {
  const stack: Frame[] = [{ node, parent, kids: undefined, next: 0 }];
  while (stack.length > 0) {
    const f = stack[stack.length - 1];
    if (f.kids === undefined) {
      if (visitor.enter?.(f.node, f.parent) === false) {
        stack.pop();
        continue;
      }
      f.kids = children(f.node);
    }
    if (f.next < f.kids.length) {
      stack.push({ node: f.kids[f.next++], parent: f.node, kids: undefined, next: 0 });
      continue;
    }
    visitor.leave?.(f.node, f.parent);
    stack.pop();
  }
}

export function children(node: ast.Node): ast.Node[] {
  if (!('kind' in node)) {
    // Ident or ObjectField
    return 'value' in node ? [node.name, node.value] : [];
  }
  switch (node.kind) {
    case 'File': return node.body;
    case 'Block': return node.body;
    case 'Attribute': return [node.name, node.value];
    case 'Array': return node.elements;
    case 'Object': return node.fields;
    case 'Access': return [node.value, node.name];
    case 'Index': return [node.value, node.index];
    case 'Call': return [node.value, ...node.args];
    case 'Unary': return [node.value];
    case 'Binary': return [node.left, node.right];
    case 'Paren': return [node.inner];
    default: return [];
  }
}
