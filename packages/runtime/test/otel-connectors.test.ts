// spanmetrics, servicegraph, the Loki and Prometheus bridges, transform/filter through an
// OTTL engine, and OTLP/JSON decoding: expectations from the upstream documentation.
import { afterEach, describe, expect, it } from 'vitest';
import { readSamples, setOttlEngine } from '../src/index.js';
import { expectClean, runText, sink } from './helpers.js';
import { EXPORTER, kv, otlpSamples, RECEIVER, span, traces, type SpanSpec } from './otel-helpers.js';

const run = (cfg: string, spans: SpanSpec[], resource: Record<string, string> = { 'service.name': 'svc' }) => expectClean(runText(RECEIVER(cfg.match(/^(otelcol\.[a-z_.]+) "(\w+)"/m)!.slice(1).join('.') + '.input') + cfg + EXPORTER, otlpSamples('otelcol.receiver.otlp.in', '10.0.0.1:1', traces(resource, spans.map(span))), { trace: true }));

describe('otelcol.connector.spanmetrics', () => {
  it('counts calls and buckets durations (ms) per service, span name, kind and status', () => {
    const r = run(`otelcol.connector.spanmetrics "sm" {\n  histogram {\n    explicit {}\n  }\n  dimension {\n    name = "http.method"\n    default = "GET"\n  }\n  output {\n    metrics = [otelcol.exporter.otlp.out.input]\n  }\n}\n`, [
      { spanId: '0000000000000001', durationMs: 2.5 },
      { spanId: '0000000000000002', durationMs: 70 },
    ]);
    const m = sink(r, 'otelcol.exporter.otlp.out').metrics!;
    expect(m.map((x) => [x.name, x.fields!.type])).toEqual([
      ['traces.span.metrics.calls', 'sum'],
      ['traces.span.metrics.duration', 'histogram'],
    ]);
    const attrs = { 'service.name': 'svc', 'span.name': 'handle-hello', 'span.kind': 'SPAN_KIND_SERVER', 'status.code': 'STATUS_CODE_UNSET', 'http.method': 'GET' };
    expect(m[0].fields!.points).toEqual([{ attributes: attrs, value: '2' }]);
    expect(m[1].fields!.points).toEqual([{ attributes: attrs, count: '2', sum: 72.5 }]);
    expect(m[0].resource).toEqual({ 'service.name': 'svc' });
  });
});

describe('otelcol.connector.servicegraph', () => {
  it('pairs a client span with the server span it is the parent of', () => {
    const cfg = `otelcol.connector.servicegraph "sg" {\n  output {\n    metrics = [otelcol.exporter.otlp.out.input]\n  }\n}\n`;
    const samples = {
      otlp: {
        'otelcol.receiver.otlp.in': [
          { traces: traces({ 'service.name': 'frontend' }, [span({ spanId: '000000000000000c', kind: 3, durationMs: 30, status: 2 })]) },
          { traces: traces({ 'service.name': 'api' }, [span({ spanId: '000000000000000d', parentSpanId: '000000000000000c', kind: 2, durationMs: 20 })]) },
        ],
      },
    };
    const r = expectClean(runText(RECEIVER('otelcol.connector.servicegraph.sg.input') + cfg + EXPORTER, samples));
    const m = sink(r, 'otelcol.exporter.otlp.out').metrics!;
    const edge = { client: 'frontend', server: 'api', connection_type: '' };
    expect(m.map((x) => [x.name, x.fields!.points])).toEqual([
      ['traces_service_graph_request_total', [{ attributes: edge, value: '1' }]],
      ['traces_service_graph_request_failed_total', [{ attributes: edge, value: '1' }]],
      ['traces_service_graph_request_server', [{ attributes: edge, count: '1', sum: 0.02 }]],
      ['traces_service_graph_request_client', [{ attributes: edge, count: '1', sum: 0.03 }]],
    ]);
  });
});

describe('bridges', () => {
  it('otelcol.exporter.loki: job from the service, exporter="OTLP", level label from severity, hinted labels; JSON line', () => {
    const cfg = `otelcol.receiver.otlp "in" {\n  grpc {}\n  output {\n    logs = [otelcol.exporter.loki.l.input]\n  }\n}\notelcol.exporter.loki "l" {\n  forward_to = [loki.write.w.receiver]\n}\nloki.write "w" {\n  endpoint {\n    url = "http://loki/loki/api/v1/push"\n  }\n}\n`;
    const logs = {
      resourceLogs: [
        {
          resource: { attributes: kv({ 'service.name': 'api', 'service.namespace': 'shop', 'k8s.pod.name': 'p', 'loki.resource.labels': 'k8s.pod.name' }) },
          scopeLogs: [{ logRecords: [{ timeUnixNano: '1747795687120000000', severityNumber: 9, severityText: 'INFO', body: { stringValue: 'hi <there>' }, attributes: kv({ user: 'u1' }), traceId: '4228e430a1f94dc866fb862c68189da7' }] }],
        },
      ],
    };
    const r = expectClean(runText(cfg, { otlp: { 'otelcol.receiver.otlp.in': [{ logs }] } }));
    expect(sink(r, 'loki.write.w').entries).toEqual([
      {
        labels: { exporter: 'OTLP', job: 'shop/api', k8s_pod_name: 'p', level: 'INFO' },
        line: '{"body":"hi \\u003cthere\\u003e","traceid":"4228e430a1f94dc866fb862c68189da7","severity":"INFO","attributes":{"user":"u1"},"resources":{"service.name":"api","service.namespace":"shop"}}',
        timestamp: '2025-05-21T02:48:07.12Z',
        structuredMetadata: {},
      },
    ]);
  });

  it('otelcol.exporter.prometheus: job/instance from the service, _total and unit suffixes, target_info', () => {
    const cfg = `otelcol.receiver.otlp "in" {\n  grpc {}\n  output {\n    metrics = [otelcol.exporter.prometheus.p.input]\n  }\n}\notelcol.exporter.prometheus "p" {\n  forward_to = [prometheus.remote_write.rw.receiver]\n}\nprometheus.remote_write "rw" {\n  endpoint {\n    url = "http://mimir/api/v1/push"\n  }\n}\n`;
    const metrics = {
      resourceMetrics: [
        {
          resource: { attributes: kv({ 'service.name': 'api', 'service.instance.id': 'i-1', 'host.name': 'h' }) },
          scopeMetrics: [
            {
              scope: { name: 'lib' },
              metrics: [
                { name: 'http.server.requests', unit: '1', sum: { isMonotonic: true, aggregationTemporality: 2, dataPoints: [{ timeUnixNano: '1747795687000000000', asInt: '7', attributes: kv({ 'http.route': '/a' }) }] } },
                { name: 'process.memory', unit: 'By', gauge: { dataPoints: [{ timeUnixNano: '1747795687000000000', asDouble: 1.5 }] } },
              ],
            },
          ],
        },
      ],
    };
    const r = expectClean(runText(cfg, { otlp: { 'otelcol.receiver.otlp.in': [{ metrics }] } }));
    expect(sink(r, 'prometheus.remote_write.rw').samples!.map((s) => [s.name, s.attributes, s.fields!.value])).toEqual([
      ['http_server_requests_total', { http_route: '/a', instance: 'i-1', job: 'api', otel_scope_name: 'lib' }, '7'],
      ['process_memory_bytes', { instance: 'i-1', job: 'api', otel_scope_name: 'lib' }, '1.5'],
      ['target_info', { host_name: 'h', instance: 'i-1', job: 'api' }, '1'],
    ]);
  });
});

describe('transform and filter', () => {
  afterEach(() => setOttlEngine('default'));
  const filter = `otelcol.processor.filter "f" {\n  traces {\n    span = ["attributes[\\"drop\\"] == true"]\n  }\n  output {\n    traces = [otelcol.exporter.otlp.out.input]\n  }\n}\n`;

  it('without an OTTL engine: reported as not simulated, data passes unchanged and says so', () => {
    setOttlEngine(undefined);
    const r = run(filter, [{ attrs: { drop: true } }]);
    expect(r.components.find((c) => c.id === 'otelcol.processor.filter.f')!.status).toBe('not simulated');
    expect(sink(r, 'otelcol.exporter.otlp.out').spans).toHaveLength(1);
    expect(r.itemJourneys[0].steps[1].note).toContain('OTTL not evaluated');
  });

  it('with an engine: spans whose condition holds are dropped', () => {
    setOttlEngine({
      statements: () => ({ error: 'unused' }),
      conditions: (context, sources) => {
        expect([context, sources]).toEqual(['span', ['attributes["drop"] == true']]);
        return { test: (t) => t.span!.attributes.get('drop') === true };
      },
    });
    const r = run(filter, [{ spanId: '0000000000000001', attrs: { drop: true } }, { spanId: '0000000000000002' }]);
    expect(sink(r, 'otelcol.exporter.otlp.out').spans!.map((s) => s.fields!.spanId)).toEqual(['0000000000000002']);
    expect(r.itemJourneys.find((j) => j.outcome.kind === 'dropped')!.outcome.reason).toContain('a span condition holds');
  });
});

describe('transform and filter on the ottl package', () => {
  const out = (r: ReturnType<typeof run>) => sink(r, 'otelcol.exporter.otlp.out').spans!;
  it('transform: context blocks with conditions, and the flat form inferring each context', () => {
    const cfg = `otelcol.processor.transform "t" {
  error_mode = "ignore"
  trace_statements {
    context    = "span"
    conditions = ["kind == SPAN_KIND_SERVER"]
    statements = ["set(attributes[\\"tier\\"], \\"edge\\")", "delete_key(attributes, \\"secret\\")"]
  }
  statements {
    trace = ["set(resource.attributes[\\"env\\"], \\"prod\\")", "set(span.name, Concat([span.name, \\"x\\"], \\"-\\"))"]
  }
  output {
    traces = [otelcol.exporter.otlp.out.input]
  }
}
`;
    const r = run(cfg, [
      { spanId: '0000000000000001', kind: 2, attrs: { secret: 's' } },
      { spanId: '0000000000000002', kind: 3, attrs: { secret: 's' } },
    ]);
    expect(out(r).map((s) => [s.name, s.attributes, s.resource!.env])).toEqual([
      ['handle-hello-x', { tier: 'edge' }, 'prod'],
      ['handle-hello-x', { secret: 's' }, 'prod'],
    ]);
  });

  it('filter drops spans whose condition holds; an unknown function fails the component as Alloy would', () => {
    const cfg = (cond: string) => `otelcol.processor.filter "f" {
  traces {
    span = ["${cond}"]
  }
  output {
    traces = [otelcol.exporter.otlp.out.input]
  }
}
`;
    const r = run(cfg('attributes[\\"http.route\\"] == \\"/health\\"'), [{ spanId: '0000000000000001', attrs: { 'http.route': '/health' } }, { spanId: '0000000000000002', attrs: { 'http.route': '/users' } }]);
    expect(out(r).map((s) => s.attributes['http.route'])).toEqual(['/users']);
    const bad = runText(RECEIVER('otelcol.processor.filter.f.input') + cfg('IsMatchx(name, \\"a\\")') + EXPORTER);
    expect(bad.components.find((c) => c.id === 'otelcol.processor.filter.f')).toMatchObject({ status: 'failed' });
    expect(bad.components.find((c) => c.id === 'otelcol.processor.filter.f')!.message).toContain('IsMatchx');
  });
});

describe('OTLP/JSON samples', () => {
  it('accepts ids in hex, enums by name, ints as strings; reports bad ids with their path', () => {
    const good = readSamples({ otlp: { 'otelcol.receiver.otlp.in': [{ peer: '10.0.0.1:5', traces: traces({}, [{ ...span(), kind: 'SPAN_KIND_CLIENT' as never }]) }] } });
    expect('samples' in good).toBe(true);
    const bad = readSamples({ otlp: { x: [{ traces: { resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: 'abc', spanId: 1 }] }] }] } }] } });
    expect(bad).toEqual({
      errors: ['otlp.x[0].traces.resourceSpans[0].scopeSpans[0].spans[0].spanId: expected a string, got number', 'otlp.x[0].traces.resourceSpans[0].scopeSpans[0].spans[0].traceId: expected 32 hex digits (a trace id), got "abc"'],
    });
  });

  it('a receiver with requests for a protocol it does not serve says so', () => {
    const r = runText(`otelcol.receiver.otlp "in" {\n  http {}\n  output {\n    traces = [otelcol.exporter.otlp.out.input]\n  }\n}\n` + EXPORTER, { otlp: { 'otelcol.receiver.otlp.in': [{ protocol: 'grpc', traces: traces({}, [span()]) }] } });
    expect(r.warnings).toContain('otelcol.receiver.otlp.in: request 1 was sent over grpc, but the receiver has no grpc block: it was not received');
  });
});


describe('otelcol.connector.host_info', () => {
  const cfg = (args = '') => `otelcol.connector.host_info "hi" {\n${args}  output {\n    metrics = [otelcol.exporter.otlp.out.input]\n  }\n}\n`;
  it('one traces_host_info gauge point (int 1) per distinct host.id, attribute grafana.host.id', () => {
    const samples = {
      otlp: {
        'otelcol.receiver.otlp.in': [
          { traces: traces({ 'service.name': 'a', 'host.id': 'node-2' }, [span({ spanId: '0000000000000001' }), span({ spanId: '0000000000000002' })]) },
          { traces: traces({ 'service.name': 'b', 'host.id': 'node-1' }, [span({ spanId: '0000000000000003' })]) },
          { traces: traces({ 'service.name': 'c', 'host.id': 'node-2' }, [span({ spanId: '0000000000000004' })]) },
        ],
      },
    };
    const r = expectClean(runText(RECEIVER('otelcol.connector.host_info.hi.input') + cfg() + EXPORTER, samples));
    const m = sink(r, 'otelcol.exporter.otlp.out').metrics!;
    expect(m.map((x) => [x.name, x.fields!.type, x.fields!.points])).toEqual([
      ['traces_host_info', 'gauge', [{ attributes: { 'grafana.host.id': 'node-1' }, value: '1' }, { attributes: { 'grafana.host.id': 'node-2' }, value: '1' }]],
    ]);
    expect(m[0].resource).toEqual({});
  });

  it('host_identifiers picks other resource attributes; none present is a warning, not silence', () => {
    const r = run(cfg('  host_identifiers = ["k8s.node.name"]\n'), [{}], { 'service.name': 'svc', 'k8s.node.name': 'n1' });
    expect(sink(r, 'otelcol.exporter.otlp.out').metrics!.map((x) => x.fields!.points)).toEqual([[{ attributes: { 'grafana.host.id': 'n1' }, value: '1' }]]);
    const none = runText(RECEIVER('otelcol.connector.host_info.hi.input') + cfg() + EXPORTER, otlpSamples('otelcol.receiver.otlp.in', undefined, traces({ 'service.name': 'svc' }, [span()])));
    expect(none.warnings.join('\n')).toMatch(/no resource carried host\.id: traces_host_info has no points/);
  });

  it('metrics_flush_interval outside 15s..5m fails the component, as upstream validation does', () => {
    const r = runText(RECEIVER('otelcol.connector.host_info.hi.input') + cfg('  metrics_flush_interval = "5s"\n') + EXPORTER, otlpSamples('otelcol.receiver.otlp.in', undefined, traces({ 'host.id': 'h' }, [span()])));
    expect(r.components.find((c) => c.id === 'otelcol.connector.host_info.hi')).toMatchObject({ status: 'failed' });
  });
});

describe('otelcol.auth.*', () => {
  it('evaluates its arguments and hands the exporter a handler; a failing argument fails the component', () => {
    const exp = `otelcol.exporter.otlphttp "out" {\n  client {\n    endpoint = "https://otlp.example.com/otlp"\n    auth = otelcol.auth.basic.creds.handler\n  }\n}\n`;
    const ok = expectClean(runText(RECEIVER('otelcol.exporter.otlphttp.out.input') + `otelcol.auth.basic "creds" {\n  username = "123"\n  password = sys.env("TOKEN")\n}\n` + exp, otlpSamples('otelcol.receiver.otlp.in', undefined, traces({}, [span()]))));
    expect(ok.components.find((c) => c.id === 'otelcol.auth.basic.creds')).toMatchObject({ status: 'simulated' });
    expect(JSON.stringify(sink(ok, 'otelcol.exporter.otlphttp.out'))).toMatch(/auth extension <secret>/);
    const bad = runText(RECEIVER('otelcol.exporter.otlphttp.out.input') + `otelcol.auth.basic "creds" {\n  username = encoding.from_json("{")\n  password = "p"\n}\n` + exp, otlpSamples('otelcol.receiver.otlp.in', undefined, traces({}, [span()])));
    // A failure only evaluation finds (the checker refuses `123 + "x"` before anything runs).
    expect(bad.components.find((c) => c.id === 'otelcol.auth.basic.creds')).toMatchObject({ status: 'failed' });
  });
});
