// otelcol.processor.attributes, batch, memory_limiter, probabilistic_sampler and
// tail_sampling, with expectations computed by hand from the upstream algorithms.
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../src/index.js';
import { expectClean, runText, sink } from './helpers.js';
import { EXPORTER, otlpSamples, RECEIVER, span, traces, type SpanSpec } from './otel-helpers.js';

function through(processor: string, spans: SpanSpec[], resource = { 'service.name': 'svc' }, peer = '10.0.0.1:1'): RunResult {
  const name = /^otelcol\.processor\.(\w+) "(\w+)"/.exec(processor.trim())!;
  const cfg = RECEIVER(`otelcol.processor.${name[1]}.${name[2]}.input`) + processor + EXPORTER;
  return expectClean(runText(cfg, otlpSamples('otelcol.receiver.otlp.in', peer, traces(resource, spans.map(span))), { trace: true }));
}
const out = (r: RunResult) => sink(r, 'otelcol.exporter.otlp.out').spans ?? [];
const OUT = '  output {\n    traces = [otelcol.exporter.otlp.out.input]\n  }\n';

describe('otelcol.processor.attributes', () => {
  const attrs = (actions: string, extra = '') => `otelcol.processor.attributes "a" {\n${actions}${extra}${OUT}}\n`;
  const action = (fields: Record<string, string>) => `  action {\n${Object.entries(fields).map(([k, v]) => `    ${k} = ${v}\n`).join('')}  }\n`;

  it('insert, update, upsert: insert only when absent, update only when present, upsert both', () => {
    const r = through(
      attrs(
        action({ key: '"env"', value: '"prod"', action: '"insert"' }) +
          action({ key: '"http.method"', value: '"POST"', action: '"insert"' }) +
          action({ key: '"missing"', value: '1', action: '"update"' }) +
          action({ key: '"http.method"', from_attribute: '"env"', action: '"update"' }) +
          action({ key: '"copy"', from_context: '"client.address"', action: '"upsert"' }),
      ),
      [{ attrs: { 'http.method': 'GET' } }],
    );
    expect(out(r)[0].attributes).toEqual({ 'http.method': 'prod', env: 'prod', copy: '10.0.0.1' });
  });

  it('delete and hash by key and pattern; hash is the SHA-256 hex of the value', () => {
    const r = through(
      attrs(action({ key: '"user"', action: '"hash"' }) + action({ pattern: '"^secret\\\\."', action: '"delete"' }) + action({ key: '"n"', action: '"hash"' })),
      [{ attrs: { user: 'hello', 'secret.a': 'x', 'secret.b': 'y', keep: 'z', n: 1 } }],
    );
    expect(out(r)[0].attributes).toEqual({
      user: '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824',
      keep: 'z',
      // int64 1 as 8 little-endian bytes
      n: '7c9fa136d4413fa6173637e883b6998d32e1d675f88cddff9dcbcf331820f4b8',
    });
  });

  it('extract named groups and convert types (strings that do not parse stay as they are)', () => {
    const r = through(
      attrs(
        action({ key: '"url"', pattern: '"^/api/(?P<version>v\\\\d+)/(?P<resource>\\\\w+)"', action: '"extract"' }) +
          action({ key: '"code"', converted_type: '"int"', action: '"convert"' }) +
          action({ key: '"bad"', converted_type: '"int"', action: '"convert"' }) +
          action({ key: '"ratio"', converted_type: '"string"', action: '"convert"' }),
      ),
      [{ attrs: { url: '/api/v2/users/7', code: '200', bad: '2x', ratio: 0.5 } }],
    );
    expect(out(r)[0].attributes).toEqual({ url: '/api/v2/users/7', version: 'v2', resource: 'users', code: 200, bad: '2x', ratio: '0.5' });
  });

  it('include / exclude: only matching spans are changed (strict services and span names, regexp attributes)', () => {
    const include = '  include {\n    match_type = "strict"\n    services   = ["svc"]\n    span_names = ["a", "b"]\n  }\n';
    const exclude = '  exclude {\n    match_type = "regexp"\n    attribute {\n      key   = "http.route"\n      value = "^/health"\n    }\n  }\n';
    const r = through(attrs(action({ key: '"touched"', value: 'true', action: '"insert"' }), include + exclude), [
      { name: 'a', spanId: '0000000000000001', attrs: { 'http.route': '/users' } },
      { name: 'b', spanId: '0000000000000002', attrs: { 'http.route': '/healthz' } },
      { name: 'c', spanId: '0000000000000003' },
    ]);
    expect(out(r).map((s) => [s.name, s.attributes.touched ?? null])).toEqual([
      ['a', true],
      ['b', null],
      ['c', null],
    ]);
    expect(r.itemJourneys.map((j) => j.steps[1].note)).toEqual([undefined, 'skipped: exclude matches', 'skipped: include does not match']);
  });

  it('rejects actions upstream rejects, with its message', () => {
    const r = runText(RECEIVER('otelcol.processor.attributes.a.input') + attrs(action({ key: '"k"', action: '"insert"' })) + EXPORTER);
    expect(r.components.find((c) => c.id === 'otelcol.processor.attributes.a')).toMatchObject({
      status: 'failed',
      message: 'error creating AttrProc. Either field "value", "from_attribute" or "from_context" setting must be specified for 0-th action',
    });
  });
});

describe('batch and memory_limiter', () => {
  it('pass everything on, noted in the trace', () => {
    const r = through(`otelcol.processor.memory_limiter "m" {\n  check_interval = "1s"\n  limit = "1GiB"\n${OUT}}\n`, [{}]);
    expect(out(r)).toHaveLength(1);
    expect(r.itemJourneys[0].steps[1].note).toBe('memory limit not reached (passed on in the simulation)');
    const b = through(`otelcol.processor.batch "b" {\n${OUT}}\n`, [{}]);
    expect(b.itemJourneys[0].steps[1].note).toContain('batched');
  });
});

describe('otelcol.processor.probabilistic_sampler', () => {
  const ids = ['4228e430a1f94dc866fb862c68189da7', '00000000000000000000000000000001', 'ffffffffffffffffffffffffffffffff', '0af7651916cd43dd8448eb211c80319c'];
  const spans = ids.map((traceId, i) => ({ traceId, spanId: `000000000000000${i + 1}` }));
  const kept = (r: RunResult) => out(r).map((s) => s.fields!.traceId);

  it('hash_seed: FNV-1a over the seed (little-endian) and the id, 14 bits, below percent·163.84', () => {
    // seed 0: 5873, 8898, 5445, 7652 against 8192; seed 7: 15998, 13813, 14162, 1815.
    expect(kept(through(`otelcol.processor.probabilistic_sampler "p" {\n  mode = "hash_seed"\n  sampling_percentage = 50\n${OUT}}\n`, spans))).toEqual([ids[0], ids[2], ids[3]]);
    expect(kept(through(`otelcol.processor.probabilistic_sampler "p" {\n  hash_seed = 7\n  sampling_percentage = 50\n${OUT}}\n`, spans))).toEqual([ids[3]]);
  });

  it('proportional (the default): the last 56 bits of the id against the threshold, written to the tracestate', () => {
    // 50% → threshold 0x80000000000000; randomness 0xfb862c68189da7, 0x..01, 0xff.., 0x48eb211c80319c.
    const r = through(`otelcol.processor.probabilistic_sampler "p" {\n  sampling_percentage = 50\n${OUT}}\n`, spans);
    expect(kept(r)).toEqual([ids[0], ids[2]]);
    // 1% → threshold 0xfd71 (four hex digits) > 0xfb86…: not sampled.
    expect(kept(through(`otelcol.processor.probabilistic_sampler "p" {\n  sampling_percentage = 1\n${OUT}}\n`, spans))).toEqual([ids[2]]);
  });
});

describe('otelcol.processor.tail_sampling', () => {
  const policy = (name: string, type: string, body: string) => `  policy {\n    name = "${name}"\n    type = "${type}"\n    ${type} {\n${body}\n    }\n  }\n`;
  const run = (policies: string, spans: SpanSpec[]) => through(`otelcol.processor.tail_sampling "t" {\n${policies}${OUT}}\n`, spans);
  const A = '0000000000000000000000000000000a';
  const B = '0000000000000000000000000000000b';
  const traceIds = (r: RunResult) => [...new Set(out(r).map((s) => s.fields!.traceId))];

  it('keeps whole traces: an error anywhere in a trace keeps all its spans', () => {
    const r = run(policy('errors', 'status_code', '      status_codes = ["ERROR"]'), [
      { traceId: A, spanId: '0000000000000001' },
      { traceId: A, spanId: '0000000000000002', status: 2 },
      { traceId: B, spanId: '0000000000000003', status: 1 },
    ]);
    expect(out(r).map((s) => s.fields!.spanId)).toEqual(['0000000000000001', '0000000000000002']);
    expect(r.itemJourneys.find((j) => j.outcome.kind === 'dropped')!.outcome.reason).toContain(`trace ${B}: NotSampled (errors=NotSampled)`);
  });

  it('latency is the trace duration (min start to max end); invert_match wins over sampled', () => {
    const slow = [
      { traceId: A, spanId: '0000000000000001', durationMs: 50 },
      { traceId: A, spanId: '0000000000000002', start: 1747795687120000000n + 400_000_000n, durationMs: 150 },
      { traceId: B, spanId: '0000000000000003', durationMs: 100, attrs: { 'http.route': '/health' } },
    ];
    expect(traceIds(run(policy('slow', 'latency', '      threshold_ms = 500'), slow))).toEqual([A]);
    const both = policy('slow', 'latency', '      threshold_ms = 90') + policy('no-health', 'string_attribute', '      key = "http.route"\n      values = ["/health"]\n      invert_match = true');
    expect(traceIds(run(both, slow))).toEqual([A]);
  });

  it('probabilistic: FNV-1a 64 of the salt and the id against ratio·2⁶⁴', () => {
    const ids = ['4228e430a1f94dc866fb862c68189da7', '00000000000000000000000000000001', 'ffffffffffffffffffffffffffffffff'];
    const r = run(policy('half', 'probabilistic', '      sampling_percentage = 50'), ids.map((traceId, i) => ({ traceId, spanId: `000000000000000${i + 1}` })));
    expect(traceIds(r)).toEqual([ids[0], ids[2]]);
  });

  it('and needs every sub-policy; span_count bounds the trace size', () => {
    const and = `  policy {\n    name = "both"\n    type = "and"\n    and {\n      and_sub_policy {\n        name = "n"\n        type = "span_count"\n        span_count {\n          min_spans = 2\n        }\n      }\n      and_sub_policy {\n        name = "s"\n        type = "string_attribute"\n        string_attribute {\n          key = "service.name"\n          values = ["svc"]\n        }\n      }\n    }\n  }\n`;
    const r = run(and, [
      { traceId: A, spanId: '0000000000000001' },
      { traceId: A, spanId: '0000000000000002' },
      { traceId: B, spanId: '0000000000000003' },
    ]);
    expect(traceIds(r)).toEqual([A]);
  });
});
