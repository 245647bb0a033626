import { describe, expect, it } from 'vitest';
import { build, configError, entry, one, pipeline } from './loki-helpers.js';

describe('pipeline', () => {
  it('copies labels into the extracted map before the first stage', () => {
    const out = one('stage.template {\n  source = "copy"\n  template = "{{ .app }}"\n}', 'x', { app: 'web' });
    expect(out.extracted).toMatchObject({ app: 'web', copy: 'web' });
  });

  it('can skip the label copy', () => {
    const out = one('stage.static_labels {\n  values = { a = "1" }\n}', 'x', { app: 'web' }, { copyLabelsToExtracted: false });
    expect(out.extracted).toEqual({});
  });

  it('runs stages in order and traces each one', () => {
    const p = pipeline(`
stage.regex {
  expression = "level=(?P<level>\\\\w+)"
}
stage.labels {
  values = { level = "" }
}`);
    const r = p.process(entry('level=warn msg=hi'));
    expect(r.outputs[0].labels).toEqual({ level: 'warn' });
    expect(r.trace.map((t) => [t.stage, t.index])).toEqual([
      ['stage.regex', '0'],
      ['stage.labels', '1'],
    ]);
    expect(r.trace[0].before.labels).toEqual({});
    expect(r.trace[0].extracted).toEqual({ level: 'warn' });
    expect(r.trace[1].after!.labels).toEqual({ level: 'warn' });
  });

  it('says which stage dropped an entry and why', () => {
    const p = pipeline('stage.drop {\n  expression = "debug"\n  drop_counter_reason = "noise"\n}\nstage.output {\n  source = "x"\n}');
    const r = p.process(entry('a debug line'));
    expect(r.outputs).toEqual([]);
    expect(r.trace).toHaveLength(1);
    expect(r.trace[0].after).toBeNull();
    expect(r.trace[0].dropped).toContain('noise');
    expect(p.metricsText()).toContain('loki_process_dropped_lines_total{reason="noise"} 1');
  });

  it('runs nested stages only for entries the match selector picks', () => {
    const body = `
stage.match {
  selector = "{app=\\"web\\"} |= \\"error\\""
  stage.static_labels {
    values = { alert = "yes" }
  }
}`;
    const p = pipeline(body);
    expect(p.process(entry('an error', { app: 'web' })).outputs[0].labels).toEqual({ app: 'web', alert: 'yes' });
    expect(p.process(entry('fine', { app: 'web' })).outputs[0].labels).toEqual({ app: 'web' });
    expect(p.process(entry('an error', { app: 'db' })).outputs[0].labels).toEqual({ app: 'db' });
    const t = p.process(entry('an error', { app: 'web' })).trace;
    expect(t.map((x) => [x.stage, x.index])).toEqual([
      ['stage.match', '0'],
      ['stage.match/stage.static_labels', '0.0'],
    ]);
  });

  it('drops with a match stage and counts the reason', () => {
    const p = pipeline('stage.match {\n  selector = "{level=~\\"debug|trace\\"}"\n  action = "drop"\n}');
    expect(p.process(entry('x', { level: 'trace' })).outputs).toEqual([]);
    expect(p.process(entry('x', { level: 'info' })).outputs).toHaveLength(1);
    expect(p.metricsText()).toBe(
      '# HELP loki_process_dropped_lines_total A count of all log lines dropped as a result of a pipeline stage\n' +
        '# TYPE loki_process_dropped_lines_total counter\n' +
        'loki_process_dropped_lines_total{reason="match_stage"} 1\n',
    );
  });

  it('keeps the input timestamp and structured metadata', () => {
    const out = one('stage.static_labels {\n  values = { a = "1" }\n}', 'x');
    expect(out.timestamp).toBe('2024-05-06T07:08:09Z');
    const p = pipeline('stage.labels {\n  values = { k = "" }\n  source_type = "structured_metadata"\n}');
    const r = p.process(entry('x', {}, { structuredMetadata: [{ name: 'k', value: 'v' }] }));
    expect(r.outputs[0]).toMatchObject({ labels: { k: 'v' }, structuredMetadata: [{ name: 'k', value: 'v' }] });
  });

  it('flushes multiline blocks at the end through the later stages', () => {
    const p = pipeline('stage.multiline {\n  firstline = "^\\\\d"\n}\nstage.static_labels {\n  values = { joined = "true" }\n}');
    expect(p.process(entry('1 start')).outputs).toEqual([]);
    expect(p.process(entry('  more')).outputs).toEqual([]);
    const second = p.process(entry('2 next')).outputs;
    expect(second.map((o) => o.line)).toEqual(['1 start\n  more']);
    const rest = p.flush();
    expect(rest.map((o) => [o.line, o.labels.joined])).toEqual([['2 next', 'true']]);
  });

  it('traces flushed entries through the later stages', () => {
    const p = pipeline('stage.multiline {\n  firstline = "^S"\n}\nstage.static_labels {\n  values = { a = "1" }\n}');
    p.process(entry('S1'));
    const r = p.flushWithTrace();
    expect(r.outputs.map((o) => o.line)).toEqual(['S1']);
    expect(r.trace.map((t) => t.stage)).toEqual(['stage.static_labels']);
  });

  it('can turn tracing off', () => {
    const p = pipeline('stage.static_labels {\n  values = { a = "1" }\n}', { trace: false });
    expect(p.process(entry('x')).trace).toEqual([]);
  });

  it('evaluates attributes with the given scope', () => {
    const r = build('stage.static_labels {\n  values = { env = cluster_env }\n}', { scope: { cluster_env: { t: 'string', v: 'prod' } } });
    if ('error' in r) throw new Error(r.error);
    expect(r.pipeline.process(entry('x')).outputs[0].labels).toEqual({ env: 'prod' });
  });
});

describe('configuration errors', () => {
  it('reports decoding problems as Alloy does', () => {
    expect(configError('stage.regex {}')).toBe('missing required attribute "expression"');
    expect(configError('stage.json {\n  colour = "x"\n}')).toBe('unrecognized attribute name "colour"');
    expect(configError('stage.nope {}')).toBe('unrecognized block name "stage.nope"');
    expect(configError('stage.docker "x" {}')).toBe('block "stage.docker" does not support specifying labels');
  });

  it('wraps stage construction errors', () => {
    expect(configError('stage.regex {\n  expression = "(a"\n}')).toBe(
      'invalid stage config could not compile regular expression: error parsing regexp: missing closing ): `(a`',
    );
    expect(configError('stage.tenant {}')).toBe('invalid stage config label, source or value config are required');
    expect(configError('stage.match {\n  selector = "{}"\n  action = "drop"\n}')).toContain('invalid selector syntax for match stage');
  });

  it('names stages it cannot simulate', () => {
    expect(configError('stage.geoip {\n  db = "/x.mmdb"\n  source = "ip"\n}')).toContain('cannot simulate stage.geoip');
  });

  it('reports the problem inside a match', () => {
    expect(configError('stage.match {\n  selector = "{a=\\"b\\"}"\n  stage.output {\n    source = ""\n  }\n}')).toContain(
      'match stage failed to create pipeline from config',
    );
  });
});
