import { describe, expect, it } from 'vitest';
import { decodeLogfmt } from '../src/loki/index.js';
import { configError, entry, one, pipeline } from './loki-helpers.js';

describe('container formats', () => {
  it('cri splits the line and sets stream, time and flags', () => {
    const out = one('stage.cri {}', '2024-01-02T03:04:05.5Z stderr F oops', { pod: 'p' });
    expect(out).toMatchObject({ line: 'oops', timestamp: '2024-01-02T03:04:05.5Z', labels: { pod: 'p', stream: 'stderr' } });
    expect(out.extracted).toMatchObject({ flags: 'F', stream: 'stderr', content: 'oops', time: '2024-01-02T03:04:05.5Z' });
  });

  it('cri joins partial lines of the same stream', () => {
    const p = pipeline('stage.cri {}');
    const r1 = p.process(entry('2024-01-02T03:04:05Z stdout P part one, '));
    expect(r1.outputs).toEqual([]);
    expect(r1.trace[0].dropped).toContain('partial');
    expect(p.process(entry('2024-01-02T03:04:06Z stdout F part two')).outputs.map((o) => o.line)).toEqual(['part one, part two']);
  });

  it('cri truncates joined partial lines when asked', () => {
    const p = pipeline('stage.cri {\n  max_partial_line_size = 6\n  max_partial_line_size_truncate = true\n}');
    p.process(entry('2024-01-02T03:04:05Z stdout P abcd'));
    expect(p.process(entry('2024-01-02T03:04:06Z stdout F efgh')).outputs[0].line).toBe('abcdef');
    expect(p.metricsText()).toContain('loki_process_cri_lines_truncated_total 1');
  });

  it('cri leaves other lines alone', () => {
    expect(one('stage.cri {}', 'plain text').line).toBe('plain text');
  });

  it('docker unwraps the JSON log line', () => {
    const out = one('stage.docker {}', '{"log":"hello\\n","stream":"stdout","time":"2019-04-30T02:12:41.8443515Z"}');
    expect(out).toMatchObject({ line: 'hello\n', labels: { stream: 'stdout' }, timestamp: '2019-04-30T02:12:41.8443515Z' });
    expect(one('stage.docker {}', '{"log":5}').line).toBe('{"log":5}');
  });
});

describe('multiline', () => {
  it('joins continuation lines and passes lines before the first block', () => {
    const p = pipeline('stage.multiline {\n  firstline = "^\\\\["\n}');
    expect(p.process(entry('orphan')).outputs.map((o) => o.line)).toEqual(['orphan']);
    p.process(entry('[1] a'));
    p.process(entry('  b\r\n'));
    expect(p.process(entry('[2] c')).outputs.map((o) => o.line)).toEqual(['[1] a\n  b']);
    expect(p.flush().map((o) => o.line)).toEqual(['[2] c']);
  });

  it('flushes at max_lines and keeps streams apart', () => {
    const p = pipeline('stage.multiline {\n  firstline = "^S"\n  max_lines = 2\n}');
    p.process(entry('S1', { s: 'a' }));
    p.process(entry('S2', { s: 'b' }));
    expect(p.process(entry('x', { s: 'a' })).outputs.map((o) => o.line)).toEqual(['S1\nx']);
    expect(p.flush().map((o) => [o.line, o.labels.s])).toEqual([['S2', 'b']]);
  });

  it('flushes a block when max_wait_time has passed on the clock', () => {
    let now = Date.parse('2024-01-01T00:00:00Z');
    const p = pipeline('stage.multiline {\n  firstline = "^S"\n  max_wait_time = "1s"\n}', { now: () => new Date(now) });
    p.process(entry('S1'));
    now += 5000;
    expect(p.process(entry('S2')).outputs.map((o) => o.line)).toEqual(['S1']);
  });
});

describe('metrics stage', () => {
  it('keeps counters, gauges and histograms with entry labels', () => {
    const p = pipeline(`
stage.regex {
  expression = "took=(?P<took>\\\\S+) status=(?P<status>\\\\d+)"
}
stage.metrics {
  metric.counter {
    name = "lines"
    description = "all lines"
    match_all = true
    action = "inc"
  }
  metric.counter {
    name = "errors"
    source = "status"
    value = "500"
    action = "inc"
  }
  metric.gauge {
    name = "last_took"
    source = "took"
    action = "set"
  }
  metric.histogram {
    name = "took_seconds"
    source = "took"
    prefix = "app_"
    buckets = [0.1, 1]
  }
}`);
    for (const l of ['took=0.05 status=200', 'took=250ms status=500', 'took=2 status=200']) p.process(entry(l, { job: 'j', __hidden: 'x' }));
    expect(p.metricsText()).toBe(
      [
        '# HELP app_took_seconds ',
        '# TYPE app_took_seconds histogram',
        'app_took_seconds_bucket{job="j",le="0.1"} 1',
        'app_took_seconds_bucket{job="j",le="1"} 2',
        'app_took_seconds_bucket{job="j",le="+Inf"} 3',
        'app_took_seconds_sum{job="j"} 2.3',
        'app_took_seconds_count{job="j"} 3',
        '# HELP loki_process_custom_errors ',
        '# TYPE loki_process_custom_errors counter',
        'loki_process_custom_errors{job="j"} 1',
        '# HELP loki_process_custom_last_took ',
        '# TYPE loki_process_custom_last_took gauge',
        'loki_process_custom_last_took{job="j"} 2',
        '# HELP loki_process_custom_lines all lines',
        '# TYPE loki_process_custom_lines counter',
        'loki_process_custom_lines{job="j"} 3',
        '',
      ].join('\n'),
    );
  });

  it('validates metric blocks', () => {
    expect(configError('stage.metrics {\n  metric.counter {\n    name = "x"\n    action = "set"\n  }\n}')).toBe(
      "the 'action' counter field must be either 'inc' or 'add'",
    );
  });
});

describe('windows event stages', () => {
  it('eventlogmessage splits key: value lines', () => {
    const out = one('stage.regex {\n  expression = "(?s)(?P<message>.*)"\n}\nstage.eventlogmessage {}', 'Key One: v1\r\nKey2: v2\r\nnot a pair');
    expect(out.extracted).toMatchObject({ Key_One: 'v1', Key2: 'v2' });
  });

  it('windowsevent reads the description and sections', () => {
    const msg = 'An account logged on.\r\n\r\nSubject:\r\n\tAccount Name:\t\tbob\r\n\tLogon ID:\t\t0x1';
    const out = one('stage.regex {\n  expression = "(?s)(?P<message>.*)"\n}\nstage.windowsevent {}', msg);
    expect(out.extracted).toMatchObject({ Description: 'An account logged on.', Subject_AccountName: 'bob', Subject_LogonID: '0x1' });
  });
});

describe('logfmt decoder', () => {
  it('follows go-logfmt', () => {
    const pairs: string[] = [];
    const err = decodeLogfmt('a=1 b="x y" c= d\ne=\\u', (k, v) => pairs.push(`${k}:${v}`));
    expect(err).toBeUndefined();
    expect(pairs).toEqual(['a:1', 'b:x y', 'c:', 'd:', 'e:\\u']);
    expect(decodeLogfmt('a="open', () => {})).toContain('unterminated quoted value');
    expect(decodeLogfmt('=x', () => {})).toContain("unexpected '='");
  });
});
