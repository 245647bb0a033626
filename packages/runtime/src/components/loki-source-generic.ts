// Push-style and other Loki entry points (loki.source.api, syslog, journal, kafka, ...):
// the samples give their entries directly; `labels` and `relabel_rules` apply when the
// component has them, and internal `__` labels are dropped before sending.

import { labelsOf } from '../value-js.js';
import type { SimContext, Simulator } from './api.js';
import { componentEntries, hasSamples, makeEntry, publicLabels, send } from './loki-source-common.js';
import { applyRules, rulesOf } from './rules.js';

export function lokiSourceGeneric(ctx: SimContext): Simulator {
  const fwd = ctx.attr('forward_to');
  const to = ctx.flow.receiversOf(fwd);
  const extra = ctx.attr('labels');
  const defaults = extra ? labelsOf(extra, 'labels') : {};
  const rules = rulesOf(ctx.attr('relabel_rules'));
  return {
    exports: {},
    emit() {
      if (!hasSamples(ctx)) {
        ctx.warn(`no entries in the samples (add logs."${ctx.id}")`);
        return;
      }
      for (const e of componentEntries(ctx)) {
        const base = { ...defaults, ...(e.labels ?? {}) };
        const r = rules.length ? applyRules(rules, base, false).result : base;
        if (!r) continue;
        send(ctx, to, makeEntry(e, publicLabels(r), ctx.host.now()));
      }
    },
  };
}
