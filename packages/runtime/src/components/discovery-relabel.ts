// discovery.relabel: every rule applied to every target; dropped targets leave the output.

import type { TargetTrace } from '../report.js';
import type { Labels } from '../samples.js';
import { targetsOf, targetsValue } from '../value-js.js';
import type { SimContext, Simulator } from './api.js';
import { applyRules, compileBlocks, rulesValue } from './rules.js';

export function discoveryRelabel(ctx: SimContext): Simulator {
  const input = targetsOf(ctx.required('targets'), 'targets');
  const rules = compileBlocks(ctx, ctx.blocks('rule'));
  const output: Labels[] = [];
  const traces: TargetTrace[] = [];
  for (const t of input) {
    const r = applyRules(rules, t, ctx.tracing);
    if (r.result && Object.keys(r.result).length > 0) output.push(r.result);
    if (ctx.tracing) traces.push({ input: t, steps: r.steps ?? [], output: r.result && Object.keys(r.result).length ? r.result : null });
  }
  return {
    exports: { output: targetsValue(output), rules: rulesValue(rules) },
    targets: () => ({ component: ctx.id, targets: output, ...(ctx.tracing ? { traces } : {}) }),
  };
}
