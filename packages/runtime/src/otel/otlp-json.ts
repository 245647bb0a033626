// OTLP/JSON (the protobuf JSON mapping OTLP/HTTP uses) into pdata: resourceSpans /
// resourceLogs / resourceMetrics, hex trace and span ids, 64-bit integers as strings or
// numbers, enums as numbers or names, attributes as AnyValues. Errors name the JSON path.

import { base64Decode } from '@alloy-lint/gostd';
import { emptyScope, SPAN_KINDS, STATUS_CODES, type AnyValue, type Attrs, type Batch, type DataPoint, type LogRecord, type Metric, type MetricType, type ResourceItems, type Scope, type Signal, type Span } from './pdata.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

class Reader {
  constructor(readonly errors: string[]) {}

  list(v: unknown, where: string): unknown[] {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) {
      this.errors.push(`${where}: expected a list`);
      return [];
    }
    return v;
  }

  obj(v: unknown, where: string): Obj {
    if (v === undefined || v === null) return {};
    if (!isObj(v)) {
      this.errors.push(`${where}: expected an object`);
      return {};
    }
    return v;
  }

  str(v: unknown, where: string): string {
    if (v === undefined || v === null) return '';
    if (typeof v !== 'string') {
      this.errors.push(`${where}: expected a string`);
      return '';
    }
    return v;
  }

  /** int64/uint64/fixed64: a JSON number or a decimal string. */
  int(v: unknown, where: string): bigint {
    if (v === undefined || v === null) return 0n;
    if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
    if (typeof v === 'bigint') return v;
    if (typeof v === 'string' && /^-?\d+$/.test(v)) return BigInt(v);
    this.errors.push(`${where}: expected an integer (number or decimal string), got ${JSON.stringify(v)}`);
    return 0n;
  }

  num(v: unknown, where: string): number {
    if (v === undefined || v === null) return 0;
    if (typeof v === 'number') return v;
    if (typeof v === 'string' && ['NaN', 'Infinity', '-Infinity'].includes(v)) return Number(v);
    if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
    this.errors.push(`${where}: expected a number, got ${JSON.stringify(v)}`);
    return 0;
  }

  enumOf(v: unknown, names: string[], where: string): number {
    if (v === undefined || v === null) return 0;
    if (typeof v === 'number' && Number.isInteger(v)) return v;
    if (typeof v === 'string') {
      const i = names.indexOf(v);
      if (i >= 0) return i;
    }
    this.errors.push(`${where}: expected one of ${names.join(', ')} or its number, got ${JSON.stringify(v)}`);
    return 0;
  }

  /** Trace ids are 16 bytes, span ids 8: hex as OTLP/JSON writes them; '' when absent. */
  id(v: unknown, bytes: number, where: string): string {
    if (v === undefined || v === null || v === '') return '';
    if (typeof v === 'string' && new RegExp(`^[0-9a-fA-F]{${bytes * 2}}$`).test(v)) return v.toLowerCase();
    this.errors.push(`${where}: expected ${bytes * 2} hex digits, got ${JSON.stringify(v)}`);
    return '';
  }

  attrs(v: unknown, where: string): Attrs {
    const out: Attrs = new Map();
    this.list(v, where).forEach((kv, i) => {
      const w = `${where}[${i}]`;
      const o = this.obj(kv, w);
      const key = this.str(o.key, `${w}.key`);
      out.set(key, this.value(o.value, `${w}.value`, 0));
    });
    return out;
  }

  value(v: unknown, where: string, depth: number): AnyValue {
    if (v === undefined || v === null) return null;
    const o = this.obj(v, where);
    if (depth > 64) {
      this.errors.push(`${where}: values nested deeper than 64 levels`);
      return null;
    }
    const keys = Object.keys(o);
    if (keys.length === 0) return null;
    if (keys.length > 1) this.errors.push(`${where}: an AnyValue has one field, got ${keys.join(', ')}`);
    const k = keys[0];
    const x = o[k];
    switch (k) {
      case 'stringValue':
        return this.str(x, `${where}.stringValue`);
      case 'boolValue':
        if (typeof x !== 'boolean') this.errors.push(`${where}.boolValue: expected true or false`);
        return x === true;
      case 'intValue':
        return this.int(x, `${where}.intValue`);
      case 'doubleValue':
        return this.num(x, `${where}.doubleValue`);
      case 'bytesValue':
        {
        const text = this.str(x, `${where}.bytesValue`);
        try {
          return base64Decode(text);
        } catch {
          this.errors.push(`${where}.bytesValue: not base64: ${JSON.stringify(text.slice(0, 40))}`);
          return new Uint8Array();
        }
      }
      case 'arrayValue':
        return this.list(this.obj(x, `${where}.arrayValue`).values, `${where}.arrayValue.values`).map((e, i) => this.value(e, `${where}.arrayValue.values[${i}]`, depth + 1));
      case 'kvlistValue': {
        const out: Attrs = new Map();
        this.list(this.obj(x, `${where}.kvlistValue`).values, `${where}.kvlistValue.values`).forEach((kv, i) => {
          const w = `${where}.kvlistValue.values[${i}]`;
          const e = this.obj(kv, w);
          out.set(this.str(e.key, `${w}.key`), this.value(e.value, `${w}.value`, depth + 1));
        });
        return out;
      }
      default:
        this.errors.push(`${where}: unknown AnyValue field ${JSON.stringify(k)} (stringValue, boolValue, intValue, doubleValue, bytesValue, arrayValue, kvlistValue)`);
        return null;
    }
  }

  scope(v: unknown, where: string): Scope {
    if (v === undefined) return emptyScope();
    const o = this.obj(v, where);
    return { name: this.str(o.name, `${where}.name`), version: this.str(o.version, `${where}.version`), attributes: this.attrs(o.attributes, `${where}.attributes`) };
  }
}

const FIELDS: Record<Signal, [string, string, string]> = {
  traces: ['resourceSpans', 'scopeSpans', 'spans'],
  logs: ['resourceLogs', 'scopeLogs', 'logRecords'],
  metrics: ['resourceMetrics', 'scopeMetrics', 'metrics'],
};

/** Decodes an ExportTraceServiceRequest / ExportLogsServiceRequest / ExportMetricsServiceRequest. */
export function decodeOtlp(signal: Signal, data: unknown, where: string): { batch: Batch; errors: string[] } {
  const errors: string[] = [];
  const r = new Reader(errors);
  const [resKey, scopeKey, itemKey] = FIELDS[signal];
  const top = r.obj(data, where);
  for (const k of Object.keys(top)) if (k !== resKey) errors.push(`${where}: unknown field ${JSON.stringify(k)} (expected ${resKey})`);
  const resources: ResourceItems<never>[] = r.list(top[resKey], `${where}.${resKey}`).map((rv, i) => {
    const rw = `${where}.${resKey}[${i}]`;
    const ro = r.obj(rv, rw);
    const res = r.obj(ro.resource, `${rw}.resource`);
    return {
      resource: { attributes: r.attrs(res.attributes, `${rw}.resource.attributes`) },
      schemaUrl: r.str(ro.schemaUrl, `${rw}.schemaUrl`),
      scopes: r.list(ro[scopeKey], `${rw}.${scopeKey}`).map((sv, j) => {
        const sw = `${rw}.${scopeKey}[${j}]`;
        const so = r.obj(sv, sw);
        const items = r.list(so[itemKey], `${sw}.${itemKey}`).map((iv, k) => {
          const iw = `${sw}.${itemKey}[${k}]`;
          return signal === 'traces' ? span(r, r.obj(iv, iw), iw) : signal === 'logs' ? logRecord(r, r.obj(iv, iw), iw) : metric(r, r.obj(iv, iw), iw);
        });
        return { scope: r.scope(so.scope, `${sw}.scope`), schemaUrl: r.str(so.schemaUrl, `${sw}.schemaUrl`), items: items as never[] };
      }),
    };
  });
  return { batch: { signal, resources }, errors };
}

function span(r: Reader, o: Obj, w: string): Span {
  const st = r.obj(o.status, `${w}.status`);
  return {
    traceId: r.id(o.traceId, 16, `${w}.traceId`),
    spanId: r.id(o.spanId, 8, `${w}.spanId`),
    parentSpanId: r.id(o.parentSpanId, 8, `${w}.parentSpanId`),
    traceState: r.str(o.traceState, `${w}.traceState`),
    name: r.str(o.name, `${w}.name`),
    kind: r.enumOf(o.kind, SPAN_KINDS, `${w}.kind`),
    startTimeUnixNano: r.int(o.startTimeUnixNano, `${w}.startTimeUnixNano`),
    endTimeUnixNano: r.int(o.endTimeUnixNano, `${w}.endTimeUnixNano`),
    attributes: r.attrs(o.attributes, `${w}.attributes`),
    events: r.list(o.events, `${w}.events`).map((e, i) => {
      const eo = r.obj(e, `${w}.events[${i}]`);
      return { name: r.str(eo.name, `${w}.events[${i}].name`), timeUnixNano: r.int(eo.timeUnixNano, `${w}.events[${i}].timeUnixNano`), attributes: r.attrs(eo.attributes, `${w}.events[${i}].attributes`) };
    }),
    links: r.list(o.links, `${w}.links`).map((l, i) => {
      const lo = r.obj(l, `${w}.links[${i}]`);
      const lw = `${w}.links[${i}]`;
      return { traceId: r.id(lo.traceId, 16, `${lw}.traceId`), spanId: r.id(lo.spanId, 8, `${lw}.spanId`), traceState: r.str(lo.traceState, `${lw}.traceState`), attributes: r.attrs(lo.attributes, `${lw}.attributes`) };
    }),
    status: { code: r.enumOf(st.code, STATUS_CODES, `${w}.status.code`), message: r.str(st.message, `${w}.status.message`) },
    flags: Number(r.int(o.flags, `${w}.flags`)),
  };
}

const SEVERITIES = ['SEVERITY_NUMBER_UNSPECIFIED', 'SEVERITY_NUMBER_TRACE', 'SEVERITY_NUMBER_TRACE2', 'SEVERITY_NUMBER_TRACE3', 'SEVERITY_NUMBER_TRACE4', 'SEVERITY_NUMBER_DEBUG', 'SEVERITY_NUMBER_DEBUG2', 'SEVERITY_NUMBER_DEBUG3', 'SEVERITY_NUMBER_DEBUG4', 'SEVERITY_NUMBER_INFO', 'SEVERITY_NUMBER_INFO2', 'SEVERITY_NUMBER_INFO3', 'SEVERITY_NUMBER_INFO4', 'SEVERITY_NUMBER_WARN', 'SEVERITY_NUMBER_WARN2', 'SEVERITY_NUMBER_WARN3', 'SEVERITY_NUMBER_WARN4', 'SEVERITY_NUMBER_ERROR', 'SEVERITY_NUMBER_ERROR2', 'SEVERITY_NUMBER_ERROR3', 'SEVERITY_NUMBER_ERROR4', 'SEVERITY_NUMBER_FATAL', 'SEVERITY_NUMBER_FATAL2', 'SEVERITY_NUMBER_FATAL3', 'SEVERITY_NUMBER_FATAL4'];

function logRecord(r: Reader, o: Obj, w: string): LogRecord {
  return {
    timeUnixNano: r.int(o.timeUnixNano, `${w}.timeUnixNano`),
    observedTimeUnixNano: r.int(o.observedTimeUnixNano, `${w}.observedTimeUnixNano`),
    severityNumber: r.enumOf(o.severityNumber, SEVERITIES, `${w}.severityNumber`),
    severityText: r.str(o.severityText, `${w}.severityText`),
    body: r.value(o.body, `${w}.body`, 0),
    attributes: r.attrs(o.attributes, `${w}.attributes`),
    traceId: r.id(o.traceId, 16, `${w}.traceId`),
    spanId: r.id(o.spanId, 8, `${w}.spanId`),
    flags: Number(r.int(o.flags, `${w}.flags`)),
    eventName: r.str(o.eventName, `${w}.eventName`),
  };
}

const TYPES: MetricType[] = ['gauge', 'sum', 'histogram', 'exponentialHistogram', 'summary'];

function metric(r: Reader, o: Obj, w: string): Metric {
  const type = TYPES.find((t) => o[t] !== undefined);
  if (!type) r.errors.push(`${w}: a metric needs one of ${TYPES.join(', ')}`);
  const body = r.obj(type ? o[type] : undefined, `${w}.${type}`);
  const dataPoints = r.list(body.dataPoints, `${w}.${type}.dataPoints`).map((p, i) => point(r, r.obj(p, `${w}.${type}.dataPoints[${i}]`), `${w}.${type}.dataPoints[${i}]`, type ?? 'gauge'));
  return {
    name: r.str(o.name, `${w}.name`),
    description: r.str(o.description, `${w}.description`),
    unit: r.str(o.unit, `${w}.unit`),
    type: type ?? 'gauge',
    dataPoints,
    aggregationTemporality: r.enumOf(body.aggregationTemporality, ['AGGREGATION_TEMPORALITY_UNSPECIFIED', 'AGGREGATION_TEMPORALITY_DELTA', 'AGGREGATION_TEMPORALITY_CUMULATIVE'], `${w}.${type}.aggregationTemporality`),
    isMonotonic: body.isMonotonic === true,
  };
}

function point(r: Reader, o: Obj, w: string, type: MetricType): DataPoint {
  const p: DataPoint = {
    attributes: r.attrs(o.attributes, `${w}.attributes`),
    startTimeUnixNano: r.int(o.startTimeUnixNano, `${w}.startTimeUnixNano`),
    timeUnixNano: r.int(o.timeUnixNano, `${w}.timeUnixNano`),
    flags: Number(r.int(o.flags, `${w}.flags`)),
  };
  if (type === 'gauge' || type === 'sum') {
    if (o.asInt !== undefined) p.value = r.int(o.asInt, `${w}.asInt`);
    else p.value = r.num(o.asDouble, `${w}.asDouble`);
  } else if (type === 'exponentialHistogram') {
    p.exp = o;
    p.count = r.int(o.count, `${w}.count`);
    if (o.sum !== undefined) p.sum = r.num(o.sum, `${w}.sum`);
  } else {
    p.count = r.int(o.count, `${w}.count`);
    if (o.sum !== undefined) p.sum = r.num(o.sum, `${w}.sum`);
    if (type === 'histogram') {
      p.bucketCounts = r.list(o.bucketCounts, `${w}.bucketCounts`).map((x, i) => r.int(x, `${w}.bucketCounts[${i}]`));
      p.explicitBounds = r.list(o.explicitBounds, `${w}.explicitBounds`).map((x, i) => r.num(x, `${w}.explicitBounds[${i}]`));
      if (o.min !== undefined) p.min = r.num(o.min, `${w}.min`);
      if (o.max !== undefined) p.max = r.num(o.max, `${w}.max`);
      if (p.bucketCounts.length && p.bucketCounts.length !== p.explicitBounds.length + 1) r.errors.push(`${w}: bucketCounts needs one more entry than explicitBounds`);
    } else {
      p.quantileValues = r.list(o.quantileValues, `${w}.quantileValues`).map((q, i) => {
        const qo = r.obj(q, `${w}.quantileValues[${i}]`);
        return { quantile: r.num(qo.quantile, `${w}.quantileValues[${i}].quantile`), value: r.num(qo.value, `${w}.quantileValues[${i}].value`) };
      });
    }
  }
  return p;
}
