import type { Node } from '@alloy-lint/parser';
import { walk } from '@alloy-lint/parser';
import { type FoldingRange, FoldingRangeKind } from 'vscode-languageserver-types';
import type { DocContext } from '../context.js';

/** Blocks, multi-line lists and objects, and runs of comments fold; the closing line stays visible. */
export function foldingRanges(ctx: DocContext): FoldingRange[] {
  const src = ctx.source;
  const out: FoldingRange[] = [];
  const add = (open: number, close: number, kind?: FoldingRangeKind) => {
    const start = src.lineIndex(open);
    const end = src.lineIndex(close) - 1;
    if (end > start) out.push(kind ? { startLine: start, endLine: end, kind } : { startLine: start, endLine: end });
  };
  walk(ctx.ast, {
    enter(n: Node) {
      if (!('kind' in n)) return true;
      if (n.kind === 'Block') add(n.lcurly, n.rcurly);
      else if (n.kind === 'Array') add(n.lbrack, n.rbrack);
      else if (n.kind === 'Object') add(n.lcurly, n.rcurly);
      return true;
    },
  });
  for (const g of ctx.ast.comments) {
    if (g.length === 0) continue;
    const start = src.lineIndex(g[0].start);
    const end = src.lineIndex(Math.max(g[g.length - 1].end - 1, g[g.length - 1].start));
    if (end > start) out.push({ startLine: start, endLine: end, kind: FoldingRangeKind.Comment });
  }
  return out.sort((a, b) => a.startLine - b.startLine);
}
