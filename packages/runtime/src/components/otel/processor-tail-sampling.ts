// otelcol.processor.tail_sampling: spans are held per trace until every source has sent
// (the end of the simulation stands for decision_wait), then each trace's policies
// decide whether all its spans go on.

import type { Batch, Item, Span } from '../../otel/pdata.js';
import type { ClientInfo } from '../../otel/telemetry.js';
import type { SimContext, Simulator } from '../api.js';
import { optBool, outputs } from './common.js';
import { buildPolicy, decide, type TraceSpans } from './tail-policies.js';

export function tailSampling(ctx: SimContext): Simulator {
  const state = { spansThisSecond: 0 };
  const policies = ctx.blocks('policy').map((b, i) => buildPolicy(ctx, b, `policy[${i}]`, state));
  const firstMatch = optBool(ctx, 'sample_on_first_match', false);
  const out = outputs(ctx);
  const held: Batch<Span>[] = [];
  const input = ctx.flow.otel.consumer(
    ctx.id,
    (b) => {
      held.push(b as Batch<Span>);
    },
    ['traces'],
  );
  return {
    exports: { input },
    flush() {
      const traces = new Map<string, TraceSpans>();
      for (const b of held)
        for (const r of b.resources)
          for (const s of r.scopes)
            for (const span of s.items) {
              let t = traces.get(span.traceId);
              if (!t) traces.set(span.traceId, (t = { id: span.traceId, spans: [] }));
              t.spans.push({ span, resource: r.resource, scope: s.scope });
            }
      const verdict = new Map<string, ReturnType<typeof decide>>();
      for (const [id, t] of traces) verdict.set(id, decide(policies, t, firstMatch));
      for (const b of held) {
        ctx.flow.otel.step(ctx.id, b, () => {
          const notes = new Map<Item, string>();
          for (const r of b.resources) {
            for (const s of r.scopes)
              s.items = s.items.filter((span) => {
                const v = verdict.get(span.traceId)!;
                notes.set(span, `trace ${span.traceId}: ${v.decision}${v.by ? ` by ${v.by}` : ''} (${v.results.join(', ') || 'no policies'})`);
                return v.decision === 'Sampled';
              });
            r.scopes = r.scopes.filter((s) => s.items.length);
          }
          b.resources = b.resources.filter((r) => r.scopes.length);
          return notes;
        });
        const info: ClientInfo = {};
        ctx.flow.otel.forward(ctx.id, out.traces, b, info);
      }
      held.length = 0;
    },
  };
}
