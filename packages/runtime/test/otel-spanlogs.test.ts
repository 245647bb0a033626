// otelcol.connector.spanlogs: log lines from spans, expectations worked out by hand from the
// upstream connector (key order, overrides, labels, the scope-ending quirk).
import { describe, expect, it } from 'vitest';
import { expectClean, runText, sink } from './helpers.js';
import { EXPORTER, kv, RECEIVER, span, traces } from './otel-helpers.js';

const T = '4228e430a1f94dc866fb862c68189da7';
const cfg = (args: string) => RECEIVER('otelcol.connector.spanlogs.sl.input') + `otelcol.connector.spanlogs "sl" {\n${args}  output {\n    logs = [otelcol.exporter.otlp.out.input]\n  }\n}\n` + EXPORTER;
const lines = (args: string, spans: ReturnType<typeof span>[]) => {
  const r = expectClean(runText(cfg(args), { otlp: { 'otelcol.receiver.otlp.in': [{ traces: traces({ 'service.name': 'api', 'k8s.pod.name': 'p-1' }, spans) }] } }));
  return (sink(r, 'otelcol.exporter.otlp.out').logRecords ?? []).map((l) => [l.name, l.attributes]);
};

describe('otelcol.connector.spanlogs', () => {
  it('process, span, root and event lines in upstream order, with the listed attributes and labels', () => {
    const root = { ...span({ name: 'GET /', spanId: '0000000000000001', durationMs: 2.5, attrs: { 'http.method': 'GET', skip: 'x' }, status: 1 }), events: [{ name: 'e', timeUnixNano: '1747795687121000000', attributes: kv({ 'log.severity': 'warn', other: 'x' }) }] };
    const child = span({ name: 'db', spanId: '0000000000000002', parentSpanId: '0000000000000001', durationMs: 1 });
    const args = '  spans = true\n  roots = true\n  processes = true\n  events = true\n  span_attributes = ["http.method"]\n  process_attributes = ["k8s.pod.name"]\n  event_attributes = ["log.severity"]\n  labels = ["svc", "tid"]\n';
    const spanLine = `span="GET /" dur=2500000ns status=Ok http.method=GET svc=api k8s.pod.name=p-1 tid=${T}`;
    const lab = (kind: string) => ({ traces: kind, svc: 'api', tid: T });
    expect(lines(args, [root, child])).toEqual([
      [`svc=api k8s.pod.name=p-1 tid=${T}`, lab('process')],
      [spanLine, lab('span')],
      [spanLine, lab('root')],
      [`${spanLine} log.severity=warn`, lab('event')],
      [`span=db dur=1000000ns svc=api k8s.pod.name=p-1 tid=${T}`, lab('span')],
    ]);
  });

  it('overrides rename the keys; with roots only, a non-root span ends its scope as upstream', () => {
    const root = span({ name: 'r', spanId: '0000000000000001' });
    const child = span({ name: 'c', spanId: '0000000000000002', parentSpanId: '0000000000000001' });
    const args = '  roots = true\n  overrides {\n    logs_instance_tag = "kind"\n    service_key = "service"\n    trace_id_key = "traceID"\n  }\n';
    expect(lines(args, [root, child])).toEqual([[`span=r dur=2500000ns service=api traceID=${T}`, { kind: 'root' }]]);
    expect(lines(args, [child, root])).toEqual([]);
  });
});
