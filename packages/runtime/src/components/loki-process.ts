// loki.process: the stage engine run on each entry; the per-stage trace is kept on the
// entry's journey, and metrics stages are reported at the end.

import { buildLokiPipeline, type LogEntry } from '../engines.js';
import { cloneEntry, view, type FlowEntry } from '../flow.js';
import { SimError } from '../value-js.js';
import type { SimContext, Simulator } from './api.js';

interface StageTraceLike {
  stage?: string;
  index?: string;
  after?: unknown;
  dropped?: string;
}

export function lokiProcess(ctx: SimContext): Simulator {
  const to = ctx.flow.receiversOf(ctx.required('forward_to'));
  const stages = ctx.block.body.filter((s) => s.kind === 'Block' && s.name[0] === 'stage') as Parameters<typeof buildLokiPipeline>[0];
  const built = buildLokiPipeline(stages, ctx.source, { catalog: ctx.catalog, now: () => ctx.host.now(), trace: ctx.tracing, scope: ctx.scope, env: ctx.env });
  if ('error' in built) throw new SimError(built.error);
  const pipeline = built.pipeline;
  const out = (fe: FlowEntry, e: LogEntry) => {
    const entry: LogEntry = { line: e.line, timestamp: e.timestamp, labels: e.labels, structuredMetadata: e.structuredMetadata };
    ctx.flow.forward(ctx.id, to, { ...fe, entry });
  };
  const receiver = ctx.flow.receiver(ctx.id, (fe) => {
    const before = fe.steps ? view(fe.entry) : undefined;
    const r = pipeline.process(cloneEntry(fe.entry));
    const trace = r.trace as StageTraceLike[];
    if (r.outputs.length === 0) {
      const last = [...trace].reverse().find((t) => t.after === null || t.dropped);
      const reason = last ? `${last.stage ?? 'a stage'}${last.index !== undefined ? ` (#${last.index})` : ''}: ${last.dropped ?? 'dropped'}` : 'dropped by a stage';
      if (fe.steps) ctx.flow.step(fe, ctx.id, before, { stages: r.trace, note: reason }, true);
      ctx.flow.end(fe, 'dropped', ctx.id, reason);
      return;
    }
    r.outputs.forEach((e, i) => {
      const branch: FlowEntry = i === 0 ? fe : { ...fe, steps: fe.steps && [...fe.steps] };
      branch.entry = e;
      if (branch.steps) ctx.flow.step(branch, ctx.id, before, { stages: r.trace });
      out(branch, e);
    });
  });
  return {
    exports: { receiver },
    flush() {
      for (const e of pipeline.flush()) {
        const fe = ctx.flow.start(ctx.id, e);
        if (fe.steps) fe.steps.push({ component: ctx.id, before: fe.input!, after: view(e), note: 'released at the end of input (multiline)' });
        out(fe, e);
      }
    },
    metrics: () => pipeline.metricsText(),
  };
}
