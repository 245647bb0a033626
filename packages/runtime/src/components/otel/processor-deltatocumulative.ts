// otelcol.processor.deltatocumulative: delta sums and histograms become cumulative, one
// running state per stream (resource, scope, metric name / unit / type / monotonicity, point
// attributes). A stream's first point passes as it is and starts the state; a later point is
// added to it (ints and doubles by the point's own type, as upstream; histogram buckets,
// count, sum, min / max when both have them; other bounds restart the state) and leaves with
// the state's start time. Points older than the state (start before its start, time not
// after its time) are dropped, as are new streams past `max_streams` (0: no limit). Metrics
// left without points are removed. Cumulative metrics, gauges and summaries pass unchanged.
// Exponential histograms are kept as decoded JSON here: they pass on delta, with a warning.
// `max_stale` expires streams by wall-clock minutes upstream; one run never reaches it.

import { attrsIdentity, type Batch, type DataPoint, type Item, type Metric, type ResourceItems, type ScopeItems } from '../../otel/pdata.js';
import { SimError } from '../../value-js.js';
import type { SimContext, Simulator } from '../api.js';
import { optString, processor } from './common.js';
import { durationIn } from './connector-common.js';

const DELTA = 1;
const CUMULATIVE = 2;

type Outcome = { keep: true } | { keep: false; why: string };

/** Adds `dp` into `state` as upstream's adder does; both are histogram points or both numbers. */
function add(state: DataPoint, dp: DataPoint): void {
  if (state.bucketCounts || dp.bucketCounts) {
    const sb = state.explicitBounds ?? [];
    const db = dp.explicitBounds ?? [];
    if (sb.length !== db.length || sb.some((b, i) => b !== db[i])) {
      Object.assign(state, copyPoint(dp));
      return;
    }
    const n = Math.min(state.bucketCounts?.length ?? 0, dp.bucketCounts?.length ?? 0);
    for (let i = 0; i < n; i++) state.bucketCounts![i] += dp.bucketCounts![i];
    state.count = (state.count ?? 0n) + (dp.count ?? 0n);
    state.sum = state.sum !== undefined && dp.sum !== undefined ? state.sum + dp.sum : undefined;
    state.min = state.min !== undefined && dp.min !== undefined ? Math.min(state.min, dp.min) : undefined;
    state.max = state.max !== undefined && dp.max !== undefined ? Math.max(state.max, dp.max) : undefined;
    return;
  }
  if (typeof dp.value === 'number') state.value = (typeof state.value === 'number' ? state.value : 0) + dp.value;
  else if (typeof dp.value === 'bigint') state.value = BigInt.asIntN(64, (typeof state.value === 'bigint' ? state.value : 0n) + dp.value);
}

const copyPoint = (p: DataPoint): DataPoint => ({ ...p, attributes: new Map(p.attributes), ...(p.bucketCounts ? { bucketCounts: [...p.bucketCounts] } : {}), ...(p.explicitBounds ? { explicitBounds: [...p.explicitBounds] } : {}) });

export function deltaToCumulative(ctx: SimContext): Simulator {
  const staleText = optString(ctx, 'max_stale');
  if (staleText !== undefined) {
    const s = durationIn(staleText, 's');
    if (s === undefined || s <= 0) throw new SimError(`max_stale must be a positive duration (got ${staleText})`);
  }
  const mv = ctx.attr('max_streams');
  const maxStreams = mv && mv.t === 'number' ? Number(mv.v) : Number.MAX_SAFE_INTEGER;
  if (maxStreams < 0) throw new SimError(`max_streams must be a positive number or zero (got ${maxStreams})`);
  const states = new Map<string, DataPoint>();
  let expWarned = false;

  const accumulate = (id: string, dp: DataPoint): Outcome => {
    const state = states.get(id);
    if (!state) {
      if (maxStreams > 0 && states.size >= maxStreams) return { keep: false, why: `stream limit of ${maxStreams} reached: new streams are dropped` };
      states.set(id, copyPoint(dp));
      return { keep: true };
    }
    if (state.timeUnixNano === 0n) {
      states.set(id, copyPoint(dp));
      return { keep: true };
    }
    if (dp.startTimeUnixNano < state.startTimeUnixNano) return { keep: false, why: `dropped: start time ${dp.startTimeUnixNano} is before the stream's start ${state.startTimeUnixNano}` };
    if (dp.timeUnixNano <= state.timeUnixNano) return { keep: false, why: `out of order: dropped: time ${dp.timeUnixNano}, the stream is already at ${state.timeUnixNano}` };
    add(state, dp);
    state.timeUnixNano = dp.timeUnixNano;
    Object.assign(dp, copyPoint(state));
    return { keep: true };
  };

  const input = processor(
    ctx,
    (b: Batch) => {
      ctx.flow.otel.step(
        ctx.id,
        b,
        () => {
          const notes = new Map<Item, string>();
          for (const r of b.resources as ResourceItems<Metric>[]) {
            const resId = attrsIdentity(r.resource.attributes);
            for (const s of r.scopes as ScopeItems<Metric>[]) {
              const scopeId = `${JSON.stringify([s.scope.name, s.scope.version])}${attrsIdentity(s.scope.attributes)}`;
              s.items = s.items.filter((m) => {
                if (m.aggregationTemporality !== DELTA) return true;
                if (m.type === 'exponentialHistogram') {
                  if (!expWarned) ctx.warn('exponential histograms are not accumulated here: they pass on with delta temporality (upstream makes them cumulative)');
                  expWarned = true;
                  notes.set(m, 'exponential histogram: not accumulated here');
                  return true;
                }
                const metricId = JSON.stringify([m.name, m.unit, m.type, m.isMonotonic]);
                const dropped: string[] = [];
                m.dataPoints = m.dataPoints.filter((p) => {
                  const o = accumulate(`${resId}|${scopeId}|${metricId}|${attrsIdentity(p.attributes)}`, p);
                  if (!o.keep) dropped.push(o.why);
                  return o.keep;
                });
                m.aggregationTemporality = CUMULATIVE;
                const why = dropped.length ? `${dropped.length} point(s) dropped (${dropped[0]})` : '';
                notes.set(m, m.dataPoints.length ? `made cumulative${why ? `; ${why}` : ''}` : `every point dropped: ${dropped[0]}`);
                return m.dataPoints.length > 0;
              });
            }
            r.scopes = r.scopes.filter((s) => s.items.length > 0);
          }
          b.resources = b.resources.filter((r) => r.scopes.length > 0);
          return notes;
        },
        undefined,
        'dropped: no point left',
      );
    },
    ['metrics'],
  );
  return { exports: { input } };
}
