import { applyArgumentRules } from '../argument-rules.js';
import type { Rule } from './types.js';

/** Alloy's load-time argument checks, on the rules the catalog attaches to each block body. */
export const argumentChecks: Rule = {
  id: 'argument-check',
  severity: 'error',
  origin: 'alloy',
  refusedByAlloy: true,
  description: "Alloy's own checks on a component's arguments (mutually exclusive settings, required combinations, ranges, allowed values), run on literal values.",
  docs: 'The checks a component runs when Alloy loads it (not in `alloy validate`), with Alloy\'s message: a relabel `replace` without `target_label`, `password` together with `password_file`, a batch size of 0 ...',
  checks: {
    block(node, ctx) {
      if (node.spec.argRules) applyArgumentRules(node.file, node.block, node.spec, ctx.report);
    },
  },
};
