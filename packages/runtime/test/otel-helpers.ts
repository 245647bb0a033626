// Building OTLP/JSON requests for the OpenTelemetry runtime tests.
import type { Samples } from '../src/index.js';

export type Attr = Record<string, string | number | boolean>;

export const kv = (a: Attr = {}) =>
  Object.entries(a).map(([key, v]) => ({ key, value: typeof v === 'string' ? { stringValue: v } : typeof v === 'boolean' ? { boolValue: v } : Number.isInteger(v) ? { intValue: String(v) } : { doubleValue: v } }));

export interface SpanSpec {
  name?: string;
  traceId?: string;
  spanId?: string;
  parentSpanId?: string;
  kind?: number;
  start?: bigint;
  durationMs?: number;
  attrs?: Attr;
  status?: number;
  traceState?: string;
}

export const T0 = 1747795687120000000n;

export function span(s: SpanSpec = {}) {
  const start = s.start ?? T0;
  return {
    traceId: s.traceId ?? '4228e430a1f94dc866fb862c68189da7',
    spanId: s.spanId ?? '9d3c0e5a7b1f2468',
    ...(s.parentSpanId ? { parentSpanId: s.parentSpanId } : {}),
    ...(s.traceState ? { traceState: s.traceState } : {}),
    name: s.name ?? 'handle-hello',
    kind: s.kind ?? 2,
    startTimeUnixNano: String(start),
    endTimeUnixNano: String(start + BigInt(Math.round((s.durationMs ?? 2.5) * 1e6))),
    attributes: kv(s.attrs),
    ...(s.status !== undefined ? { status: { code: s.status } } : {}),
  };
}

export function traces(resource: Attr, spans: ReturnType<typeof span>[]) {
  return { resourceSpans: [{ resource: { attributes: kv(resource) }, scopeSpans: [{ scope: { name: 'test' }, spans }] }] };
}

/** Samples with one traces request to `receiver` from `peer`, plus `extra`. */
export function otlpSamples(receiver: string, peer: string | undefined, body: ReturnType<typeof traces>, extra: Samples = {}): Samples {
  return { ...extra, otlp: { [receiver]: [{ ...(peer ? { peer } : {}), traces: body }] } };
}

export const RECEIVER = (next: string) => `otelcol.receiver.otlp "in" {
  grpc {}
  output {
    traces  = [${next}]
    logs    = [${next}]
    metrics = [${next}]
  }
}
`;

export const EXPORTER = `otelcol.exporter.otlp "out" {
  client {
    endpoint = "tempo:4317"
  }
}
`;
