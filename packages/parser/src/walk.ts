import type * as ast from './ast.js';

export interface Visitor {
  /** Return false to skip the node's children. */
  enter?(node: ast.Node, parent: ast.Node | undefined): boolean | void;
  leave?(node: ast.Node, parent: ast.Node | undefined): void;
}

/** Visits `node` and its descendants in source order. */
export function walk(node: ast.Node, visitor: Visitor, parent?: ast.Node): void {
  if (visitor.enter?.(node, parent) === false) return;
  for (const child of children(node)) walk(child, visitor, node);
  visitor.leave?.(node, parent);
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
