// The way of one telemetry item (a span, a log record, a metric, a Prometheus sample)
// through the pipeline, recorded when tracing: its input, one step per component, an outcome.

import { attrsPlain, formatDouble, SPAN_KINDS, STATUS_CODES, type Item, type LogRecord, type Metric, type Resource, type Span, toPlain } from './pdata.js';

export type { ItemKind, ItemView, ItemStep, ItemJourney, ItemTrail } from './trail.js';
import type { ItemView } from './trail.js';

let lastSec = -1n;
let lastPrefix = '';

/** RFC 3339 with nanoseconds (the date part of the last second is reused: items come in bursts). */
export function nsText(ns: bigint): string {
  if (ns === 0n) return '0';
  const sec = ns / 1_000_000_000n;
  if (sec !== lastSec) {
    const d = new Date(Number(sec) * 1000);
    if (Number.isNaN(d.getTime())) return ns.toString();
    lastSec = sec;
    lastPrefix = d.toISOString().slice(0, 19);
  }
  return `${lastPrefix}.${(ns - sec * 1_000_000_000n).toString().padStart(9, '0')}Z`;
}

let lastMs = NaN;
let lastIso = '';

function msText(t: number): string {
  if (t !== lastMs) {
    lastMs = t;
    lastIso = new Date(t).toISOString();
  }
  return lastIso;
}

export function spanView(s: Span, resource?: Resource): ItemView {
  return {
    kind: 'span',
    name: s.name,
    resource: resource && attrsPlain(resource.attributes),
    attributes: attrsPlain(s.attributes),
    fields: {
      traceId: s.traceId,
      spanId: s.spanId,
      ...(s.parentSpanId ? { parentSpanId: s.parentSpanId } : {}),
      kind: SPAN_KINDS[s.kind] ?? s.kind,
      start: nsText(s.startTimeUnixNano),
      end: nsText(s.endTimeUnixNano),
      ...(s.status.code ? { status: STATUS_CODES[s.status.code] ?? s.status.code } : {}),
    },
  };
}

export function logView(l: LogRecord, resource?: Resource): ItemView {
  const body = toPlain(l.body);
  return {
    kind: 'log',
    name: typeof body === 'string' ? body : JSON.stringify(body),
    resource: resource && attrsPlain(resource.attributes),
    attributes: attrsPlain(l.attributes),
    fields: {
      time: nsText(l.timeUnixNano),
      ...(l.severityText ? { severityText: l.severityText } : {}),
      ...(l.severityNumber ? { severityNumber: l.severityNumber } : {}),
      ...(l.traceId ? { traceId: l.traceId } : {}),
      ...(l.spanId ? { spanId: l.spanId } : {}),
    },
  };
}

export function metricView(m: Metric, resource?: Resource): ItemView {
  return {
    kind: 'metric',
    name: m.name,
    resource: resource && attrsPlain(resource.attributes),
    attributes: {},
    fields: {
      type: m.type,
      ...(m.type === 'sum' || m.type === 'histogram' || m.type === 'exponentialHistogram' ? { temporality: m.aggregationTemporality === 1 ? 'delta' : m.aggregationTemporality === 2 ? 'cumulative' : 'unspecified' } : {}),
      points: m.dataPoints.map((p) => ({
        attributes: attrsPlain(p.attributes),
        ...(p.value !== undefined ? { value: typeof p.value === 'number' ? formatDouble(p.value) : p.value.toString() } : {}),
        ...(p.count !== undefined ? { count: p.count.toString(), sum: p.sum } : {}),
      })),
    },
  };
}

export function itemView(it: Item, resource?: Resource): ItemView {
  if ('spanId' in it && 'kind' in it) return spanView(it as Span, resource);
  if ('dataPoints' in it) return metricView(it as Metric, resource);
  return logView(it as LogRecord, resource);
}

/** A Prometheus sample: its labels (without __name__), value and time. */
export function sampleView(labels: Record<string, string>, value: number, t: number): ItemView {
  const attributes: Record<string, string> = {};
  for (const k in labels) if (k !== '__name__') attributes[k] = labels[k];
  return { kind: 'sample', name: labels.__name__ ?? '', attributes, fields: { value: formatDouble(value), timestamp: msText(t) } };
}
