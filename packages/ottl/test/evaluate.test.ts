// The evaluator on hand-built telemetry, with expectations worked out from the functions' documented
// behaviour (ottlfuncs README, transform processor README).
import { describe, expect, it } from 'vitest';
import { check, evaluateCondition, evaluateStatement, type ContextName, type Telemetry } from '../src/index.js';

const span = (): Telemetry => ({
  resource: { attributes: new Map<string, never>([['service.name', 'api' as never], ['k8s.pod.name', 'p1' as never]]) },
  scope: { name: 's', version: '1', attributes: new Map() },
  span: {
    traceId: '4228e430a1f94dc866fb862c68189da7',
    spanId: '0102030405060708',
    name: 'GET /users/12?x=1',
    kind: 2,
    attributes: new Map<string, never>([['http.method', 'GET' as never], ['http.route', '/users/{id}' as never], ['n', 5n as never], ['f', 1.5 as never]]),
    status: { code: 0, message: '' },
  },
});

function run(text: string, data: Telemetry, context: ContextName = 'span') {
  const c = check('statement', text, { context }, { host: 'transform' });
  expect(c.problems, text).toEqual([]);
  return evaluateStatement(c.ast!, c.context!, data);
}
function cond(text: string, data: Telemetry, context: ContextName = 'span') {
  const c = check('condition', text, { context });
  expect(c.problems, text).toEqual([]);
  return evaluateCondition(c.ast!, c.context!, data);
}

describe('statements', () => {
  it('set with a where clause reading the resource', () => {
    const d = span();
    expect(run('set(attributes["pod"], resource.attributes["k8s.pod.name"]) where resource.attributes["service.name"] == "api"', d)).toEqual({ value: true });
    expect(d.span!.attributes.get('pod')).toBe('p1');
    expect(run('set(attributes["x"], "y") where name == "nope"', d)).toEqual({ value: false });
    expect(d.span!.attributes.has('x')).toBe(false);
  });

  it('set of nil does nothing; nested keys create maps', () => {
    const d = span();
    run('set(attributes["gone"], attributes["missing"])', d);
    expect(d.span!.attributes.has('gone')).toBe(false);
    run('set(attributes["a"]["b"], 1)', d);
    expect(d.span!.attributes.get('a')).toEqual(new Map([['b', 1n]]));
  });

  it('replace_pattern with Go expansion, replace_match with a glob', () => {
    const d = span();
    run('replace_pattern(name, "\\\\?.*", "")', d);
    expect(d.span!.name).toBe('GET /users/12');
    run('replace_pattern(name, "/users/([0-9]+)", "/u/$1/$$")', d);
    expect(d.span!.name).toBe('GET /u/12/$');
    run('replace_match(name, "GET /u/*", "GET /u/{id}")', d);
    expect(d.span!.name).toBe('GET /u/{id}');
  });

  it('delete_key, keep_keys, limit keeps priority keys first, truncate_all counts bytes', () => {
    const d = span();
    run('delete_key(attributes, "n")', d);
    expect([...d.span!.attributes.keys()]).toEqual(['http.method', 'http.route', 'f']);
    run('limit(attributes, 2, ["f"])', d);
    expect([...d.span!.attributes.keys()]).toEqual(['http.method', 'f']);
    run('truncate_all(attributes, 2)', d);
    expect(d.span!.attributes.get('http.method')).toBe('GE');
    run('keep_keys(attributes, ["f"])', d);
    expect([...d.span!.attributes.keys()]).toEqual(['f']);
  });

  it('merge_maps with ParseJSON, and strategies', () => {
    const d: Telemetry = { resource: { attributes: new Map() }, log: { body: '{"a": 1, "b": {"c": "d"}}', attributes: new Map([['a', 'keep']]) } };
    run('merge_maps(attributes, ParseJSON(body), "insert")', d, 'log');
    expect(d.log!.attributes).toEqual(new Map<string, unknown>([['a', 'keep'], ['b', new Map([['c', 'd']])]]));
    run('merge_maps(attributes, ParseJSON(body), "upsert")', d, 'log');
    expect(d.log!.attributes.get('a')).toBe(1);
  });

  it('set_semconv_span_name names a server span from method and route', () => {
    const d = span();
    run('set_semconv_span_name("1.37.0", "original_span_name")', d);
    expect(d.span!.name).toBe('GET /users/{id}');
    expect(d.span!.attributes.get('original_span_name')).toBe('GET /users/12?x=1');
    expect(run('set_semconv_span_name("1.30.0")', span()).error).toContain('unsupported semconv version');
  });

  it('Concat joins scalars and writes <nil> for nil', () => {
    const d = span();
    run('set(attributes["c"], Concat([attributes["http.method"], attributes["n"], attributes["f"], attributes["none"]], " "))', d);
    expect(d.span!.attributes.get('c')).toBe('GET 5 1.5 <nil>');
  });

  it('metric functions', () => {
    const d: Telemetry = {
      resource: { attributes: new Map() },
      metric: { name: 'm', type: 'gauge', dataPoints: [
        { attributes: new Map<string, never>([['a', 'x' as never], ['b', '1' as never]]), value: 2n },
        { attributes: new Map<string, never>([['a', 'x' as never], ['b', '2' as never]]), value: 3n },
        { attributes: new Map<string, never>([['a', 'y' as never]]), value: 4n },
      ] },
    };
    run('convert_gauge_to_sum("cumulative", true)', d, 'metric');
    expect(d.metric).toMatchObject({ type: 'sum', aggregationTemporality: 2, isMonotonic: true });
    run('aggregate_on_attributes("sum", ["a"])', d, 'metric');
    expect(d.metric!.dataPoints.map((p) => [Object.fromEntries(p.attributes), p.value])).toEqual([[{ a: 'x' }, 5n], [{ a: 'y' }, 4n]]);
  });

  it('errors and unsupported functions are outcomes, not exceptions', () => {
    expect(run('set(attributes["h"], SHA256("x"))', span())).toMatchObject({ unsupported: 'SHA256' });
    expect(run('set(attributes["x"], 1 / 0)', span()).error).toContain('divide by 0');
    expect(run('set(name, 1)', span()).error).toContain('expected string');
  });
});

describe('conditions', () => {
  it('compares across int and float, nil only equals nil, strings order', () => {
    const d = span();
    expect(cond('attributes["n"] > 4.5 and attributes["f"] < 2', d).value).toBe(true);
    expect(cond('attributes["missing"] == nil and attributes["n"] != nil', d).value).toBe(true);
    expect(cond('attributes["n"] == "5"', d).value).toBe(false);
    expect(cond('name > "GET"', d).value).toBe(true);
  });

  it('enums, kind, status, IsMatch on non-strings', () => {
    const d = span();
    expect(cond('kind == SPAN_KIND_SERVER and status.code == STATUS_CODE_UNSET', d).value).toBe(true);
    expect(cond('IsMatch(attributes["n"], "^5$")', d).value).toBe(true);
    expect(cond('not IsMatch(attributes["missing"], ".*")', d).value).toBe(true);
  });

  it('log severity', () => {
    const d: Telemetry = { resource: { attributes: new Map() }, log: { severityNumber: 13, attributes: new Map() } };
    expect(cond('severity_number >= SEVERITY_NUMBER_WARN', d, 'log').value).toBe(true);
    expect(cond('severity_number < SEVERITY_NUMBER_WARN', d, 'log').value).toBe(false);
  });

  it('a converter that does not return a bool is an error', () => {
    expect(cond('Len(name)', span()).error).toContain('must be a bool');
  });
});
