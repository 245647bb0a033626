// otelcol.connector.servicegraph: a client (or producer) span and the server (or
// consumer) span whose parent it is form an edge between their services; each edge is
// counted into traces_service_graph_request_total (and _failed_total when either span
// failed) with client/server latency histograms in seconds. Edges whose other side never
// arrives are reported, not guessed.

import { STATUS_CODES, type Attrs, type Resource, type Span } from '../../otel/pdata.js';
import { stringList } from '../../value-js.js';
import type { SimContext, Simulator } from '../api.js';
import { outputs } from './common.js';
import { attrsKey, durationIn, histogramMetric, metricsBatch, Series, sumMetric } from './connector-common.js';

const DEFAULT_BUCKETS_S = [0.002, 0.004, 0.006, 0.008, 0.01, 0.05, 0.1, 0.2, 0.4, 0.8, 1, 1.4, 2, 5, 10, 15];

interface Side {
  span: Span;
  resource: Resource;
}

export function servicegraph(ctx: SimContext): Simulator {
  const out = outputs(ctx);
  const dv = ctx.attr('dimensions');
  const dims = dv && dv.t !== 'null' ? stringList(dv, 'dimensions') : [];
  const bv = ctx.attr('latency_histogram_buckets');
  const bounds = bv && bv.t !== 'null' ? stringList(bv, 'latency_histogram_buckets').map((d) => durationIn(d, 's') ?? NaN) : DEFAULT_BUCKETS_S;
  const clients = new Map<string, Side>();
  const servers = new Map<string, Side>();
  const input = ctx.flow.otel.consumer(
    ctx.id,
    (b) => {
      for (const r of b.resources)
        for (const s of r.scopes)
          for (const span of s.items as Span[]) {
            if (span.kind === 3 || span.kind === 4) clients.set(`${span.traceId}/${span.spanId}`, { span, resource: r.resource });
            else if ((span.kind === 2 || span.kind === 5) && span.parentSpanId) servers.set(`${span.traceId}/${span.parentSpanId}`, { span, resource: r.resource });
          }
      ctx.flow.otel.endAll(b, 'converted', ctx.id, 'paired into service graph edges');
    },
    ['traces'],
  );
  const svc = (r: Resource) => (typeof r.attributes.get('service.name') === 'string' ? (r.attributes.get('service.name') as string) : '');
  return {
    exports: { input },
    flush() {
      const total = new Map<string, Series>();
      const failed = new Map<string, Series>();
      const srvLat = new Map<string, Series>();
      const cliLat = new Map<string, Series>();
      let unpaired = 0;
      for (const [key, c] of clients) {
        const s = servers.get(key);
        if (!s) {
          unpaired++;
          continue;
        }
        const a: Attrs = new Map([
          ['client', svc(c.resource)],
          ['server', svc(s.resource)],
          ['connection_type', c.span.attributes.has('messaging.system') ? 'messaging_system' : c.span.attributes.has('db.system') ? 'database' : ''],
        ]);
        for (const d of dims) {
          const cv = c.span.attributes.get(d) ?? c.resource.attributes.get(d);
          const sv = s.span.attributes.get(d) ?? s.resource.attributes.get(d);
          if (cv !== undefined) a.set(`client_${d}`, cv);
          if (sv !== undefined) a.set(`server_${d}`, sv);
        }
        const k = attrsKey(a);
        const get = (m: Map<string, Series>) => m.get(k) ?? m.set(k, new Series(a, bounds)).get(k)!;
        get(total).observe(0);
        if (STATUS_CODES[c.span.status.code] === 'STATUS_CODE_ERROR' || STATUS_CODES[s.span.status.code] === 'STATUS_CODE_ERROR') get(failed).observe(0);
        get(srvLat).observe(Number(s.span.endTimeUnixNano - s.span.startTimeUnixNano) / 1e9);
        get(cliLat).observe(Number(c.span.endTimeUnixNano - c.span.startTimeUnixNano) / 1e9);
      }
      if (unpaired) ctx.warn(`${unpaired} client span(s) without their server span: such edges expire without a metric (or become virtual nodes, not simulated)`);
      const now = BigInt(ctx.host.now().getTime()) * 1_000_000n;
      const metrics = [
        sumMetric('traces_service_graph_request_total', '', [...total.values()].map((s) => s.counter(0n, now))),
        sumMetric('traces_service_graph_request_failed_total', '', [...failed.values()].map((s) => s.counter(0n, now))),
        histogramMetric('traces_service_graph_request_server', 's', [...srvLat.values()].map((s) => s.histogram(0n, now))),
        histogramMetric('traces_service_graph_request_client', 's', [...cliLat.values()].map((s) => s.histogram(0n, now))),
      ].filter((m) => m.dataPoints.length);
      if (!metrics.length) return;
      const batch = metricsBatch([{ attributes: new Map(), metrics }], 'traces_service_graph');
      ctx.flow.otel.start(ctx.id, batch);
      ctx.flow.otel.forward(ctx.id, out.metrics, batch, {});
    },
  };
}
