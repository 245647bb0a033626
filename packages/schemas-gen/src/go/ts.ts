// Go parsing through web-tree-sitter and the tree-sitter-go grammar (wasm).
import { unquote } from '@alloy-lint/gostd';
import { createRequire } from 'node:module';
import { Language, Parser, type Node } from 'web-tree-sitter';

export type { Node } from 'web-tree-sitter';

let parser: Parser | null = null;

/** Initialises the wasm runtime and the Go grammar once. */
export async function initGoParser(): Promise<void> {
  if (parser) return;
  const require = createRequire(import.meta.url);
  await Parser.init();
  const lang = await Language.load(require.resolve('tree-sitter-go/tree-sitter-go.wasm'));
  parser = new Parser();
  parser.setLanguage(lang);
}

/** Parses Go source; initGoParser() must have been awaited. */
export function parseGo(text: string): Node {
  if (!parser) throw new Error('initGoParser() was not awaited');
  const tree = parser.parse(text);
  if (!tree) throw new Error('tree-sitter returned no tree');
  return tree.rootNode;
}

export function field(n: Node | null | undefined, name: string): Node | null {
  return n ? n.childForFieldName(name) : null;
}

export function fields(n: Node, name: string): Node[] {
  return n.childrenForFieldName(name).filter((c): c is Node => c !== null);
}

export function named(n: Node | null | undefined): Node[] {
  return n ? n.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment') : [];
}

export function childOfType(n: Node | null | undefined, type: string): Node | null {
  return named(n).find((c) => c.type === type) ?? null;
}

/** The value of a Go string literal node (interpreted or raw). */
export function stringLit(n: Node): string | undefined {
  if (n.type === 'raw_string_literal') return n.text.slice(1, -1);
  if (n.type !== 'interpreted_string_literal') return undefined;
  try {
    return unquote(n.text);
  } catch {
    return n.text.slice(1, -1);
  }
}
