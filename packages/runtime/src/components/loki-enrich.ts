// loki.enrich: copies labels from the discovered target whose match label equals the entry's.

import { view } from '../flow.js';
import type { Labels } from '../samples.js';
import { stringList, targetsOf, text } from '../value-js.js';
import type { SimContext, Simulator } from './api.js';

export function lokiEnrich(ctx: SimContext): Simulator {
  const targets = targetsOf(ctx.required('targets'), 'targets');
  const targetMatch = text(ctx.required('target_match_label'), 'target_match_label');
  const logsMatch = ctx.attr('logs_match_label');
  const matchLabel = (logsMatch && text(logsMatch, 'logs_match_label')) || targetMatch;
  const copy = ctx.attr('labels_to_copy') ? stringList(ctx.attr('labels_to_copy')!, 'labels_to_copy') : [];
  const to = ctx.flow.receiversOf(ctx.required('forward_to'));
  const cache = new Map<string, Labels>();
  for (const t of targets) if (t[targetMatch]) cache.set(t[targetMatch], t);
  const receiver = ctx.flow.receiver(ctx.id, (fe) => {
    const before = fe.steps ? view(fe.entry) : undefined;
    const value = fe.entry.labels[matchLabel];
    const found = value ? cache.get(value) : undefined;
    let note = `no target with ${targetMatch}=${JSON.stringify(value ?? '')}`;
    if (found) {
      if (copy.length === 0) Object.assign(fe.entry.labels, found);
      else for (const k of copy) if (found[k]) fe.entry.labels[k] = found[k];
      note = `enriched from the target with ${targetMatch}=${JSON.stringify(value)}`;
    }
    ctx.flow.step(fe, ctx.id, before, { note });
    ctx.flow.forward(ctx.id, to, fe);
  });
  return { exports: { receiver } };
}
