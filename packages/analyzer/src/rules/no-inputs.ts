import { diag } from '../diagnostic.js';
import { componentsWithExports, isReceiverType, referencedIds } from './exports.js';
import type { Rule } from './types.js';

/** A writer, processor or exporter that nothing sends data to. */
export const noInputs: Rule = {
  id: 'no-inputs',
  severity: 'warning',
  description: 'A component that receives data (it exports a receiver or input) but nothing forwards to it.',
  check(ctx) {
    const used = referencedIds(ctx.graph);
    for (const { node, exports } of componentsWithExports(ctx.graph, ctx.catalog)) {
      if (used.has(node.id) || !exports.some(isReceiverType)) continue;
      const d = diag(node.file, '', `nothing forwards to ${node.id}: no component references its ${exportNames(ctx, node.name)}`, node.block.start, node.block.nameSpan.end - 1);
      ctx.report(d);
    }
  },
};

function exportNames(ctx: Parameters<Rule['check']>[0], name: string): string {
  const names = ctx.catalog.component(name)?.exports.filter((e) => isReceiverType(e.type)).map((e) => e.name) ?? [];
  return names.join(' or ');
}
