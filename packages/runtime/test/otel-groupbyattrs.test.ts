// otelcol.processor.groupbyattrs: expectations worked out by hand from the upstream README
// (records move under a resource holding the grouped attributes; the record keeps the rest).
import { describe, expect, it } from 'vitest';
import { expectClean, runText, sink } from './helpers.js';
import { EXPORTER, kv, RECEIVER } from './otel-helpers.js';

const CFG = (keys: string) => `otelcol.processor.groupbyattrs "g" {\n  keys = ${keys}\n  output {\n    traces  = [otelcol.exporter.otlp.out.input]\n    logs    = [otelcol.exporter.otlp.out.input]\n    metrics = [otelcol.exporter.otlp.out.input]\n  }\n}\n`;
const run = (keys: string, request: Record<string, unknown>, trace = false) =>
  expectClean(runText(RECEIVER('otelcol.processor.groupbyattrs.g.input') + CFG(keys) + EXPORTER, { otlp: { 'otelcol.receiver.otlp.in': [request] } }, { trace }));

const log = (body: string, attrs: Record<string, string>) => ({ timeUnixNano: '1747795687120000000', body: { stringValue: body }, attributes: kv(attrs) });
const gauge = (name: string, points: [Record<string, string>, number][]) => ({ name, gauge: { dataPoints: points.map(([a, v]) => ({ attributes: kv(a), timeUnixNano: '1747795687120000000', asInt: String(v) })) } });

describe('otelcol.processor.groupbyattrs', () => {
  it('moves host.name from log records to new resources, one per value, in order of appearance', () => {
    const r = run('["host.name"]', {
      logs: {
        resourceLogs: [
          {
            resource: { attributes: kv({ env: 'prod' }) },
            scopeLogs: [{ scope: { name: 'lib', version: '1' }, logRecords: [log('a', { 'host.name': 'h1', x: '1' }), log('b', { 'host.name': 'h2' }), log('c', { x: '3' }), log('d', { 'host.name': 'h1' })] }],
          },
          { resource: { attributes: kv({ env: 'prod' }) }, scopeLogs: [{ scope: { name: 'lib', version: '2' }, logRecords: [log('e', { 'host.name': 'h2' })] }] },
        ],
      },
    }, true);
    const got = sink(r, 'otelcol.exporter.otlp.out').logRecords!.map((l) => [l.name, l.resource, l.attributes, l.fields!.scope]);
    // resource order h1, h2, ungrouped (first seen at a, b, c); within a resource, scope
    // lib@1 before lib@2; records keep their order inside a scope.
    expect(got).toEqual([
      ['a', { env: 'prod', 'host.name': 'h1' }, { x: '1' }, 'lib'],
      ['d', { env: 'prod', 'host.name': 'h1' }, {}, 'lib'],
      ['b', { env: 'prod', 'host.name': 'h2' }, {}, 'lib'],
      ['e', { env: 'prod', 'host.name': 'h2' }, {}, 'lib'],
      ['c', { env: 'prod' }, { x: '3' }, 'lib'],
    ]);
    const j = r.itemJourneys.find((x) => x.input.name === 'c')!;
    expect(j.steps.find((s) => s.component === 'otelcol.processor.groupbyattrs.g')!.note).toBe('none of the keys: stays with its resource');
  });

  it('a record attribute overrides the resource attribute of the same key', () => {
    const r = run('["env"]', { logs: { resourceLogs: [{ resource: { attributes: kv({ env: 'prod', region: 'eu' }) }, scopeLogs: [{ logRecords: [log('a', { env: 'dev' })] }] }] } });
    expect(sink(r, 'otelcol.exporter.otlp.out').logRecords!.map((l) => [l.resource, l.attributes])).toEqual([[{ env: 'dev', region: 'eu' }, {}]]);
  });

  it('with no keys, resources with equal attributes merge (compaction); an int and a string of the same text stay apart', () => {
    const res = (a: Record<string, string | number>, body: string) => ({ resource: { attributes: kv(a) }, scopeLogs: [{ scope: { name: 's' }, logRecords: [log(body, {})] }] });
    // x's and z's resources are equal (key order aside): z joins x, ahead of y.
    const r = run('[]', { logs: { resourceLogs: [res({ k: '1', n: 'a' }, 'x'), res({ k: 1, n: 'a' }, 'y'), res({ n: 'a', k: '1' }, 'z')] } });
    expect(sink(r, 'otelcol.exporter.otlp.out').logRecords!.map((l) => [l.name, l.resource])).toEqual([
      ['x', { k: '1', n: 'a' }],
      ['z', { k: '1', n: 'a' }],
      ['y', { k: 1, n: 'a' }],
    ]);
  });

  it('spreads a metric\'s data points over resources by host.name; one metric per name in each', () => {
    const r = run('["host.name"]', {
      metrics: {
        resourceMetrics: [
          {
            resource: { attributes: kv({ job: 'node' }) },
            scopeMetrics: [{ metrics: [gauge('load', [[{ 'host.name': 'h1', cpu: '0' }, 1], [{ 'host.name': 'h2', cpu: '0' }, 2], [{ 'host.name': 'h1', cpu: '1' }, 3]]), gauge('mem', [[{ 'host.name': 'h2' }, 4]])] }],
          },
        ],
      },
    });
    const m = sink(r, 'otelcol.exporter.otlp.out').metrics!;
    expect(m.map((x) => [x.name, x.resource, x.fields!.points])).toEqual([
      ['load', { job: 'node', 'host.name': 'h1' }, [{ attributes: { cpu: '0' }, value: '1' }, { attributes: { cpu: '1' }, value: '3' }]],
      ['load', { job: 'node', 'host.name': 'h2' }, [{ attributes: { cpu: '0' }, value: '2' }]],
      ['mem', { job: 'node', 'host.name': 'h2' }, [{ attributes: {}, value: '4' }]],
    ]);
  });
});
