import type { Block, Stmt } from '@alloy-lint/parser';
import type { Rule } from './types.js';

const isEmptyList = (s: Stmt | undefined) => s?.kind === 'Attribute' && s.value.kind === 'Array' && s.value.elements.length === 0;

/** Data that is produced and then sent nowhere. */
export const emptyForwardTo: Rule = {
  id: 'empty-forward-to',
  severity: 'warning',
  origin: 'lint',
  refusedByAlloy: false,
  description: 'A component whose forward_to (or otelcol output block) sends data nowhere.',
  docs: 'Alloy accepts `forward_to = []`, but the component then reads, scrapes or receives data only to drop it. Point it at a receiver or remove the component.',
  checks: {
    component({ file, node, spec }, ctx) {
      if (!spec) return;
      const b = node.block;
      const fwd = b.body.find((s) => s.kind === 'Attribute' && s.name.name === 'forward_to');
      if (fwd && isEmptyList(fwd)) {
        ctx.report({ file, start: fwd.start, end: fwd.end, message: `forward_to of ${node.id} is empty: its data goes nowhere` });
      }
      if (node.name.startsWith('otelcol.')) {
        const out = b.body.find((s): s is Block => s.kind === 'Block' && s.fullName === 'output');
        if (out && out.body.every((s) => isEmptyList(s))) {
          ctx.report({ file, start: out.start, end: out.lcurly + 1, message: `the output block of ${node.id} sends nothing anywhere` });
        }
      }
    },
  },
};
