// otelcol.exporter.loki (OTel logs → Loki entries sent to forward_to) and
// otelcol.receiver.loki (Loki entries → OTel logs sent to its output).

import { view } from '../../flow.js';
import { emptyScope, type Batch, type LogRecord } from '../../otel/pdata.js';
import type { SimContext, Simulator } from '../api.js';
import { outputs } from './common.js';
import { logToLoki, lokiToLog } from './loki-convert.js';

export function otelExporterLoki(ctx: SimContext): Simulator {
  const to = ctx.flow.receiversOf(ctx.required('forward_to'));
  const input = ctx.flow.otel.consumer(
    ctx.id,
    (b) => {
      for (const r of b.resources)
        for (const s of r.scopes)
          for (const rec of s.items as LogRecord[]) {
            const c = logToLoki(rec, r.resource, s.scope, ctx.host.now());
            if ('error' in c) {
              ctx.warn(`a log record was dropped: ${c.error}`);
              ctx.flow.otel.end(rec, 'dropped', ctx.id, c.error);
              continue;
            }
            ctx.flow.otel.end(rec, 'converted', ctx.id, `to a Loki entry with labels ${JSON.stringify(c.entry.labels)}`);
            const fe = ctx.flow.start(ctx.id, c.entry);
            if (fe.steps) fe.steps.push({ component: ctx.id, before: view(c.entry), after: view(c.entry), note: 'converted from an OTel log record' });
            ctx.flow.forward(ctx.id, to, fe);
          }
    },
    ['logs'],
  );
  return { exports: { input } };
}

export function otelReceiverLoki(ctx: SimContext): Simulator {
  const out = outputs(ctx);
  const receiver = ctx.flow.receiver(ctx.id, (fe) => {
    const rec = lokiToLog(fe.entry, ctx.host.now());
    ctx.flow.end(fe, 'converted', ctx.id, 'to an OTel log record');
    const batch: Batch = { signal: 'logs', resources: [{ resource: { attributes: new Map() }, schemaUrl: '', scopes: [{ scope: emptyScope(), schemaUrl: '', items: [rec] }] }] };
    ctx.flow.otel.start(ctx.id, batch);
    ctx.flow.otel.forward(ctx.id, out.logs, batch, {});
  });
  return { exports: { receiver } };
}
