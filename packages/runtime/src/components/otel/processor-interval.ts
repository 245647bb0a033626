// otelcol.processor.interval: cumulative monotonic sums, cumulative histograms, gauges and
// summaries are held and only the latest point of each stream (resource, scope, metric, point
// attributes; a later time replaces, an equal one does not) leaves at the end of the interval;
// everything else (delta or non-monotonic sums, delta histograms, and gauges / summaries with
// `passthrough`) goes on at once. A run is taken to fit in one interval: what is held leaves
// once every source has sent, as one batch (new journeys, from this component).

import { attrsIdentity, cloneAttrs, type Batch, type DataPoint, type Metric, type ResourceItems, type ScopeItems } from '../../otel/pdata.js';
import { SimError } from '../../value-js.js';
import type { SimContext, Simulator } from '../api.js';
import { optBool, optString, outputs, processor } from './common.js';
import { durationIn } from './connector-common.js';

const CUMULATIVE = 2;

function held(m: Metric, gauge: boolean, summary: boolean): boolean {
  if (m.type === 'summary') return !summary;
  if (m.type === 'gauge') return !gauge;
  if (m.type === 'sum') return m.isMonotonic && m.aggregationTemporality === CUMULATIVE;
  return m.aggregationTemporality === CUMULATIVE;
}

export function intervalProcessor(ctx: SimContext): Simulator {
  const iv = optString(ctx, 'interval');
  if (iv !== undefined) {
    const s = durationIn(iv, 's');
    if (s === undefined || s <= 0) throw new SimError('interval must be greater than 0');
  }
  const pt = ctx.blocks('passthrough')[0];
  const gauge = pt ? optBool(ctx, 'gauge', false, pt.body) : false;
  const summary = pt ? optBool(ctx, 'summary', false, pt.body) : false;
  const out = outputs(ctx);
  const resources = new Map<string, ResourceItems<Metric>>();
  const scopes = new Map<string, ScopeItems<Metric>>();
  const metrics = new Map<string, Metric>();
  const points = new Map<string, DataPoint>();

  const hold = (r: ResourceItems<Metric>, s: ScopeItems<Metric>, m: Metric) => {
    const rid = attrsIdentity(r.resource.attributes);
    let rc = resources.get(rid);
    if (!rc) resources.set(rid, (rc = { resource: { attributes: cloneAttrs(r.resource.attributes) }, schemaUrl: r.schemaUrl, scopes: [] }));
    const sid = `${rid}|${JSON.stringify([s.scope.name, s.scope.version])}${attrsIdentity(s.scope.attributes)}`;
    let sc = scopes.get(sid);
    if (!sc) {
      scopes.set(sid, (sc = { scope: { ...s.scope, attributes: cloneAttrs(s.scope.attributes) }, schemaUrl: s.schemaUrl, items: [] }));
      rc.scopes.push(sc);
    }
    const mid = `${sid}|${JSON.stringify([m.name, m.unit, m.type, m.aggregationTemporality, m.isMonotonic])}`;
    let mc = metrics.get(mid);
    if (!mc) {
      metrics.set(mid, (mc = { name: m.name, description: m.description, unit: m.unit, type: m.type, aggregationTemporality: m.aggregationTemporality, isMonotonic: m.isMonotonic, dataPoints: [] }));
      sc.items.push(mc);
    }
    for (const p of m.dataPoints) {
      const pid = `${mid}|${attrsIdentity(p.attributes)}`;
      const existing = points.get(pid);
      if (!existing) {
        const copy = { ...p, attributes: cloneAttrs(p.attributes) };
        points.set(pid, copy);
        mc.dataPoints.push(copy);
      } else if (p.timeUnixNano > existing.timeUnixNano) Object.assign(existing, { ...p, attributes: cloneAttrs(p.attributes) });
    }
  };

  const input = processor(
    ctx,
    (b: Batch) => {
      for (const r of b.resources as ResourceItems<Metric>[]) {
        for (const s of r.scopes) {
          s.items = s.items.filter((m) => {
            if (!held(m, gauge, summary)) return true;
            hold(r, s, m);
            ctx.flow.otel.end(m, 'converted', ctx.id, 'held for the interval: the latest point of each stream leaves at its end');
            return false;
          });
        }
        r.scopes = r.scopes.filter((s) => s.items.length > 0);
      }
      b.resources = b.resources.filter((r) => r.scopes.length > 0);
    },
    ['metrics'],
  );
  return {
    exports: { input },
    flush() {
      if (!resources.size) return;
      const batch: Batch<Metric> = { signal: 'metrics', resources: [...resources.values()] };
      resources.clear();
      ctx.flow.otel.start(ctx.id, batch);
      ctx.flow.otel.forward(ctx.id, out.metrics, batch, {});
    },
  };
}
