import type { Position, SelectionRange } from 'vscode-languageserver-types';
import type { DocContext } from '../context.js';
import { nodesAt } from '../locate.js';

/** From the innermost node at each position outwards: name, value, statement, block, file. */
export function selectionRanges(ctx: DocContext, positions: Position[]): SelectionRange[] {
  return positions.map((p) => {
    const offset = ctx.offset(p);
    let sel: SelectionRange | undefined;
    let last = '';
    for (const n of nodesAt(ctx.ast, offset)) {
      const start = 'kind' in n && n.kind === 'File' ? 0 : n.start;
      const end = 'kind' in n && n.kind === 'File' ? ctx.source.bytes.length : n.end;
      const k = `${start}:${end}`;
      if (k === last) continue;
      last = k;
      sel = { range: ctx.range(start, end), parent: sel };
    }
    return sel ?? { range: ctx.range(offset, offset) };
  });
}
