// OTel metrics to Prometheus samples (otelcol.exporter.prometheus) and back
// (otelcol.receiver.prometheus), following the OpenTelemetry ↔ Prometheus compatibility
// rules: job/instance from the service, target_info, scope labels, unit and _total suffixes,
// histogram and summary series.

import { asString, emptyScope, type Attrs, type Batch, type DataPoint, type Metric, type ResourceItems } from '../../otel/pdata.js';
import type { PromBatch, PromMetadata, PromSample } from '../../prom/series.js';
import type { Labels } from '../../samples.js';

export interface ToPromOptions {
  addSuffixes: boolean;
  targetInfo: boolean;
  scopeLabels: boolean;
  resourceToLabels: boolean;
  keepIdentifying: boolean;
}

const UNITS: Record<string, string> = { d: 'days', h: 'hours', min: 'minutes', s: 'seconds', ms: 'milliseconds', us: 'microseconds', ns: 'nanoseconds', By: 'bytes', KiBy: 'kibibytes', MiBy: 'mebibytes', GiBy: 'gibibytes', TiBy: 'tibibytes', KBy: 'kilobytes', MBy: 'megabytes', GBy: 'gigabytes', TBy: 'terabytes', m: 'meters', V: 'volts', A: 'amperes', J: 'joules', W: 'watts', g: 'grams', Cel: 'celsius', Hz: 'hertz', '%': 'percent' };
const PER: Record<string, string> = { s: 'second', m: 'minute', h: 'hour', d: 'day', w: 'week', mo: 'month', y: 'year' };

export const sanitizeLabel = (s: string) => {
  const r = s.replace(/[^a-zA-Z0-9_]/g, '_');
  return /^[0-9]/.test(r) ? `key_${r}` : r;
};
const sanitizeName = (s: string) => s.replace(/[^a-zA-Z0-9_:]/g, '_').replace(/^([0-9])/, '_$1');

/** The Prometheus name of an OTel metric. */
export function promName(m: Metric, addSuffixes: boolean): string {
  let name = sanitizeName(m.name);
  if (!addSuffixes) return name;
  const unit = m.unit.replace(/\{[^}]*\}/g, '').trim();
  if (unit) {
    const [main, per] = unit.split('/');
    const parts: string[] = [];
    const u = UNITS[main] ?? (main === '1' ? (m.type === 'gauge' ? 'ratio' : '') : sanitizeLabel(main));
    if (u) parts.push(u);
    if (per) parts.push(`per_${PER[per] ?? sanitizeLabel(per)}`);
    for (const p of parts) if (!name.endsWith(`_${p}`) && !name.includes(`_${p}_`)) name += `_${p}`;
  }
  if (m.type === 'sum' && m.isMonotonic && !name.endsWith('_total')) name += '_total';
  return name;
}

/** `job` (service.namespace/service.name) and `instance` (service.instance.id), as both bridges derive them. */
export function jobInstance(res: Attrs): Labels {
  const out: Labels = {};
  const svc = res.get('service.name');
  if (svc !== undefined) {
    const ns = res.get('service.namespace');
    out.job = ns !== undefined ? `${asString(ns)}/${asString(svc)}` : asString(svc);
  }
  const inst = res.get('service.instance.id');
  if (inst !== undefined) out.instance = asString(inst);
  return out;
}

function attrLabels(a: Attrs, into: Labels): Labels {
  for (const [k, v] of a) into[sanitizeLabel(k)] = asString(v);
  return into;
}

const ms = (ns: bigint) => Number(ns / 1_000_000n);

/** Converts a metrics batch; points of delta sums and exponential histograms are reported in `skipped`. */
export function toProm(b: Batch, o: ToPromOptions, now: number): { batch: PromBatch; skipped: string[] } {
  const samples: PromSample[] = [];
  const metadata = new Map<string, PromMetadata>();
  const skipped: string[] = [];
  for (const r of b.resources as ResourceItems<Metric>[]) {
    const base = jobInstance(r.resource.attributes);
    const extra: Labels = o.resourceToLabels ? attrLabels(r.resource.attributes, {}) : {};
    let latest = 0;
    for (const s of r.scopes)
      for (const m of s.items) {
        const name = promName(m, o.addSuffixes);
        const scopeLabels: Labels = o.scopeLabels && s.scope.name ? { otel_scope_name: s.scope.name, ...(s.scope.version ? { otel_scope_version: s.scope.version } : {}) } : {};
        if (m.type === 'exponentialHistogram') {
          skipped.push(`${m.name}: exponential histograms become native histograms, which are not simulated`);
          continue;
        }
        if (m.type !== 'gauge' && m.aggregationTemporality === 1 && !(m.type === 'sum' && !m.isMonotonic)) {
          skipped.push(`${m.name}: delta temporality is not supported by Prometheus (dropped)`);
          continue;
        }
        metadata.set(name, { type: m.type === 'sum' ? (m.isMonotonic ? 'counter' : 'gauge') : m.type, help: m.description, unit: m.unit });
        for (const p of m.dataPoints) {
          const t = p.timeUnixNano ? ms(p.timeUnixNano) : now;
          latest = Math.max(latest, t);
          const labels = attrLabels(p.attributes, { ...extra, ...scopeLabels });
          Object.assign(labels, base);
          pointSamples(m, p, name, labels, t, samples);
        }
      }
    const info = new Map([...r.resource.attributes].filter(([k]) => o.keepIdentifying || !['service.name', 'service.namespace', 'service.instance.id'].includes(k)));
    if (o.targetInfo && info.size && latest) samples.push({ labels: { ...attrLabels(info, {}), ...base, __name__: 'target_info' }, value: 1, t: latest });
  }
  return { batch: { samples, metadata }, skipped };
}

function pointSamples(m: Metric, p: DataPoint, name: string, labels: Labels, t: number, out: PromSample[]): void {
  const add = (n: string, extra: Labels, value: number) => out.push({ labels: { ...labels, ...extra, __name__: n }, value, t });
  if (m.type === 'gauge' || m.type === 'sum') add(name, {}, Number(p.value ?? 0));
  else if (m.type === 'histogram') {
    let cum = 0;
    const bounds = p.explicitBounds ?? [];
    (p.bucketCounts ?? []).forEach((c, i) => {
      cum += Number(c);
      add(`${name}_bucket`, { le: i < bounds.length ? fmtLe(bounds[i]) : '+Inf' }, cum);
    });
    if (!(p.bucketCounts ?? []).length) add(`${name}_bucket`, { le: '+Inf' }, Number(p.count ?? 0));
    if (p.sum !== undefined) add(`${name}_sum`, {}, p.sum);
    add(`${name}_count`, {}, Number(p.count ?? 0));
  } else if (m.type === 'summary') {
    for (const q of p.quantileValues ?? []) add(name, { quantile: fmtLe(q.quantile) }, q.value);
    add(`${name}_sum`, {}, p.sum ?? 0);
    add(`${name}_count`, {}, Number(p.count ?? 0));
  }
}

function fmtLe(f: number): string {
  return Number.isInteger(f) ? String(f) : String(f);
}

/** Prometheus samples as the OTel metrics otelcol.receiver.prometheus makes of them (counters, gauges, untyped, histogram and summary families). */
export function fromProm(b: PromBatch): Batch<Metric> {
  const resources = new Map<string, ResourceItems<Metric>>();
  const metrics = new Map<string, Metric>();
  const histos = new Map<string, DataPoint>();
  for (const s of b.samples) {
    const { __name__: name = '', job = '', instance = '', ...rest } = s.labels;
    const rkey = `${job}\u0000${instance}`;
    let res = resources.get(rkey);
    if (!res) {
      const attrs: Attrs = new Map();
      const slash = job.indexOf('/');
      if (slash > 0) {
        attrs.set('service.namespace', job.slice(0, slash));
        attrs.set('service.name', job.slice(slash + 1));
      } else if (job) attrs.set('service.name', job);
      if (instance) attrs.set('service.instance.id', instance);
      const hp = /^(.*):(\d+)$/.exec(instance);
      if (hp) {
        attrs.set('server.address', hp[1]);
        attrs.set('server.port', hp[2]);
        attrs.set('url.scheme', 'http');
      }
      res = { resource: { attributes: attrs }, schemaUrl: '', scopes: [{ scope: { ...emptyScope(), name: 'github.com/grafana/alloy/otelcol/receiver/prometheus' }, schemaUrl: '', items: [] }] };
      resources.set(rkey, res);
    }
    const fam = familyOf(name, b.metadata);
    const type = b.metadata.get(fam)?.type ?? 'unknown';
    const ns = BigInt(Math.round(s.t)) * 1_000_000n;
    const mkey = `${rkey}\u0000${fam}`;
    let m = metrics.get(mkey);
    if (!m) {
      const mt = type === 'counter' ? 'sum' : type === 'histogram' ? 'histogram' : type === 'summary' ? 'summary' : 'gauge';
      m = { name: fam, description: b.metadata.get(fam)?.help ?? '', unit: '', type: mt, dataPoints: [], aggregationTemporality: mt === 'gauge' ? 0 : 2, isMonotonic: mt === 'sum' };
      metrics.set(mkey, m);
      res.scopes[0].items.push(m);
    }
    if (m.type === 'gauge' || m.type === 'sum') {
      m.dataPoints.push({ attributes: new Map(Object.entries(rest)), startTimeUnixNano: 0n, timeUnixNano: ns, flags: 0, value: s.value });
      continue;
    }
    const { le, quantile, ...series } = rest;
    const pkey = `${mkey}\u0000${JSON.stringify(Object.entries(series).sort())}`;
    let p = histos.get(pkey);
    if (!p) {
      p = { attributes: new Map(Object.entries(series)), startTimeUnixNano: 0n, timeUnixNano: ns, flags: 0, count: 0n, sum: 0, ...(m.type === 'histogram' ? { bucketCounts: [], explicitBounds: [] } : { quantileValues: [] }) };
      histos.set(pkey, p);
      m.dataPoints.push(p);
    }
    if (name.endsWith('_sum')) p.sum = s.value;
    else if (name.endsWith('_count')) p.count = BigInt(Math.round(s.value));
    else if (m.type === 'histogram' && le !== undefined) {
      if (le !== '+Inf') p.explicitBounds!.push(Number(le));
      const prev = p.bucketCounts!.reduce((a, c) => a + Number(c), 0);
      p.bucketCounts!.push(BigInt(Math.round(s.value - prev)));
    } else if (quantile !== undefined) p.quantileValues!.push({ quantile: Number(quantile), value: s.value });
  }
  return { signal: 'metrics', resources: [...resources.values()] };
}

function familyOf(name: string, md: Map<string, PromMetadata>): string {
  if (md.has(name)) return name;
  for (const suf of ['_bucket', '_sum', '_count', '_total']) if (name.endsWith(suf) && md.has(name.slice(0, -suf.length))) return name.slice(0, -suf.length);
  return name;
}
