import type { Block, Stmt } from '@alloy-lint/parser';
import { diag } from '../diagnostic.js';
import type { Rule } from './types.js';

const isEmptyList = (s: Stmt | undefined) => s?.kind === 'Attribute' && s.value.kind === 'Array' && s.value.elements.length === 0;

/** Data that is produced and then sent nowhere. */
export const emptyForwardTo: Rule = {
  id: 'empty-forward-to',
  severity: 'warning',
  description: 'A component whose forward_to (or otelcol output block) sends data nowhere.',
  check(ctx) {
    for (const node of ctx.graph.nodes) {
      if (node.kind !== 'component' || node.custom) continue;
      const b = node.block;
      const fwd = b.body.find((s) => s.kind === 'Attribute' && s.name.name === 'forward_to');
      if (fwd && isEmptyList(fwd)) {
        ctx.report(diag(node.file, '', `forward_to of ${node.id} is empty: its data goes nowhere`, fwd.start, fwd.end - 1));
      }
      if (node.name.startsWith('otelcol.')) {
        const out = b.body.find((s): s is Block => s.kind === 'Block' && s.name.join('.') === 'output');
        if (out && out.body.every((s) => isEmptyList(s))) {
          ctx.report(diag(node.file, '', `the output block of ${node.id} sends nothing anywhere`, out.start, out.lcurly));
        }
      }
    }
  },
};
