// otelcol.connector.count: counts spans, span events, metrics, data points and log records
// into delta sums (int, monotonic), one batch out per batch in, one resource per input
// resource that counted something (its attributes copied, scope `countconnector`). Each
// kind's blocks define metrics (default: trace.span.count, trace.span.event.count,
// metric.count, metric.datapoint.count, log.record.count); `conditions` are OTTL, ORed;
// `attributes` become the point's attributes, looked up on the item, then its scope, then its
// resource, else `default_value`; an item lacking one is not counted for that metric.
// Upstream quirks kept: values other than int and double are taken as strings, so a bool
// reads as ""; an integer `default_value` arrives as int64 and is ignored (only strings and
// floats apply); start and end times are the earliest and latest item times (now when none).
// Upstream iterates Go maps for metric and point order; here it is config and first-seen order.

import { ottlEngine, type CompiledConditions, type OttlContext, type OttlTarget } from '../../otel/ottl-engine.js';
import { attrsIdentity, cloneAttrs, type Attrs, type Batch, type DataPoint, type LogRecord, type Metric, type Signal, type Span } from '../../otel/pdata.js';
import { SimError, stringList } from '../../value-js.js';
import type { SimContext, Simulator } from '../api.js';
import { optString, outputs } from './common.js';
import { metricsBatch } from './connector-common.js';
import { unsupportedReporter } from './processor-transform.js';

const SCOPE = 'github.com/open-telemetry/opentelemetry-collector-contrib/connector/countconnector';

type Kind = 'spans' | 'spanevents' | 'metrics' | 'datapoints' | 'logs';
const KINDS: [Kind, OttlContext, Signal, string, string][] = [
  ['spans', 'span', 'traces', 'trace.span.count', 'The number of spans observed.'],
  ['spanevents', 'spanevent', 'traces', 'trace.span.event.count', 'The number of span events observed.'],
  ['metrics', 'metric', 'metrics', 'metric.count', 'The number of metrics observed.'],
  ['datapoints', 'datapoint', 'metrics', 'metric.datapoint.count', 'The number of data points observed.'],
  ['logs', 'log', 'logs', 'log.record.count', 'The number of log records observed.'],
];

interface Def {
  name: string;
  desc: string;
  attrs: { key: string; dflt?: string | number }[];
  cond?: CompiledConditions;
}

/** Counts of one kind for one resource. */
class Counter {
  counts = new Map<string, Map<string, { attrs: Attrs; n: bigint }>>();
  start = 0n;
  end = 0n;
  constructor(readonly defs: Def[]) {}

  time(t: bigint): void {
    if (t === 0n) return;
    if (this.start === 0n || t < this.start) this.start = t;
    if (t > this.end) this.end = t;
  }

  /** Counts one item; an OTTL failure is returned. */
  update(attrs: Attrs, scope: Attrs, resource: Attrs, target: OttlTarget): string | undefined {
    for (const d of this.defs) {
      const point: Attrs = new Map();
      for (const a of d.attrs) {
        const v = attrs.has(a.key) ? attrs.get(a.key)! : scope.has(a.key) ? scope.get(a.key)! : resource.has(a.key) ? resource.get(a.key)! : a.dflt;
        if (v !== undefined) point.set(a.key, typeof v === 'bigint' || typeof v === 'number' ? v : typeof v === 'string' ? v : '');
      }
      if (point.size !== d.attrs.length) continue;
      if (d.cond) {
        const r = d.cond.test(target);
        if (typeof r !== 'boolean') return 'error' in r ? r.error : `unsupported:${r.unsupported}`;
        if (!r) continue;
      }
      const perName = this.counts.get(d.name) ?? new Map<string, { attrs: Attrs; n: bigint }>();
      this.counts.set(d.name, perName);
      const id = attrsIdentity(point);
      const c = perName.get(id) ?? { attrs: point, n: 0n };
      perName.set(id, c);
      c.n++;
    }
    return undefined;
  }

  metrics(now: bigint): Metric[] {
    const [start, end] = this.start ? [this.start, this.end] : [now, now];
    return this.defs
      .filter((d) => this.counts.get(d.name)?.size)
      .map((d) => {
        const points: DataPoint[] = [...this.counts.get(d.name)!.values()].map((c) => ({ attributes: cloneAttrs(c.attrs), startTimeUnixNano: start, timeUnixNano: end, flags: 0, value: c.n }));
        return { name: d.name, description: d.desc, unit: '', type: 'sum', dataPoints: points, aggregationTemporality: 1, isMonotonic: true } satisfies Metric;
      });
  }
}

function readDefs(ctx: SimContext, kind: Kind, context: OttlContext, dName: string, dDesc: string): Def[] {
  const blocks = ctx.blocks(kind);
  if (!blocks.length) return [{ name: dName, desc: dDesc, attrs: [] }];
  const byName = new Map<string, Def>();
  for (const b of blocks) {
    const name = optString(ctx, 'name', b.body) ?? '';
    if (!name) throw new SimError(`${kind}: metric name missing`);
    const cv = ctx.attr('conditions', b.body);
    const conds = cv && cv.t !== 'null' ? stringList(cv, `${kind}.conditions`) : [];
    const attrs = ctx.blocks('attributes', b.body).map((a) => {
      const key = optString(ctx, 'key', a.body) ?? '';
      const dv = ctx.attr('default_value', a.body);
      let dflt: string | number | undefined;
      if (dv?.t === 'string' && dv.v) dflt = dv.v;
      else if (dv?.t === 'number' && dv.go === 'float64' && Number(dv.v) !== 0) dflt = Number(dv.v);
      else if (dv?.t === 'number' && Number(dv.v) !== 0) ctx.warn(`${kind} metric ${JSON.stringify(name)}: default_value ${dv.v} for ${key} is an integer, which upstream's connector ignores (it takes strings and floats): items without ${key} are not counted`);
      return { key, dflt };
    });
    if (kind === 'metrics' && attrs.length) throw new SimError(`metrics attributes not supported: metric ${JSON.stringify(name)}`);
    if (attrs.some((a) => !a.key)) throw new SimError(`${kind} attributes: metric ${JSON.stringify(name)}: attribute key missing`);
    let cond: CompiledConditions | undefined;
    if (conds.length) {
      const engine = ottlEngine();
      if (!engine) throw new SimError(`${kind} metric ${JSON.stringify(name)}: its OTTL conditions cannot be evaluated (no OTTL engine)`);
      const c = engine.conditions(context, conds);
      if ('error' in c) throw new SimError(`${kind} condition: metric ${JSON.stringify(name)}: ${c.error}`);
      cond = c;
    }
    byName.set(name, { name, desc: optString(ctx, 'description', b.body) ?? '', attrs, cond });
  }
  return [...byName.values()];
}

export function countConnector(ctx: SimContext): Simulator {
  const out = outputs(ctx);
  const unsupported = unsupportedReporter(ctx);
  const defs = new Map<Kind, Def[]>();
  for (const [kind, context, , name, desc] of KINDS) defs.set(kind, readDefs(ctx, kind, context, name, desc));
  const counters = (signal: Signal) => KINDS.filter((k) => k[2] === signal).map((k) => new Counter(defs.get(k[0])!));

  const input = ctx.flow.otel.consumer(ctx.id, (b: Batch) => {
    const now = BigInt(ctx.host.now().getTime()) * 1_000_000n;
    const resources: { attributes: Attrs; metrics: Metric[] }[] = [];
    let failure: string | undefined;
    const fail = (f: string | undefined) => {
      if (!f || failure) return;
      failure = f;
    };
    for (const r of b.resources) {
      const [first, second] = counters(b.signal) as [Counter, Counter];
      const res = r.resource.attributes;
      for (const s of r.scopes) {
        const base = { resource: r.resource, scope: s.scope, cache: new Map() };
        for (const it of s.items) {
          if (b.signal === 'traces') {
            const span = it as Span;
            first.time(span.startTimeUnixNano);
            first.time(span.endTimeUnixNano);
            fail(first.update(span.attributes, s.scope.attributes, res, { ...base, span }));
            for (const spanEvent of span.events) {
              second.time(spanEvent.timeUnixNano);
              fail(second.update(spanEvent.attributes, s.scope.attributes, res, { ...base, span, spanEvent }));
            }
          } else if (b.signal === 'metrics') {
            const metric = it as Metric;
            fail(first.update(new Map(), s.scope.attributes, res, { ...base, metric }));
            for (const dataPoint of metric.dataPoints) {
              second.time(dataPoint.timeUnixNano);
              fail(second.update(dataPoint.attributes, s.scope.attributes, res, { ...base, metric, dataPoint }));
            }
          } else {
            const log = it as LogRecord;
            first.time(log.timeUnixNano);
            fail(first.update(log.attributes, s.scope.attributes, res, { ...base, log }));
          }
        }
      }
      const metrics = [first, second].filter(Boolean).flatMap((c) => c.metrics(now));
      if (metrics.length) resources.push({ attributes: cloneAttrs(res), metrics });
    }
    if (failure?.startsWith('unsupported:')) {
      unsupported(failure.slice('unsupported:'.length));
      ctx.flow.otel.endAll(b, 'dropped', ctx.id, 'a condition uses an OTTL function that is not simulated: nothing counted');
      return;
    }
    if (failure) {
      ctx.warn(`OTTL error: ${failure}: upstream's connector returns the error and counts nothing for that batch`);
      ctx.flow.otel.endAll(b, 'dropped', ctx.id, `OTTL error: ${failure}`);
      return;
    }
    ctx.flow.otel.endAll(b, 'converted', ctx.id, 'counted into delta sums');
    const batch = metricsBatch(resources, SCOPE);
    ctx.flow.otel.start(ctx.id, batch);
    ctx.flow.otel.forward(ctx.id, out.metrics, batch, {});
  });
  return { exports: { input } };
}
