// otelcol.exporter.* beyond otlp/otlphttp/debug: sinks that say where the data goes, with only
// the destination arguments shown (no secrets).
import { describe, expect, it } from 'vitest';
import { expectClean, runText, sink } from './helpers.js';
import { kv, otlpSamples, RECEIVER, span, traces } from './otel-helpers.js';

const samples = otlpSamples('otelcol.receiver.otlp.in', '10.0.0.1:1', traces({ 'service.name': 'svc' }, [span()]));

describe('other OpenTelemetry exporters as sinks', () => {
  it('kafka: brokers and topic shown; the span reaches it', () => {
    const cfg = RECEIVER('otelcol.exporter.kafka.k.input') + 'otelcol.exporter.kafka "k" {\n  brokers = ["kafka-0:9092", "kafka-1:9092"]\n  topic = "spans"\n  protocol_version = "2.0.0"\n}\n';
    const s = sink(expectClean(runText(cfg, samples)), 'otelcol.exporter.kafka.k');
    expect(s.endpoints).toEqual([{ url: 'kafka (brokers=kafka-0:9092,kafka-1:9092, topic=spans)' }]);
    expect(s.spans!.map((x) => x.name)).toEqual(['handle-hello']);
  });

  it('loadbalancing: the resolver and routing key; file: the path', () => {
    const lb = RECEIVER('otelcol.exporter.loadbalancing.lb.input') + 'otelcol.exporter.loadbalancing "lb" {\n  routing_key = "traceID"\n  resolver {\n    dns {\n      hostname = "tempo-headless"\n    }\n  }\n  protocol {\n    otlp {\n      client {}\n    }\n  }\n}\n';
    expect(sink(expectClean(runText(lb, samples)), 'otelcol.exporter.loadbalancing.lb').endpoints).toEqual([{ url: 'loadbalancing (routing_key=traceID, resolver.dns.hostname=tempo-headless)' }]);
    const file = RECEIVER('otelcol.exporter.file.f.input') + 'otelcol.exporter.file "f" {\n  path = "/var/otel/out.json"\n}\n';
    expect(sink(expectClean(runText(file, samples, { experimental: true })), 'otelcol.exporter.file.f').endpoints).toEqual([{ url: 'file (path=/var/otel/out.json)' }]);
  });

  // file and syslog are public-preview in v1.18.1: run with the lower stability level.
  it('syslog takes logs only: spans sent to it are dropped there, logs arrive', () => {
    const cfg = RECEIVER('otelcol.exporter.syslog.s.input') + 'otelcol.exporter.syslog "s" {\n  endpoint = "syslog.local"\n}\n';
    const logs = { resourceLogs: [{ resource: { attributes: kv({ 'service.name': 'svc' }) }, scopeLogs: [{ logRecords: [{ timeUnixNano: '1747795687120000000', body: { stringValue: 'hello' } }] }] }] };
    const r = expectClean(runText(cfg, { otlp: { 'otelcol.receiver.otlp.in': [{ traces: traces({}, [span()]), logs }] } }, { trace: true, experimental: true }));
    const s = sink(r, 'otelcol.exporter.syslog.s');
    expect(s.spans).toBeUndefined();
    expect(s.logRecords!.map((x) => x.name)).toEqual(['hello']);
    expect(r.itemJourneys.find((j) => j.input.kind === 'span')!.outcome).toMatchObject({ kind: 'dropped', reason: 'otelcol.exporter.syslog.s does not accept traces' });
    expect(r.warnings).toContain('otelcol.exporter.syslog.s does not take traces: what otelcol.receiver.otlp.in sends there is refused (upstream: signal not supported)');
  });
});

describe('otelcol.exporter.loki, logfmt lines (loki.format = "logfmt")', () => {
  const cfg = RECEIVER('otelcol.exporter.loki.l.input') + 'otelcol.exporter.loki "l" {\n  forward_to = [loki.write.w.receiver]\n}\nloki.write "w" {\n  endpoint {\n    url = "http://loki/loki/api/v1/push"\n  }\n}\n';
  const line = (body: unknown, attrs: Record<string, string | number | boolean> = {}) => {
    const logs = {
      resourceLogs: [
        {
          resource: { attributes: kv({ 'loki.format': 'logfmt' }) },
          scopeLogs: [{ logRecords: [{ timeUnixNano: '1747795687120000000', severityText: 'INFO', body, attributes: kv(attrs), traceId: '4228e430a1f94dc866fb862c68189da7' }] }],
        },
      ],
    };
    const r = expectClean(runText(cfg, { otlp: { 'otelcol.receiver.otlp.in': [{ logs }] } }));
    return sink(r, 'loki.write.w').entries.map((e) => e.line);
  };

  it('a logfmt body is read as pairs (its keys are never replaced), then trace id, severity, attributes as go-logfmt writes them', () => {
    expect(line({ stringValue: 'msg="hi there" traceID=x level=info' }, { user: 'u 1', n: 3, ok: true, empty: '' })).toEqual([
      'msg="hi there" traceID=x level=info traceID=4228e430a1f94dc866fb862c68189da7 severity=INFO attribute_user="u 1" attribute_n=3 attribute_ok=true attribute_empty=',
    ]);
  });

  it('a body that is not logfmt becomes msg; a map body is flattened with _ and list indexes', () => {
    expect(line({ stringValue: 'a "quoted" word' })).toEqual(['msg="a \\"quoted\\" word" traceID=4228e430a1f94dc866fb862c68189da7 severity=INFO']);
    const body = { kvlistValue: { values: [{ key: 'severity', value: { stringValue: 'x' } }, { key: 'req', value: { kvlistValue: { values: [{ key: 'ids', value: { arrayValue: { values: [{ intValue: '1' }, { stringValue: 'null' }] } } }] } } }] } };
    expect(line(body)).toEqual(['severity=INFO req_ids_0=1 req_ids_1="null" traceID=4228e430a1f94dc866fb862c68189da7']);
  });
});
