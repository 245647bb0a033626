// The two components the upstream pipelinetest harness adds: a sink that records every
// entry it receives (through its receiver or its Loki push URL) and a source that sends
// the test's input entries.

import { view } from '../flow.js';
import type { SinkEntry } from '../report.js';
import { ZERO_TIME } from '../time.js';
import { string } from '@alloy-lint/values';
import type { SimContext, Simulator } from './api.js';
import { componentEntries, makeEntry, send } from './loki-source-common.js';

export function pipelinetestSink(ctx: SimContext): Simulator {
  const entries: SinkEntry[] = [];
  const record = (fe: Parameters<Parameters<SimContext['flow']['receiver']>[1]>[0], how: string) => {
    const v = view(fe.entry);
    delete v.extracted;
    entries.push(v);
    ctx.flow.step(fe, ctx.id, fe.steps ? v : undefined, { note: how });
    ctx.flow.end(fe, 'delivered', ctx.id);
  };
  const url = `http://${ctx.id.replace(/\//g, '.')}.pipelinetest.invalid/loki/api/v1/push`;
  ctx.flow.pushTargets.set(url, { component: ctx.id, push: (fe) => record(fe, 'received by push') });
  const receiver = ctx.flow.receiver(ctx.id, (fe) => record(fe, 'received'));
  return {
    exports: { loki_push_url: string(url), loki_receiver: receiver },
    sink: () => ({ component: ctx.id, kind: 'pipelinetest.sink', entries }),
  };
}

export function pipelinetestSource(ctx: SimContext): Simulator {
  const fwd = ctx.blocks('forward_to')[0];
  const to = ctx.flow.receiversOf(fwd ? ctx.attr('logs', fwd.body) : undefined, 'forward_to.logs');
  return {
    exports: {},
    emit() {
      for (const e of componentEntries(ctx)) {
        const entry = makeEntry(e, { ...(e.labels ?? {}) }, ctx.host.now());
        if (!e.timestamp) entry.timestamp = ZERO_TIME;
        send(ctx, to, entry);
      }
    },
  };
}
