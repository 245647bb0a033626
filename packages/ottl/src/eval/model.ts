// The plain data the evaluator works on: OTLP's resource, scope, span, span event, log record,
// metric and data point as JS objects (field names as in OTLP/JSON, camelCase; the runtime's
// pdata objects fit as they are). Values keep OTTL's types: string, boolean, int64 as bigint,
// float64 as number, bytes as Uint8Array, maps as Map (insertion-ordered), lists as arrays, nil
// as null.

export type OValue = null | string | boolean | bigint | number | Uint8Array | OMap | OValue[] | GoTime;
export type OMap = Map<string, OValue>;

/** A point in time (what `span.start_time` returns), in Unix nanoseconds. */
export class GoTime {
  constructor(readonly unixNano: bigint) {}
}

export interface Resource {
  attributes: OMap;
  droppedAttributesCount?: number;
  schemaUrl?: string;
}

export interface Scope {
  name?: string;
  version?: string;
  attributes?: OMap;
  droppedAttributesCount?: number;
  schemaUrl?: string;
}

export interface SpanEvent {
  name: string;
  timeUnixNano?: bigint;
  attributes: OMap;
  droppedAttributesCount?: number;
}

export interface Span {
  /** 32 hex digits. */
  traceId: string;
  /** 16 hex digits. */
  spanId: string;
  parentSpanId?: string;
  traceState?: string;
  name: string;
  /** SPAN_KIND_* value: 0 unspecified, 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  kind?: number;
  startTimeUnixNano?: bigint;
  endTimeUnixNano?: bigint;
  attributes: OMap;
  droppedAttributesCount?: number;
  events?: SpanEvent[];
  droppedEventsCount?: number;
  links?: unknown[];
  droppedLinksCount?: number;
  status?: { code?: number; message?: string };
  flags?: number;
}

export interface LogRecord {
  timeUnixNano?: bigint;
  observedTimeUnixNano?: bigint;
  severityNumber?: number;
  severityText?: string;
  body?: OValue;
  attributes: OMap;
  droppedAttributesCount?: number;
  flags?: number;
  traceId?: string;
  spanId?: string;
  eventName?: string;
}

export type MetricType = 'empty' | 'gauge' | 'sum' | 'histogram' | 'exponentialHistogram' | 'summary';

export interface DataPoint {
  attributes: OMap;
  startTimeUnixNano?: bigint;
  timeUnixNano?: bigint;
  /** Gauge and sum points: a double (number) or an int (bigint). */
  value?: number | bigint;
  flags?: number;
  count?: bigint;
  sum?: number;
  min?: number;
  max?: number;
  bucketCounts?: bigint[];
  explicitBounds?: number[];
  scale?: number;
  zeroCount?: bigint;
  positive?: { offset: number; bucketCounts: bigint[] };
  negative?: { offset: number; bucketCounts: bigint[] };
  quantileValues?: { quantile: number; value: number }[];
  exemplars?: unknown[];
}

export interface Metric {
  name: string;
  description?: string;
  unit?: string;
  type: MetricType;
  /** 0 unspecified, 1 delta, 2 cumulative (sums and histograms). */
  aggregationTemporality?: number;
  isMonotonic?: boolean;
  dataPoints: DataPoint[];
  metadata?: OMap;
}

/** What one statement or condition sees: the item of its context and the items above it. */
export interface Telemetry {
  resource: Resource;
  scope?: Scope;
  span?: Span;
  spanEvent?: SpanEvent;
  log?: LogRecord;
  metric?: Metric;
  dataPoint?: DataPoint;
  /** The `cache` map, shared by the statements of one group for one item. */
  cache?: OMap;
}

export const METRIC_TYPE_NUMBER: Record<MetricType, bigint> = { empty: 0n, gauge: 1n, sum: 2n, histogram: 3n, exponentialHistogram: 4n, summary: 5n };

export const isMap = (v: unknown): v is OMap => v instanceof Map;
