// otelcol.connector.host_info (Grafana's): every distinct value of the `host_identifiers`
// resource attributes (default host.id) seen on spans becomes one point of the gauge
// `traces_host_info` (int 1, attribute grafana.host.id, scope hostinfoconnector), flushed once
// every source has sent (upstream: every metrics_flush_interval and at shutdown).
// Upstream asserts the value is a string; other values are reported, not counted.

import type { Metric } from '../../otel/pdata.js';
import { SimError, stringList } from '../../value-js.js';
import type { SimContext, Simulator } from '../api.js';
import { optString, outputs } from './common.js';
import { durationIn, metricsBatch } from './connector-common.js';

export function hostInfo(ctx: SimContext): Simulator {
  const out = outputs(ctx);
  const idv = ctx.attr('host_identifiers');
  const ids = idv && idv.t !== 'null' ? stringList(idv, 'host_identifiers') : ['host.id'];
  if (!ids.length) throw new SimError('host_identifiers must not be empty');
  const interval = optString(ctx, 'metrics_flush_interval');
  if (interval !== undefined) {
    const s = durationIn(interval, 's');
    if (s === undefined || s < 15 || s > 300) throw new SimError(`metrics_flush_interval ${JSON.stringify(interval)} is not a valid flush interval (15s to 5m)`);
  }
  const hosts = new Set<string>();
  const notText = new Set<string>();
  let batches = 0;
  const input = ctx.flow.otel.consumer(
    ctx.id,
    (b) => {
      batches++;
      for (const r of b.resources) {
        if (!r.scopes.length) continue;
        for (const id of ids) {
          const v = r.resource.attributes.get(id);
          if (typeof v === 'string') hosts.add(v);
          else if (v !== undefined) notText.add(id);
        }
      }
      ctx.flow.otel.endAll(b, 'converted', ctx.id, 'host identifiers counted into traces_host_info');
    },
    ['traces'],
  );
  return {
    exports: { input },
    flush() {
      if (notText.size) ctx.warn(`host identifier ${[...notText].join(', ')} is not a string on some resources: upstream's connector fails on such values; they are not counted`);
      if (!hosts.size) {
        if (batches) ctx.warn(`no resource carried ${ids.join(' or ')}: traces_host_info has no points`);
        return;
      }
      const now = BigInt(ctx.host.now().getTime()) * 1_000_000n;
      const points = [...hosts].sort().map((h) => ({ attributes: new Map([['grafana.host.id', h]]), startTimeUnixNano: now, timeUnixNano: now, flags: 0, value: 1n }));
      const metric: Metric = { name: 'traces_host_info', description: '', unit: '', type: 'gauge', dataPoints: points, aggregationTemporality: 0, isMonotonic: false };
      const batch = metricsBatch([{ attributes: new Map(), metrics: [metric] }], 'hostinfoconnector');
      ctx.flow.otel.start(ctx.id, batch);
      ctx.flow.otel.forward(ctx.id, out.metrics, batch, {});
    },
  };
}
