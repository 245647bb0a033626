import { diag } from '../diagnostic.js';
import { componentsWithExports, isReceiverType, referencedIds } from './exports.js';
import type { Rule } from './types.js';

/** A source or discovery component whose exports nobody reads. */
export const unusedOutput: Rule = {
  id: 'unused-output',
  severity: 'warning',
  description: 'A component whose exports (targets, content, ...) are never referenced, so its work is wasted.',
  check(ctx) {
    const used = referencedIds(ctx.graph);
    for (const { node, exports } of componentsWithExports(ctx.graph, ctx.catalog)) {
      if (used.has(node.id) || exports.some(isReceiverType)) continue;
      const names = ctx.catalog.component(node.name)!.exports.map((e) => e.name).join(', ');
      ctx.report(diag(node.file, '', `the exports of ${node.id} (${names}) are never used`, node.block.start, node.block.nameSpan.end - 1));
    }
  },
};
