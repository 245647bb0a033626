// otelcol.processor.span: renaming from attributes, attributes from the name, status;
// expectations from the upstream component's documented examples.
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../src/index.js';
import { expectClean, runText, sink } from './helpers.js';
import { EXPORTER, otlpSamples, RECEIVER, span, traces, type SpanSpec } from './otel-helpers.js';

const OUT = '  output {\n    traces = [otelcol.exporter.otlp.out.input]\n  }\n';
const cfg = (body: string) => RECEIVER('otelcol.processor.span.s.input') + `otelcol.processor.span "s" {\n${body}${OUT}}\n` + EXPORTER;
const run = (body: string, spans: SpanSpec[]): RunResult => runText(cfg(body), otlpSamples('otelcol.receiver.otlp.in', '10.0.0.1:1', traces({ 'service.name': 'svc' }, spans.map(span))), { trace: true });
const out = (r: RunResult) => sink(expectClean(r), 'otelcol.exporter.otlp.out').spans ?? [];

describe('otelcol.processor.span', () => {
  it('name.from_attributes: values joined by the separator, only when every key is present; ints, doubles and bools as Go prints them', () => {
    const r = run('  name {\n    from_attributes = ["db.svc", "operation", "id"]\n    separator = "::"\n  }\n', [
      { spanId: '0000000000000001', attrs: { 'db.svc': 'location', operation: 'get', id: 1234 } },
      { spanId: '0000000000000002', name: 'keep-me', attrs: { 'db.svc': 'location', operation: 'get' } },
      { spanId: '0000000000000003', attrs: { 'db.svc': 'x', operation: true, id: 0.5 } },
    ]);
    expect(out(r).map((s) => s.name)).toEqual(['location::get::1234', 'keep-me', 'x::true::0.5']);
  });

  it('name.to_attributes: named groups become attributes and {name} placeholders, rule after rule', () => {
    const rules = '["^\\\\/api\\\\/v1\\\\/document\\\\/(?P<documentId>.*)\\\\/update$", "^\\\\/api\\\\/(?P<version>v\\\\d)\\\\/"]';
    const r = run(`  name {\n    to_attributes {\n      rules = ${rules}\n    }\n  }\n`, [{ name: '/api/v1/document/12345678/update' }]);
    expect(out(r)[0].name).toBe('/api/{version}/document/{documentId}/update');
    expect(out(r)[0].attributes).toEqual({ documentId: '12345678', version: 'v1' });
    const once = run(`  name {\n    to_attributes {\n      rules = ${rules}\n      break_after_match = true\n      keep_original_name = true\n    }\n  }\n`, [{ name: '/api/v1/document/12345678/update' }]);
    expect(out(once)[0].name).toBe('/api/v1/document/12345678/update');
    expect(out(once)[0].attributes).toEqual({ documentId: '12345678' });
  });

  it('status: code and description; include/exclude select the spans', () => {
    const r = run(
      '  include {\n    match_type = "strict"\n    span_names = ["a", "b"]\n  }\n  exclude {\n    match_type = "regexp"\n    span_names = ["^b$"]\n  }\n  status {\n    code = "Error"\n    description = "bad"\n  }\n',
      [
        { spanId: '0000000000000001', name: 'a', status: 1 },
        { spanId: '0000000000000002', name: 'b', status: 1 },
        { spanId: '0000000000000003', name: 'c' },
      ],
    );
    expect(out(r).map((s) => [s.name, s.fields!.status])).toEqual([
      ['a', 'STATUS_CODE_ERROR'],
      ['b', 'STATUS_CODE_OK'],
      ['c', undefined],
    ]);
  });

  it('a description with a non-error code, or an unknown code, is refused as upstream validation refuses it', () => {
    const a = run('  status {\n    code = "Ok"\n    description = "x"\n  }\n', [{}]);
    expect(a.components.find((c) => c.id === 'otelcol.processor.span.s')).toMatchObject({ status: 'failed', message: expect.stringMatching(/description should be empty/) });
    const b = run('  status {\n    code = "Bad"\n  }\n', [{}]);
    expect(b.ok).toBe(false); // the checker's argument checks reject it before the run
    expect(b.diagnostics.map((d) => d.message)).toContain('status code is set to an invalid value of "Bad"');
  });

  it('a rule whose group takes no part in the match is reported, the span left as it is', () => {
    const r = run('  name {\n    to_attributes {\n      rules = ["^/(?P<a>x)?y"]\n    }\n  }\n', [{ name: '/yz' }]);
    expect(out(r)[0].name).toBe('/yz');
    expect(r.warnings.join('\n')).toMatch(/group 1 takes no part in the match on span name "\/yz"/);
  });
});
