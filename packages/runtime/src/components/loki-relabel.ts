// loki.relabel: rules applied to each entry's labels; an entry left without labels is dropped.

import { view } from '../flow.js';
import type { SimContext, Simulator } from './api.js';
import { applyRules, compileBlocks, rulesValue } from './rules.js';

export function lokiRelabel(ctx: SimContext): Simulator {
  const to = ctx.flow.receiversOf(ctx.required('forward_to'));
  const rules = compileBlocks(ctx, ctx.blocks('rule'));
  const receiver = ctx.flow.receiver(ctx.id, (fe) => {
    const before = fe.steps ? view(fe.entry) : undefined;
    const r = applyRules(rules, fe.entry.labels, ctx.tracing);
    const extra = r.steps ? { rules: r.steps } : {};
    if (!r.result || Object.keys(r.result).length === 0) {
      const last = r.steps?.find((s) => s.after === null);
      const reason = last ? `dropped by rule ${last.rule + 1} (action ${last.action})` : 'no labels left after relabeling';
      ctx.flow.step(fe, ctx.id, before, { ...extra, note: reason }, true);
      ctx.flow.end(fe, 'dropped', ctx.id, reason);
      return;
    }
    fe.entry.labels = r.result;
    ctx.flow.step(fe, ctx.id, before, extra);
    ctx.flow.forward(ctx.id, to, fe);
  });
  return { exports: { receiver, rules: rulesValue(rules) } };
}
