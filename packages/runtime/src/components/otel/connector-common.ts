// What the span-to-metrics connectors share: series keyed by their attributes, explicit
// histograms, and the flush that turns them into a metrics batch.

import { parseDuration } from '@alloy-lint/gostd';
import type { Attrs, Batch, DataPoint, Metric, ResourceItems } from '../../otel/pdata.js';

export function attrsKey(a: Attrs): string {
  return JSON.stringify([...a].sort((x, y) => (x[0] < y[0] ? -1 : 1)), (_, v) => (typeof v === 'bigint' ? v.toString() : v));
}

export class Series {
  count = 0n;
  sum = 0;
  buckets: bigint[];
  constructor(
    readonly attributes: Attrs,
    readonly bounds: number[],
  ) {
    this.buckets = new Array(bounds.length + 1).fill(0n);
  }

  observe(v: number): void {
    this.count++;
    this.sum += v;
    let i = this.bounds.findIndex((b) => v <= b);
    if (i < 0) i = this.bounds.length;
    this.buckets[i]++;
  }

  counter(start: bigint, time: bigint): DataPoint {
    return { attributes: this.attributes, startTimeUnixNano: start, timeUnixNano: time, flags: 0, value: this.count };
  }

  histogram(start: bigint, time: bigint): DataPoint {
    return { attributes: this.attributes, startTimeUnixNano: start, timeUnixNano: time, flags: 0, count: this.count, sum: this.sum, bucketCounts: [...this.buckets], explicitBounds: this.bounds };
  }
}

export function sumMetric(name: string, unit: string, points: DataPoint[], temporality = 2): Metric {
  return { name, description: '', unit, type: 'sum', dataPoints: points, aggregationTemporality: temporality, isMonotonic: true };
}

export function histogramMetric(name: string, unit: string, points: DataPoint[], temporality = 2): Metric {
  return { name, description: '', unit, type: 'histogram', dataPoints: points, aggregationTemporality: temporality, isMonotonic: false };
}

export function metricsBatch(resources: { attributes: Attrs; metrics: Metric[] }[], scopeName: string): Batch<Metric> {
  const out: ResourceItems<Metric>[] = resources
    .filter((r) => r.metrics.length)
    .map((r) => ({ resource: { attributes: r.attributes }, schemaUrl: '', scopes: [{ scope: { name: scopeName, version: '', attributes: new Map() }, schemaUrl: '', items: r.metrics }] }));
  return { signal: 'metrics', resources: out };
}

/** A duration (time.ParseDuration: "15s", "100ms") in the given unit; undefined when it does not parse. */
export function durationIn(text: string, unit: 'ms' | 's'): number | undefined {
  try {
    const ns = Number(parseDuration(text));
    return unit === 'ms' ? ns / 1e6 : ns / 1e9;
  } catch {
    return undefined;
  }
}
