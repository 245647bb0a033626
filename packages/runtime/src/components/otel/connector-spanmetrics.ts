// otelcol.connector.spanmetrics: every span counted into `<namespace>.calls` and its
// duration into `<namespace>.duration` (explicit buckets, milliseconds by default), per
// service.name, span.name, span.kind, status.code and the configured dimensions, under
// the span's resource; flushed once every source has sent.

import { SPAN_KINDS, STATUS_CODES, cloneAttrs, type Attrs, type Metric, type Span } from '../../otel/pdata.js';
import { SimError, stringList, text } from '../../value-js.js';
import type { SimContext, Simulator } from '../api.js';
import { optBool, optString, outputs } from './common.js';
import { attrsKey, durationIn, histogramMetric, metricsBatch, Series, sumMetric } from './connector-common.js';

const DEFAULT_BUCKETS_MS = [2, 4, 6, 8, 10, 50, 100, 200, 400, 800, 1000, 1400, 2000, 5000, 10000, 15000];

export function spanmetrics(ctx: SimContext): Simulator {
  const out = outputs(ctx);
  const ns = optString(ctx, 'namespace') ?? 'traces.span.metrics';
  const prefix = ns ? `${ns}.` : '';
  const dims = ctx.blocks('dimension').map((b) => ({ name: text(ctx.required('name', b.body), 'dimension.name'), dflt: optString(ctx, 'default', b.body) }));
  const exv = ctx.attr('exclude_dimensions');
  const exclude = new Set(exv && exv.t !== 'null' ? stringList(exv, 'exclude_dimensions') : []);
  const keyv = ctx.attr('resource_metrics_key_attributes');
  const keyAttrs = keyv && keyv.t !== 'null' ? stringList(keyv, 'resource_metrics_key_attributes') : [];
  const delta = (optString(ctx, 'aggregation_temporality') ?? 'CUMULATIVE') === 'DELTA';
  const hist = ctx.blocks('histogram')[0];
  if (!hist) throw new SimError('missing required block "histogram"');
  const unit = optString(ctx, 'unit', hist.body) ?? 'ms';
  if (unit !== 'ms' && unit !== 's') throw new SimError(`histogram.unit: expected "ms" or "s", got ${JSON.stringify(unit)}`);
  const disabled = optBool(ctx, 'disable', false, hist.body);
  if (ctx.blocks('exponential', hist.body).length) ctx.warn('exponential histograms are counted as explicit ones with the default buckets');
  const explicit = ctx.blocks('explicit', hist.body)[0];
  const bv = explicit ? ctx.attr('buckets', explicit.body) : undefined;
  const bounds = bv && bv.t !== 'null' ? stringList(bv, 'histogram.explicit.buckets').map((d) => durationIn(d, unit) ?? NaN) : DEFAULT_BUCKETS_MS.map((b) => (unit === 'ms' ? b : b / 1000));
  if (bounds.some(Number.isNaN)) throw new SimError('histogram.explicit.buckets: expected durations such as "100ms"');
  const scopesv = ctx.attr('include_instrumentation_scope');
  const scopes = scopesv && scopesv.t !== 'null' ? stringList(scopesv, 'include_instrumentation_scope') : [];

  const resources = new Map<string, { attributes: Attrs; calls: Map<string, Series>; durations: Map<string, Series> }>();
  let first = 0n;
  let last = 0n;
  const record = (span: Span, res: Attrs) => {
    const ra = keyAttrs.length ? new Map([...res].filter(([k]) => keyAttrs.includes(k))) : cloneAttrs(res);
    const rkey = attrsKey(ra);
    let r = resources.get(rkey);
    if (!r) resources.set(rkey, (r = { attributes: ra, calls: new Map(), durations: new Map() }));
    const a: Attrs = new Map();
    const put = (k: string, v: string) => !exclude.has(k) && a.set(k, v);
    put('service.name', typeof res.get('service.name') === 'string' ? (res.get('service.name') as string) : '');
    put('span.name', span.name);
    put('span.kind', SPAN_KINDS[span.kind] ?? '');
    put('status.code', STATUS_CODES[span.status.code] ?? '');
    for (const d of dims) {
      const v = span.attributes.get(d.name) ?? res.get(d.name);
      if (v !== undefined) a.set(d.name, v);
      else if (d.dflt !== undefined) a.set(d.name, d.dflt);
    }
    const key = attrsKey(a);
    const dur = Number(span.endTimeUnixNano - span.startTimeUnixNano) / (unit === 'ms' ? 1e6 : 1e9);
    for (const [map, observe] of [[r.calls, false], [r.durations, true]] as const) {
      let s = map.get(key);
      if (!s) map.set(key, (s = new Series(a, bounds)));
      if (observe || !disabled) s.observe(dur);
    }
    if (!first || span.startTimeUnixNano < first) first = span.startTimeUnixNano;
    if (span.endTimeUnixNano > last) last = span.endTimeUnixNano;
  };
  const input = ctx.flow.otel.consumer(
    ctx.id,
    (b) => {
      for (const r of b.resources)
        for (const s of r.scopes) {
          if (scopes.length && !scopes.includes(s.scope.name)) continue;
          for (const span of s.items as Span[]) record(span, r.resource.attributes);
        }
      ctx.flow.otel.endAll(b, 'converted', ctx.id, 'counted into span metrics');
    },
    ['traces'],
  );
  return {
    exports: { input },
    flush() {
      const res = [...resources.values()].map((r) => {
        const metrics: Metric[] = [sumMetric(`${prefix}calls`, '', [...r.calls.values()].map((s) => s.counter(first, last)), delta ? 1 : 2)];
        if (!disabled) metrics.push(histogramMetric(`${prefix}duration`, unit, [...r.durations.values()].map((s) => s.histogram(first, last)), delta ? 1 : 2));
        return { attributes: r.attributes, metrics };
      });
      const batch = metricsBatch(res, 'spanmetricsconnector');
      ctx.flow.otel.start(ctx.id, batch);
      ctx.flow.otel.forward(ctx.id, out.metrics, batch, {});
    },
  };
}
