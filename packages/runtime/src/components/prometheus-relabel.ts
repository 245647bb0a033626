// prometheus.relabel: its rules applied to every sample's labels (`__name__` included);
// a sample left without labels is dropped. The rules are exported too, since Loki and
// discovery components may use them as relabel_rules.

import type { PromSample } from '../prom/series.js';
import type { SimContext, Simulator } from './api.js';
import { applyRules, compileBlocks, rulesValue } from './rules.js';

export function prometheusRelabel(ctx: SimContext): Simulator {
  const rules = compileBlocks(ctx, ctx.blocks('rule'));
  const to = ctx.flow.otel.appendRefs(ctx.required('forward_to'));
  const receiver = ctx.flow.otel.appendable(ctx.id, (b, depth) => {
    ctx.flow.otel.stepSamples(ctx.id, b, () => {
      const notes = new Map<PromSample, { note?: string; rules?: unknown[] }>();
      const kept: PromSample[] = [];
      for (const s of b.samples) {
        const r = applyRules(rules, s.labels, ctx.flow.otel.tracing && !!s._j);
        if (!r.result || Object.keys(r.result).length === 0) {
          const last = r.steps?.find((x) => x.after === null);
          notes.set(s, { note: last ? `dropped by rule ${last.rule + 1} (action ${last.action})` : 'no labels left after relabeling', rules: r.steps });
          continue;
        }
        s.labels = r.result;
        if (r.steps) notes.set(s, { rules: r.steps });
        kept.push(s);
      }
      b.samples = kept;
      return notes;
    });
    ctx.flow.otel.append(ctx.id, to, b, depth);
  });
  return { exports: { receiver, rules: rulesValue(rules) } };
}
