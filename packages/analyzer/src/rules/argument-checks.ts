import type { Rule } from './types.js';

/**
 * The checks Alloy runs on a component's arguments when it loads it (not in `alloy validate`).
 * They run inside the type checker's walk (`applyArgumentRules`), on the rules the catalog
 * attaches to each block body; this entry gives the rule its id, severity and docs.
 */
export const argumentChecks: Rule = {
  id: 'argument-check',
  severity: 'error',
  description: "Alloy's own argument checks (mutually exclusive settings, required combinations, ranges, allowed values), run on literal values.",
  check() {},
};
