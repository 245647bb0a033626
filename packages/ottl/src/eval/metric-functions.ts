// The transform processor's metric-context editors that the corpus uses.
import type { Arg, Env, Impl } from './fn-types.js';
import type { DataPoint, Metric, OValue } from './model.js';
import { OttlRuntimeError, typeName } from './values.js';

const fail = (msg: string): never => {
  throw new OttlRuntimeError(msg);
};
const metricOf = (env: Env): Metric => env.data.metric ?? fail('this function needs a metric');
const strArg = (a: Arg | undefined, what: string): string => {
  const v = a!.get();
  return typeof v === 'string' ? v : fail(`${what} must be a string, got ${typeName(v)}`);
};
const TEMPORALITY: Record<string, number> = { delta: 1, cumulative: 2 };

/** Data points that share the kept attributes, in first-seen order. */
function groups(points: DataPoint[], keep: string[] | undefined): DataPoint[][] {
  const out = new Map<string, DataPoint[]>();
  for (const p of points) {
    if (!keep) p.attributes.clear();
    else for (const k of [...p.attributes.keys()]) if (!keep.includes(k)) p.attributes.delete(k);
    const key = JSON.stringify([...p.attributes].map(([k, v]) => [k, typeof v === 'bigint' ? `${v}n` : v]).sort());
    const g = out.get(key);
    if (g) g.push(p);
    else out.set(key, [p]);
  }
  return [...out.values()];
}

function aggregate(fn: string, values: number[]): number {
  switch (fn) {
    case 'sum': return values.reduce((a, b) => a + b, 0);
    case 'mean': return values.reduce((a, b) => a + b, 0) / values.length;
    case 'min': return values.reduce((a, b) => Math.min(a, b), Infinity);
    case 'max': return values.reduce((a, b) => Math.max(a, b), -Infinity);
    case 'count': return values.length;
    case 'median': {
      const s = [...values].sort((a, b) => a - b);
      const m = Math.floor(s.length / 2);
      return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
    }
    default: return fail(`unsupported aggregation function ${JSON.stringify(fn)}: one of sum, mean, min, max, count, median`);
  }
}

export const METRIC_FUNCTIONS: Record<string, Impl> = {
  convert_sum_to_gauge(_args, env) {
    const m = metricOf(env);
    if (m.type === 'sum') {
      m.type = 'gauge';
      delete m.aggregationTemporality;
      delete m.isMonotonic;
    }
    return null;
  },
  convert_gauge_to_sum([temporality, monotonic], env) {
    const t = strArg(temporality, 'aggregation_temporality');
    if (!(t in TEMPORALITY)) fail(`unknown aggregation temporality: ${t}`);
    const mono = monotonic!.get();
    if (typeof mono !== 'boolean') fail('is_monotonic must be a bool');
    const m = metricOf(env);
    if (m.type === 'gauge') {
      m.type = 'sum';
      m.aggregationTemporality = TEMPORALITY[t];
      m.isMonotonic = mono as boolean;
    }
    return null;
  },
  aggregate_on_attributes([fnArg, attrs], env) {
    const fn = strArg(fnArg, 'aggregation_function');
    const keep = attrs ? (attrs.get() as OValue[]) : undefined;
    if (keep && (!Array.isArray(keep) || keep.some((k) => typeof k !== 'string'))) fail('attributes must be a list of strings');
    const m = metricOf(env);
    if (m.type !== 'gauge' && m.type !== 'sum') fail(`aggregate_on_attributes of a ${m.type} metric is not simulated`);
    m.dataPoints = groups(m.dataPoints, keep as string[] | undefined).map((g) => {
      const ints = g.every((p) => typeof p.value === 'bigint');
      const v = aggregate(fn, g.map((p) => Number(p.value ?? 0)));
      const start = g.reduce((a, p) => (p.startTimeUnixNano !== undefined && (a === undefined || p.startTimeUnixNano < a) ? p.startTimeUnixNano : a), undefined as bigint | undefined);
      const time = g.reduce((a, p) => (p.timeUnixNano !== undefined && (a === undefined || p.timeUnixNano > a) ? p.timeUnixNano : a), undefined as bigint | undefined);
      return { ...g[0], startTimeUnixNano: start, timeUnixNano: time, value: ints && Number.isInteger(v) ? BigInt(v) : v };
    });
    return null;
  },
  scale_metric([factorArg, unit], env) {
    const factor = factorArg!.get();
    if (typeof factor !== 'number') fail('factor must be a float');
    const f = factor as number;
    const m = metricOf(env);
    for (const p of m.dataPoints) {
      if (typeof p.value === 'number') p.value *= f;
      else if (typeof p.value === 'bigint') p.value = BigInt(Math.trunc(Number(p.value) * f));
      if (p.sum !== undefined) p.sum *= f;
      if (p.explicitBounds) p.explicitBounds = p.explicitBounds.map((b) => b * f);
    }
    if (unit) m.unit = strArg(unit, 'unit');
    return null;
  },
};
