// The OTTL contexts of contrib v0.153.0 as data: which paths each context knows (pkg/ottl/contexts),
// which other contexts a path may name (`resource.attributes` inside `span`), and the enums.

export type ContextName = 'resource' | 'scope' | 'span' | 'spanevent' | 'log' | 'metric' | 'datapoint';
export type Signal = 'trace' | 'metric' | 'log';

export const CONTEXTS: readonly ContextName[] = ['resource', 'scope', 'span', 'spanevent', 'log', 'metric', 'datapoint'];

/** One segment of a path: what may follow it. */
export interface PathNode {
  /** True when the segment may be indexed: `attributes["k"]`, `body[0]`. */
  keys?: boolean;
  /** Sub-segments: `status.code`, `trace_id.string`. */
  next?: Record<string, PathNode>;
  /** A sub-segment is required (`positive` alone is fine, `status` alone is fine; none need one today). */
  doc?: string;
}

const leaf: PathNode = {};
const map: PathNode = { keys: true };
const idString: PathNode = { next: { string: leaf } };

const RESOURCE: Record<string, PathNode> = { attributes: map, dropped_attributes_count: leaf, schema_url: leaf };
const SCOPE: Record<string, PathNode> = { name: leaf, version: leaf, attributes: map, dropped_attributes_count: leaf, schema_url: leaf };
const SPAN: Record<string, PathNode> = {
  trace_id: idString,
  span_id: idString,
  parent_span_id: idString,
  trace_state: map,
  name: leaf,
  kind: { next: { string: leaf, deprecated_string: leaf } },
  start_time_unix_nano: leaf,
  end_time_unix_nano: leaf,
  start_time: leaf,
  end_time: leaf,
  attributes: map,
  dropped_attributes_count: leaf,
  events: leaf,
  dropped_events_count: leaf,
  links: leaf,
  dropped_links_count: leaf,
  status: { next: { code: leaf, message: leaf } },
};
const SPANEVENT: Record<string, PathNode> = {
  time_unix_nano: leaf,
  time: leaf,
  name: leaf,
  attributes: map,
  dropped_attributes_count: leaf,
  event_index: leaf,
};
const LOG: Record<string, PathNode> = {
  time_unix_nano: leaf,
  observed_time_unix_nano: leaf,
  time: leaf,
  observed_time: leaf,
  severity_number: leaf,
  severity_text: leaf,
  body: { keys: true, next: { string: leaf } },
  attributes: map,
  dropped_attributes_count: leaf,
  flags: leaf,
  trace_id: idString,
  span_id: idString,
  event_name: leaf,
};
const METRIC: Record<string, PathNode> = {
  name: leaf,
  description: leaf,
  unit: leaf,
  type: leaf,
  aggregation_temporality: leaf,
  is_monotonic: leaf,
  data_points: leaf,
  metadata: map,
};
const DATAPOINT: Record<string, PathNode> = {
  attributes: map,
  start_time_unix_nano: leaf,
  time_unix_nano: leaf,
  start_time: leaf,
  time: leaf,
  value_double: leaf,
  value_int: leaf,
  exemplars: leaf,
  flags: leaf,
  count: leaf,
  sum: leaf,
  bucket_counts: leaf,
  explicit_bounds: leaf,
  scale: leaf,
  zero_count: leaf,
  positive: { next: { offset: leaf, bucket_counts: leaf } },
  negative: { next: { offset: leaf, bucket_counts: leaf } },
  quantile_values: leaf,
};

/** The paths of each context, without the context prefix. `cache` is added for the main context. */
export const CONTEXT_PATHS: Record<ContextName, Record<string, PathNode>> = {
  resource: RESOURCE,
  scope: SCOPE,
  span: SPAN,
  spanevent: SPANEVENT,
  log: LOG,
  metric: METRIC,
  datapoint: DATAPOINT,
};

/** The contexts a path may name from inside each context (its own first). */
export const ACCESSIBLE: Record<ContextName, readonly ContextName[]> = {
  resource: ['resource'],
  scope: ['scope', 'resource'],
  span: ['span', 'resource', 'scope'],
  spanevent: ['spanevent', 'span', 'resource', 'scope'],
  log: ['log', 'resource', 'scope'],
  metric: ['metric', 'resource', 'scope'],
  datapoint: ['datapoint', 'metric', 'resource', 'scope'],
};

/** `instrumentation_scope` is the older name of `scope`. */
export const CONTEXT_ALIASES: Record<string, ContextName> = { instrumentation_scope: 'scope' };

/** The contexts a signal's statements may run in, most specific first (contrib's inference order). */
export const SIGNAL_CONTEXTS: Record<Signal, readonly ContextName[]> = {
  trace: ['spanevent', 'span', 'scope', 'resource'],
  metric: ['datapoint', 'metric', 'scope', 'resource'],
  log: ['log', 'scope', 'resource'],
};

const severity: Record<string, bigint> = { SEVERITY_NUMBER_UNSPECIFIED: 0n };
['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'].forEach((level, i) => {
  for (let k = 1; k <= 4; k++) severity[`SEVERITY_NUMBER_${level}${k === 1 ? '' : k}`] = BigInt(i * 4 + k);
});
const spanEnums: Record<string, bigint> = {
  SPAN_KIND_UNSPECIFIED: 0n, SPAN_KIND_INTERNAL: 1n, SPAN_KIND_SERVER: 2n, SPAN_KIND_CLIENT: 3n, SPAN_KIND_PRODUCER: 4n, SPAN_KIND_CONSUMER: 5n,
  STATUS_CODE_UNSET: 0n, STATUS_CODE_OK: 1n, STATUS_CODE_ERROR: 2n,
};
const metricEnums: Record<string, bigint> = {
  AGGREGATION_TEMPORALITY_UNSPECIFIED: 0n, AGGREGATION_TEMPORALITY_DELTA: 1n, AGGREGATION_TEMPORALITY_CUMULATIVE: 2n,
  METRIC_DATA_TYPE_NONE: 0n, METRIC_DATA_TYPE_GAUGE: 1n, METRIC_DATA_TYPE_SUM: 2n, METRIC_DATA_TYPE_HISTOGRAM: 3n,
  METRIC_DATA_TYPE_EXPONENTIAL_HISTOGRAM: 4n, METRIC_DATA_TYPE_SUMMARY: 5n,
};

/** Enum symbols each context knows, with their int64 values. */
export const ENUMS: Record<ContextName, Record<string, bigint>> = {
  resource: {},
  scope: {},
  span: spanEnums,
  spanevent: spanEnums,
  log: severity,
  metric: metricEnums,
  datapoint: { ...metricEnums, FLAG_NONE: 0n, FLAG_NO_RECORDED_VALUE: 1n },
};
