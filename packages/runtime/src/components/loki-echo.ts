// loki.echo: a sink that logs what it receives.

import { view } from '../flow.js';
import type { SinkEntry } from '../report.js';
import type { SimContext, Simulator } from './api.js';

export function lokiEcho(ctx: SimContext): Simulator {
  const entries: SinkEntry[] = [];
  const receiver = ctx.flow.receiver(ctx.id, (fe) => {
    const v = view(fe.entry);
    delete v.extracted;
    entries.push(v);
    ctx.flow.step(fe, ctx.id, fe.steps ? view(fe.entry) : undefined, { note: 'printed' });
    ctx.flow.end(fe, 'delivered', ctx.id);
  });
  return { exports: { receiver }, sink: () => ({ component: ctx.id, kind: 'loki.echo', entries }) };
}
