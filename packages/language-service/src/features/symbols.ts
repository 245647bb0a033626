import type { Block, Stmt } from '@alloy-lint/parser';
import { type DocumentSymbol, SymbolKind, type WorkspaceSymbol } from 'vscode-languageserver-types';
import type { DocContext } from '../context.js';

function kindOf(b: Block, depth: number): SymbolKind {
  if (b.fullName === 'declare') return SymbolKind.Class;
  if (b.fullName === 'argument') return SymbolKind.Variable;
  if (b.fullName === 'export') return SymbolKind.Property;
  if (b.fullName.startsWith('import.')) return SymbolKind.Namespace;
  return depth === 0 || b.label ? SymbolKind.Module : SymbolKind.Struct;
}

/** Blocks as an outline (labels in the name, nested blocks as children); attributes are left out. */
export function documentSymbols(ctx: DocContext): DocumentSymbol[] {
  const walk = (body: Stmt[], depth: number): DocumentSymbol[] =>
    body.flatMap((s) => {
      if (s.kind !== 'Block') return [];
      const sel = s.labelSpan ?? s.nameSpan;
      return [
        {
          name: s.label ? `${s.fullName} "${s.label}"` : s.fullName,
          kind: kindOf(s, depth),
          range: ctx.range(s.start, s.end),
          selectionRange: ctx.range(sel.start, sel.end),
          children: depth < 64 ? walk(s.body, depth + 1) : [],
        },
      ];
    });
  return walk(ctx.ast.body, 0);
}

/** Labelled blocks of every open or configured document whose name matches `query` (subsequence, case-insensitive). */
export function workspaceSymbols(docs: DocContext[], query: string): WorkspaceSymbol[] {
  const q = query.toLowerCase();
  const matches = (s: string) => {
    let i = 0;
    for (const c of s.toLowerCase()) if (c === q[i]) i++;
    return i === q.length;
  };
  const out: WorkspaceSymbol[] = [];
  for (const ctx of docs) {
    const walk = (body: Stmt[], depth: number, container?: string) => {
      for (const s of body) {
        if (s.kind !== 'Block' || depth > 64) continue;
        const name = s.label ? `${s.fullName}.${s.label}` : s.fullName;
        if ((s.label || depth === 0) && matches(name)) {
          out.push({ name, kind: kindOf(s, depth), location: { uri: ctx.uri, range: ctx.range(s.start, s.end) }, containerName: container });
        }
        if (s.fullName === 'declare' || s.fullName === 'foreach' || s.fullName === 'template') walk(s.body, depth + 1, name);
      }
    };
    walk(ctx.ast.body, 0);
  }
  return out;
}
