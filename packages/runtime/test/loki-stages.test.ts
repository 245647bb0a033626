import { describe, expect, it } from 'vitest';
import { entry, one, pipeline } from './loki-helpers.js';

describe('parsing stages', () => {
  it('json: JMESPath expressions, nested values as JSON text, null for missing', () => {
    const out = one(
      'stage.json {\n  expressions = { user = "user.name", tags = "", n = "", missing = "", first = "tags[0]" }\n}',
      '{"user":{"name":"ann"},"tags":["a","<b>"],"n":1.5}',
    );
    expect(out.extracted).toEqual({ user: 'ann', tags: '["a","\\u003cb\\u003e"]', n: 1.5, missing: null, first: 'a' });
  });

  it('json: regex picks top-level keys; a source reads the extracted map', () => {
    const out = one('stage.json {\n  expressions = { inner = "" }\n}\nstage.json {\n  regex = "^k"\n  source = "inner"\n}', '{"inner":"{\\"k1\\":1,\\"x\\":2}"}');
    expect(out.extracted).toEqual({ inner: '{"k1":1,"x":2}', k1: 1 });
  });

  it('json: malformed lines pass unless drop_malformed', () => {
    expect(pipeline('stage.json {\n  expressions = { a = "" }\n}').process(entry('not json')).outputs).toHaveLength(1);
    const p = pipeline('stage.json {\n  expressions = { a = "" }\n  drop_malformed = true\n}');
    const r = p.process(entry('[1,2]'));
    expect(r.outputs).toEqual([]);
    expect(r.trace[0].dropped).toBe('malformed json');
  });

  it('regex: named groups, unmatched optional groups give ""', () => {
    const out = one('stage.regex {\n  expression = "^(?P<a>\\\\w+)(?: (?P<b>\\\\d+))?"\n}', 'word rest');
    expect(out.extracted).toEqual({ a: 'word', b: '' });
  });

  it('regex: labels_from_groups sets labels too', () => {
    const out = one('stage.regex {\n  expression = "user=(?P<user>\\\\S+)"\n  labels_from_groups = true\n}', 'user=bob');
    expect(out.labels).toEqual({ user: 'bob' });
  });

  it('logfmt: mapping and regex, quoted values with escapes', () => {
    const out = one('stage.logfmt {\n  mapping = { message = "msg", lvl = "level" }\n  regex = "^x_"\n}', 'level=info msg="hello \\"you\\"" x_a=1 x_b');
    expect(out.extracted).toEqual({ lvl: 'info', message: 'hello "you"', x_a: '1', x_b: '' });
  });

  it('logfmt: keeps pairs read before a syntax error', () => {
    const out = one('stage.logfmt {\n  mapping = { a = "", b = "" }\n}', 'a=1 "b"=2');
    expect(out.extracted).toEqual({ a: '1' });
  });

  it('pattern: captures up to the next literal, <_> skips', () => {
    const out = one('stage.pattern {\n  pattern = "<ip> - <_> [<ts>] \\"<method> <path> <_>\\" <status>"\n}', '1.2.3.4 - - [t0] "GET /x HTTP/1.1" 200');
    expect(out.extracted).toEqual({ ip: '1.2.3.4', ts: 't0', method: 'GET', path: '/x', status: '200' });
  });
});

describe('label and metadata stages', () => {
  it('labels converts numbers and bools, skips other values', () => {
    const out = one('stage.json {\n  expressions = { n = "", b = "", o = "", s = "" }\n}\nstage.labels {\n  values = { n = "", b = "", s = "", renamed = "s" }\n}', '{"n":2e21,"b":true,"o":{"x":1},"s":"v"}');
    expect(out.labels).toEqual({ n: '2000000000000000000000', b: 'true', s: 'v', renamed: 'v' });
  });

  it('static_labels, label_drop, label_keep', () => {
    expect(one('stage.static_labels {\n  values = { a = "1", empty = "" }\n}', 'x', { b: '2' }).labels).toEqual({ a: '1', b: '2' });
    expect(one('stage.label_drop {\n  values = ["b"]\n}', 'x', { a: '1', b: '2' }).labels).toEqual({ a: '1' });
    expect(one('stage.label_keep {\n  values = ["b"]\n}', 'x', { a: '1', b: '2' }).labels).toEqual({ b: '2' });
  });

  it('structured_metadata moves labels and copies extracted values', () => {
    const out = one('stage.regex {\n  expression = "id=(?P<id>\\\\d+)"\n}\nstage.structured_metadata {\n  values = { id = "", pod = "" }\n}', 'id=42', { pod: 'p-1', app: 'a' });
    expect(out.labels).toEqual({ app: 'a' });
    expect(out.structuredMetadata).toEqual([
      { name: 'id', value: '42' },
      { name: 'pod', value: 'p-1' },
    ]);
  });

  it('structured_metadata_drop removes pairs by name', () => {
    const p = pipeline('stage.structured_metadata_drop {\n  values = ["a"]\n}');
    const out = p.process(entry('x', {}, { structuredMetadata: [{ name: 'a', value: '1' }, { name: 'b', value: '2' }] })).outputs[0];
    expect(out.structuredMetadata).toEqual([{ name: 'b', value: '2' }]);
  });

  it('tenant from a value, a label or the extracted map', () => {
    expect(one('stage.tenant {\n  value = "team-a"\n}', 'x').labels).toEqual({ __tenant_id__: 'team-a' });
    expect(one('stage.tenant {\n  label = "ns"\n}', 'x', { ns: 'prod' }).labels.__tenant_id__).toBe('prod');
    expect(one('stage.tenant {\n  source = "missing"\n}', 'x').labels).toEqual({});
  });

  it('pack wraps chosen labels and the line into JSON', () => {
    const out = one('stage.pack {\n  labels = ["pod", "app"]\n  ingest_timestamp = false\n}', 'a <b> & c', { pod: 'p1', app: 'x', ns: 'n' });
    expect(out.line).toBe('{"app":"x","pod":"p1","_entry":"a \\u003cb\\u003e \\u0026 c"}');
    expect(out.labels).toEqual({ ns: 'n' });
  });
});

describe('rewriting stages', () => {
  it('output replaces the line', () => {
    expect(one('stage.regex {\n  expression = "msg=(?P<m>.*)"\n}\nstage.output {\n  source = "m"\n}', 'a msg=hello').line).toBe('hello');
  });

  it('replace rewrites each captured group through the template', () => {
    const out = one('stage.replace {\n  expression = "password=(\\\\S+)"\n  replace = "****"\n}', 'user=a password=secret x');
    expect(out.line).toBe('user=a password=**** x');
    const up = one('stage.replace {\n  expression = "(\\\\w+)@"\n  replace = "{{ .Value | ToUpper }}"\n}', 'mail bob@x and al@y');
    expect(up.line).toBe('mail BOB@x and AL@y');
  });

  it('luhn redacts valid card numbers only', () => {
    expect(one('stage.luhn {}', 'card 4111111111111111 id 4111111111111112').line).toBe('card **REDACTED** id 4111111111111112');
    expect(one('stage.luhn {\n  delimiters = " -"\n  replacement = "X"\n}', 'n 4111-1111-1111-1111 end').line).toBe('n X end');
  });

  it('decolorize strips ANSI escapes', () => {
    expect(one('stage.decolorize {}', '\u001b[31mred\u001b[0m plain').line).toBe('red plain');
  });

  it('truncate cuts by bytes and records what it cut', () => {
    const out = one('stage.truncate {\n  rule {\n    limit = "8B"\n    suffix = "..."\n  }\n  rule {\n    limit = "4B"\n    source_type = "label"\n  }\n}', 'abcdefghijkl', { app: 'longname' });
    expect(out.line).toBe('abcde...');
    expect(out.labels).toEqual({ app: 'long' });
    expect(out.extracted!.truncated).toBe('label,line');
  });
});

describe('filter stages', () => {
  it('drop by source/value, separator and length', () => {
    const p = pipeline('stage.regex {\n  expression = "(?P<a>\\\\w) (?P<b>\\\\w)"\n}\nstage.drop {\n  source = "a,b"\n  value = "x;y"\n}');
    expect(p.process(entry('x y')).outputs).toEqual([]);
    expect(p.process(entry('x z')).outputs).toHaveLength(1);
    const long = pipeline('stage.drop {\n  longer_than = "5B"\n}');
    expect(long.process(entry('123456')).outputs).toEqual([]);
    expect(long.process(entry('12345')).outputs).toHaveLength(1);
  });

  it('drop older_than uses the clock given in the options', () => {
    const p = pipeline('stage.drop {\n  older_than = "1h"\n}', { now: () => new Date('2024-05-06T09:00:00Z') });
    expect(p.process(entry('old')).outputs).toEqual([]);
    expect(p.process(entry('new', {}, { timestamp: '2024-05-06T08:30:00Z' })).outputs).toHaveLength(1);
  });

  it('limit drops past the burst when time stands still', () => {
    const p = pipeline('stage.limit {\n  rate = 1\n  burst = 2\n  drop = true\n}');
    const n = [1, 2, 3, 4].map(() => p.process(entry('x')).outputs.length);
    expect(n).toEqual([1, 1, 0, 0]);
  });

  it('sampling with rate 0 drops everything and with rate 1 nothing', () => {
    expect(pipeline('stage.sampling {\n  rate = 0\n}').process(entry('x')).outputs).toEqual([]);
    expect(pipeline('stage.sampling {\n  rate = 1\n}').process(entry('x')).outputs).toHaveLength(1);
  });
});
