// prometheus.relabel: metrics are not simulated, but its rules are compiled (so mistakes
// show) and exported, since Loki and discovery components may use them as relabel_rules.

import { handle } from '../value-js.js';
import type { SimContext, Simulator } from './api.js';
import { compileBlocks, rulesValue } from './rules.js';

export function prometheusRelabel(ctx: SimContext): Simulator {
  const rules = compileBlocks(ctx, ctx.blocks('rule'));
  ctx.warn('metrics are not simulated; its rules are compiled and exported');
  return { exports: { receiver: handle('storage.Appendable', { id: ctx.id }), rules: rulesValue(rules) } };
}
