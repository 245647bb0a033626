import { componentsWithExports, isReceiverType, referencedIds } from './exports.js';
import type { Rule } from './types.js';

/** A writer, processor or exporter that nothing sends data to. */
export const noInputs: Rule = {
  id: 'no-inputs',
  severity: 'warning',
  origin: 'lint',
  refusedByAlloy: false,
  description: 'A component that receives data (it exports a receiver or input) but nothing forwards to it.',
  docs: 'A `loki.write`, `prometheus.remote_write` or `otelcol` processor/exporter that no `forward_to` or `output` block names never gets data. Not reported next to a component Alloy refuses (the missing link is usually that error).',
  checks: {
    config({ graph, troubled }, ctx) {
      const used = referencedIds(graph);
      for (const { node, exports } of componentsWithExports(graph, ctx.catalog)) {
        if (used.has(node.id) || troubled(node.id)) continue;
        const names = exports.filter((e) => isReceiverType(e.type)).map((e) => e.name);
        if (names.length === 0) continue;
        ctx.report({
          file: node.file,
          start: node.block.start,
          end: node.block.nameSpan.end,
          message: `nothing forwards to ${node.id}: no component references its ${names.join(' or ')}`,
        });
      }
    },
  },
};
