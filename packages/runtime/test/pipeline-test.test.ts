import { describe, expect, it } from 'vitest';
import { memoryHost, prelude, readPipelineTest, readSamples, rewriteRefs, runPipelineTest, type PipelineTest } from '../src/index.js';
import { catalog, NOW } from './helpers.js';

const reader = (files: Record<string, string> = {}) => ({ readFile: (p: string) => files[p], parse: (t: string) => JSON.parse(t) });

const CONFIG = `loki.process "p" {
  stage.static_labels {
    values = { env = "test" }
  }
  forward_to = [loki.write.w.receiver]
}
loki.write "w" {
  endpoint {
    url = pipelinetest.loki.url
  }
}
`;

function read(data: unknown, files?: Record<string, string>): PipelineTest {
  const r = readPipelineTest(data, 't', reader(files));
  if ('errors' in r) throw new Error(r.errors.join('\n'));
  return r.test;
}

const run = (t: PipelineTest) => runPipelineTest(t, { catalog, host: memoryHost({}, {}, NOW) });

describe('pipeline tests', () => {
  it('builds the upstream prelude and rewrites the symbolic references', () => {
    const t = read({ config: CONFIG, inputs: { loki: [{ components: ['loki.process.p.receiver'], entries: [{ line: 'x' }] }, { components: [] }] } });
    expect(prelude(t)).toBe(
      'pipelinetest.sink "out" {}\n\npipelinetest.source "__pipelinetest_loki_input_0" {\n\tforward_to {\n\t\tlogs = [loki.process.p.receiver]\n\t}\n}\n',
    );
    expect(rewriteRefs('a = pipelinetest.loki.url\nb = pipelinetest.loki.receiver')).toBe('a = pipelinetest.sink.out.loki_push_url\nb = pipelinetest.sink.out.loki_receiver');
  });

  it('count and contains, exact and partial label matching, timestamps as instants', () => {
    const t = read({
      config: CONFIG,
      inputs: { loki: [{ components: ['loki.process.p.receiver'], entries: [{ line: 'hello', labels: { app: 'a' }, timestamp: '2026-04-22T14:00:00+02:00' }, { line: 'no time' }] }] },
      assert: {
        loki: [
          { type: 'count', count: 2 },
          { type: 'contains', match: { line: 'hello', labels: { values: { app: 'a', env: 'test' } }, timestamp: '2026-04-22T12:00:00.000Z' } },
          { type: 'count', count: 2, match: { labels: { mode: 'partial', values: { env: 'test' } } } },
          { type: 'contains', match: { timestamp: '0001-01-01T00:00:00Z', line_contains: 'time', line_regex: '^no\\s' } },
          { type: 'count', count: 2, sink: 'loki.write.w' },
        ],
      },
    });
    const o = run(t);
    expect(o.assertions.filter((a) => !a.passed)).toEqual([]);
    expect(o.passed).toBe(true);
  });

  it('reports failed assertions with what was asked', () => {
    const t = read({
      config: CONFIG,
      inputs: { loki: [{ components: ['loki.process.p.receiver'], entries: [{ line: 'hello', labels: { app: 'a' } }] }] },
      assert: { loki: [{ type: 'contains', match: { labels: { values: { app: 'a' } } } }, { type: 'count', count: 1, sink: 'loki.echo.nope' }] },
    });
    const o = run(t);
    expect(o.passed).toBe(false);
    expect(o.assertions.map((a) => [a.passed, a.description, a.message])).toEqual([
      [false, 'an entry with labels = {app="a"}', 'no entry matches'],
      [false, 'count at loki.echo.nope', 'no sink loki.echo.nope (sinks: pipelinetest.sink.out, loki.write.w)'],
    ]);
  });

  it('reads the config and samples from files, and checks the test shape', () => {
    const t = read({ config: { path: 'c.alloy' }, samples: 's.json' }, { 'c.alloy': CONFIG, 's.json': '{"env": {"A": "1"}}' });
    expect(t.config).toBe(CONFIG);
    expect(t.samples).toEqual({ env: { A: '1' } });
    const bad = readPipelineTest({ config: CONFIG, inputs: { loki: [{ entries: [{ line: 'x' }] }] }, assert: { loki: [{ type: 'contains' }, { type: 'nope' }] } }, 't', reader());
    expect('errors' in bad && bad.errors).toEqual([
      'loki input 0 requires at least one receiver target',
      'assert.loki[0]: contains requires at least one match field',
      'assert.loki[1]: unknown assertion type "nope"',
    ]);
  });

  it('rejects unknown keys anywhere in a test file, and fails a test that asserts nothing', () => {
    const typo = readPipelineTest({ config: CONFIG, asserts: { loki: [{ type: 'count', count: 1 }] } }, 't', reader());
    expect('errors' in typo && typo.errors).toEqual(['test: unknown key "asserts" (expected one of config, config_file, samples, stability, inputs, assert)']);
    const nested = readPipelineTest({ config: CONFIG, assert: { loki: [{ type: 'count', count: 1, match: { lines: 'x' } }] } }, 't', reader());
    expect('errors' in nested && nested.errors).toEqual(['assert.loki[0].match: unknown key "lines" (expected one of line, line_contains, line_regex, timestamp, labels, structured_metadata)']);
    const empty = readPipelineTest({ config: CONFIG }, 't', reader());
    if (!('test' in empty)) throw new Error(empty.errors.join('; '));
    const outcome = runPipelineTest(empty.test, { catalog, host: memoryHost() });
    expect([outcome.passed, outcome.error]).toEqual([false, 'the test has no assertion (add assert.loki, traces, metrics, samples or correlate)']);
  });

  it('samples: scalars become label strings, unknown keys are reported', () => {
    expect(readSamples({ targets: { 'discovery.file': [{ port: 8080, up: true }] } })).toEqual({ samples: { targets: { 'discovery.file': [{ port: '8080', up: 'true' }] } } });
    expect(readSamples({ log: {} })).toEqual({ errors: ['samples: unknown key "log" (expected one of env, files, kubernetes, targets, logs, otlp, scrape)'] });
    expect(readSamples({ logs: { x: [{ line: 'a', timestamp: 'yesterday' }] } })).toEqual({ errors: ['logs.x[0].timestamp: expected an RFC 3339 time, got "yesterday"'] });
  });
});
