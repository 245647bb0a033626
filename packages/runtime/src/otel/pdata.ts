// The OpenTelemetry data model as the collector's pdata holds it: resources, scopes and
// their items (spans, log records, metrics), attribute maps of AnyValues.

import { base64Encode, formatFloat, jsonFloat } from '@alloy-lint/gostd';

/** An AnyValue: string, double (number), int (bigint), bool, bytes, array, map, or empty (null). */
export type AnyValue = string | number | bigint | boolean | Uint8Array | AnyValue[] | Attrs | null;
export type Attrs = Map<string, AnyValue>;

export type Signal = 'traces' | 'logs' | 'metrics';

export interface Resource {
  attributes: Attrs;
}

export interface Scope {
  name: string;
  version: string;
  attributes: Attrs;
}

/** Where an item went, recorded only when tracing (see telemetry.ts). */
export interface Traced {
  _j?: import('./trail.js').ItemTrail;
}

export interface SpanEvent {
  name: string;
  timeUnixNano: bigint;
  attributes: Attrs;
}

export interface SpanLink {
  traceId: string;
  spanId: string;
  traceState: string;
  attributes: Attrs;
}

export interface Span extends Traced {
  /** Lowercase hex, 32 digits; '' when absent. */
  traceId: string;
  spanId: string;
  parentSpanId: string;
  traceState: string;
  name: string;
  /** 0 unspecified, 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  kind: number;
  startTimeUnixNano: bigint;
  endTimeUnixNano: bigint;
  attributes: Attrs;
  events: SpanEvent[];
  links: SpanLink[];
  /** 0 unset, 1 ok, 2 error. */
  status: { code: number; message: string };
  flags: number;
}

export interface LogRecord extends Traced {
  timeUnixNano: bigint;
  observedTimeUnixNano: bigint;
  severityNumber: number;
  severityText: string;
  body: AnyValue;
  attributes: Attrs;
  traceId: string;
  spanId: string;
  flags: number;
  eventName: string;
}

export type MetricType = 'gauge' | 'sum' | 'histogram' | 'exponentialHistogram' | 'summary';

export interface DataPoint {
  attributes: Attrs;
  startTimeUnixNano: bigint;
  timeUnixNano: bigint;
  flags: number;
  /** gauge, sum: a double (number) or an int (bigint). */
  value?: number | bigint;
  /** histogram, summary, exponential histogram. */
  count?: bigint;
  sum?: number;
  min?: number;
  max?: number;
  bucketCounts?: bigint[];
  explicitBounds?: number[];
  quantileValues?: { quantile: number; value: number }[];
  /** exponential histograms are kept as decoded JSON (not simulated further). */
  exp?: Record<string, unknown>;
}

export interface Metric extends Traced {
  name: string;
  description: string;
  unit: string;
  type: MetricType;
  dataPoints: DataPoint[];
  /** sum, histogram, exponential histogram: 1 delta, 2 cumulative. */
  aggregationTemporality: number;
  isMonotonic: boolean;
}

export interface ScopeItems<T> {
  scope: Scope;
  schemaUrl: string;
  items: T[];
}

/** ResourceSpans, ResourceLogs or ResourceMetrics. */
export interface ResourceItems<T> {
  resource: Resource;
  schemaUrl: string;
  scopes: ScopeItems<T>[];
}

export type Item = Span | LogRecord | Metric;

export interface Batch<T extends Item = Item> {
  signal: Signal;
  resources: ResourceItems<T>[];
}

export type Traces = Batch<Span>;
export type Logs = Batch<LogRecord>;
export type Metrics = Batch<Metric>;

export const SPAN_KINDS = ['SPAN_KIND_UNSPECIFIED', 'SPAN_KIND_INTERNAL', 'SPAN_KIND_SERVER', 'SPAN_KIND_CLIENT', 'SPAN_KIND_PRODUCER', 'SPAN_KIND_CONSUMER'];
export const STATUS_CODES = ['STATUS_CODE_UNSET', 'STATUS_CODE_OK', 'STATUS_CODE_ERROR'];

export function emptyScope(): Scope {
  return { name: '', version: '', attributes: new Map() };
}

export function cloneValue(v: AnyValue): AnyValue {
  if (v instanceof Map) return cloneAttrs(v);
  if (Array.isArray(v)) return v.map(cloneValue);
  if (v instanceof Uint8Array) return v.slice();
  return v;
}

export function cloneAttrs(a: Attrs): Attrs {
  const out: Attrs = new Map();
  for (const [k, v] of a) out.set(k, typeof v === 'object' && v !== null ? cloneValue(v) : v);
  return out;
}

function cloneItem<T extends Item>(it: T): T {
  const c = { ...it } as T;
  if ('attributes' in c) (c as Span).attributes = cloneAttrs((c as Span).attributes);
  if ('events' in c) {
    const s = c as Span;
    s.events = s.events.map((e) => ({ ...e, attributes: cloneAttrs(e.attributes) }));
    s.links = s.links.map((l) => ({ ...l, attributes: cloneAttrs(l.attributes) }));
    s.status = { ...s.status };
  }
  if ('dataPoints' in c) (c as Metric).dataPoints = (c as Metric).dataPoints.map((p) => ({ ...p, attributes: cloneAttrs(p.attributes) }));
  if ('body' in c) (c as LogRecord).body = cloneValue((c as LogRecord).body);
  if (it._j) c._j = { ...it._j, steps: [...it._j.steps] };
  return c;
}

/** A deep copy, as fan-out consumers each get their own (journeys copied too). */
export function cloneBatch<T extends Item>(b: Batch<T>): Batch<T> {
  return {
    signal: b.signal,
    resources: b.resources.map((r) => ({
      resource: { attributes: cloneAttrs(r.resource.attributes) },
      schemaUrl: r.schemaUrl,
      scopes: r.scopes.map((s) => ({ scope: { ...s.scope, attributes: cloneAttrs(s.scope.attributes) }, schemaUrl: s.schemaUrl, items: s.items.map(cloneItem) })),
    })),
  };
}

/** Every item of a batch with its resource and scope. */
export function* eachItem<T extends Item>(b: Batch<T>): Generator<{ res: ResourceItems<T>; scope: ScopeItems<T>; item: T }> {
  for (const res of b.resources) for (const scope of res.scopes) for (const item of scope.items) yield { res, scope, item };
}

export function countItems(b: Batch): number {
  let n = 0;
  for (const r of b.resources) for (const s of r.scopes) n += s.items.length;
  return n;
}

/** Keeps the items `keep` accepts; empty scopes and resources are removed, as upstream processors do. */
export function filterItems<T extends Item>(b: Batch<T>, keep: (item: T, res: ResourceItems<T>, scope: ScopeItems<T>) => boolean): void {
  for (const r of b.resources) {
    for (const s of r.scopes) s.items = s.items.filter((it) => keep(it, r, s));
    r.scopes = r.scopes.filter((s) => s.items.length > 0);
  }
  b.resources = b.resources.filter((r) => r.scopes.length > 0);
}

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

/** pcommon.Value.AsString: how a value reads as text (JSON for maps and arrays). */
export function asString(v: AnyValue): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return Number.isFinite(v) ? jsonFloat(v) : formatDouble(v);
  if (v instanceof Uint8Array) return base64Encode(v);
  return JSON.stringify(toPlain(v));
}

/** strconv.FormatFloat(f, 'g', -1, 64): how Go prints a double. */
export function formatDouble(f: number): string {
  return formatFloat(f, 'g', -1, 64);
}

/** JSON-friendly form for reports: maps as objects, ints as numbers when exact, bytes as hex. */
export function toPlain(v: AnyValue): unknown {
  if (v instanceof Map) {
    const o: Record<string, unknown> = {};
    for (const [k, x] of v) o[k] = toPlain(x);
    return o;
  }
  if (Array.isArray(v)) return v.map(toPlain);
  if (v instanceof Uint8Array) return hex(v);
  if (typeof v === 'bigint') return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString();
  if (typeof v === 'number' && !Number.isFinite(v)) return formatDouble(v);
  return v;
}

export function attrsPlain(a: Attrs): Record<string, unknown> {
  return toPlain(a) as Record<string, unknown>;
}

/** A string attribute, or '' (stringAttributeFromMap). */
export function strAttr(a: Attrs, key: string): string {
  const v = a.get(key);
  return typeof v === 'string' ? v : '';
}

/** Plain JSON data (from configuration) as an AnyValue, as pcommon.Value.FromRaw does. */
export function fromRaw(v: unknown): AnyValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean' || typeof v === 'bigint') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v) : v;
  if (Array.isArray(v)) return v.map(fromRaw);
  if (typeof v === 'object') return new Map(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, fromRaw(x)]));
  return String(v);
}

/** A typed, order-independent identity of an attribute map (what pdatautil.MapHash tells apart). */
export function attrsIdentity(a: Attrs): string {
  return [...a.keys()]
    .sort()
    .map((k) => `${JSON.stringify(k)}:${valueIdentity(a.get(k)!)}`)
    .join(',');
}

function valueIdentity(v: AnyValue): string {
  if (v === null) return 'n';
  if (typeof v === 'string') return `s${JSON.stringify(v)}`;
  if (typeof v === 'number') return `d${Object.is(v, -0) ? '-0' : String(v)}`;
  if (typeof v === 'bigint') return `i${v}`;
  if (typeof v === 'boolean') return `b${v}`;
  if (v instanceof Uint8Array) return `y${hex(v)}`;
  if (Array.isArray(v)) return `a[${v.map(valueIdentity).join(',')}]`;
  return `m{${attrsIdentity(v)}}`;
}
