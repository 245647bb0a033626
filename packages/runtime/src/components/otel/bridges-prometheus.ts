// otelcol.exporter.prometheus (OTel metrics → Prometheus samples to forward_to) and
// otelcol.receiver.prometheus (Prometheus samples → OTel metrics to its output).

import { samplesStart } from '../../otel/telemetry.js';
import type { SimContext, Simulator } from '../api.js';
import { optBool, outputs } from './common.js';
import { fromProm, toProm } from './prom-convert.js';

export function otelExporterPrometheus(ctx: SimContext): Simulator {
  const to = ctx.flow.otel.appendRefs(ctx.required('forward_to'));
  const o = {
    addSuffixes: optBool(ctx, 'add_metric_suffixes', true),
    targetInfo: optBool(ctx, 'include_target_info', true),
    scopeLabels: optBool(ctx, 'include_scope_labels', true),
    resourceToLabels: optBool(ctx, 'resource_to_telemetry_conversion', false),
    keepIdentifying: optBool(ctx, 'keep_identifying_resource_attributes', false),
  };
  if (optBool(ctx, 'include_scope_info', false)) ctx.warn('include_scope_info (otel_scope_info series) is not simulated');
  const input = ctx.flow.otel.consumer(
    ctx.id,
    (b) => {
      const { batch, skipped } = toProm(b, o, ctx.host.now().getTime());
      for (const s of skipped) ctx.warn(s);
      ctx.flow.otel.endAll(b, 'converted', ctx.id, `to ${batch.samples.length} Prometheus samples`);
      samplesStart(ctx.flow.otel, ctx.id, batch);
      ctx.flow.otel.append(ctx.id, to, batch);
    },
    ['metrics'],
  );
  return { exports: { input } };
}

export function otelReceiverPrometheus(ctx: SimContext): Simulator {
  const out = outputs(ctx);
  const receiver = ctx.flow.otel.appendable(ctx.id, (b) => {
    ctx.flow.otel.endSamples(b, 'converted', ctx.id, 'to OTel metrics');
    const batch = fromProm(b);
    ctx.flow.otel.start(ctx.id, batch);
    ctx.flow.otel.forward(ctx.id, out.metrics, batch, {});
  });
  return { exports: { receiver } };
}
