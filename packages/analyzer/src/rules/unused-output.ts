import { componentsWithExports, isReceiverType, referencedIds } from './exports.js';
import type { Rule } from './types.js';

/** A source or discovery component whose exports nobody reads. */
export const unusedOutput: Rule = {
  id: 'unused-output',
  severity: 'warning',
  origin: 'lint',
  refusedByAlloy: false,
  description: 'A component whose exports (targets, content, ...) are never referenced, so its work is wasted.',
  docs: 'A discovery or source component whose exports nothing reads still runs. Reference its exports or remove it. Not reported next to a component Alloy refuses.',
  checks: {
    config({ graph, troubled }, ctx) {
      const used = referencedIds(graph);
      for (const { node, exports } of componentsWithExports(graph, ctx.catalog)) {
        if (used.has(node.id) || troubled(node.id) || exports.some((e) => isReceiverType(e.type))) continue;
        const names = exports.map((e) => e.name).join(', ');
        ctx.report({ file: node.file, start: node.block.start, end: node.block.nameSpan.end, message: `the exports of ${node.id} (${names}) are never used` });
      }
    },
  },
};
