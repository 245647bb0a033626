// otelcol.connector.count: expectations worked out by hand from the upstream README and
// Alloy's reference (default metric names, delta int sums, attributes with defaults,
// conditions ORed, per resource).
import { describe, expect, it } from 'vitest';
import { expectClean, runText, sink } from './helpers.js';
import { EXPORTER, kv, RECEIVER, T0 } from './otel-helpers.js';

const cfg = (body: string) => `otelcol.connector.count "c" {\n${body}  output {\n    metrics = [otelcol.exporter.otlp.out.input]\n  }\n}\n`;
const run = (body: string, request: Record<string, unknown>) =>
  runText(RECEIVER('otelcol.connector.count.c.input') + cfg(body) + EXPORTER, { otlp: { 'otelcol.receiver.otlp.in': [request] } }, { experimental: true, trace: true });
const points = (r: ReturnType<typeof run>) => sink(r, 'otelcol.exporter.otlp.out').metrics!.map((m) => [m.name, m.resource, m.fields!.type, m.fields!.points]);
const log = (sev: number, attrs: Record<string, string> = {}) => ({ timeUnixNano: String(T0), severityNumber: sev, body: { stringValue: 'x' }, attributes: kv(attrs) });

describe('otelcol.connector.count', () => {
  it('by default counts spans and span events per resource (trace.span.count, trace.span.event.count)', () => {
    const span = (id: string, events: number) => ({ traceId: '4228e430a1f94dc866fb862c68189da7', spanId: id, name: 'op', startTimeUnixNano: String(T0), endTimeUnixNano: String(T0 + 1000n), events: Array.from({ length: events }, (_, i) => ({ name: `e${i}`, timeUnixNano: String(T0 + 10n) })) });
    const r = expectClean(
      run('', {
        traces: {
          resourceSpans: [
            { resource: { attributes: kv({ 'service.name': 'a' }) }, scopeSpans: [{ spans: [span('0000000000000001', 2), span('0000000000000002', 0)] }] },
            { resource: { attributes: kv({ 'service.name': 'b' }) }, scopeSpans: [{ spans: [span('0000000000000003', 0)] }] },
          ],
        },
      }),
    );
    expect(points(r)).toEqual([
      ['trace.span.count', { 'service.name': 'a' }, 'sum', [{ attributes: {}, value: '2' }]],
      ['trace.span.event.count', { 'service.name': 'a' }, 'sum', [{ attributes: {}, value: '2' }]],
      ['trace.span.count', { 'service.name': 'b' }, 'sum', [{ attributes: {}, value: '1' }]],
    ]);
    expect(r.itemJourneys.filter((j) => j.kind === 'span').map((j) => j.outcome)).toEqual(Array(3).fill({ kind: 'converted', component: 'otelcol.connector.count.c', reason: 'counted into delta sums' }));
  });

  it('logs: a condition, and an attribute from the record, else the resource, else default_value', () => {
    const body = `  logs {\n    name = "errors"\n    conditions = ["severity_number >= SEVERITY_NUMBER_ERROR"]\n    attributes {\n      key = "env"\n      default_value = "unknown"\n    }\n  }\n`;
    const r = expectClean(
      run(body, {
        logs: {
          resourceLogs: [
            { resource: { attributes: kv({ 'service.name': 'a', env: 'staging' }) }, scopeLogs: [{ logRecords: [log(17, { env: 'prod' }), log(17), log(9, { env: 'prod' })] }] },
            { resource: { attributes: kv({ 'service.name': 'b' }) }, scopeLogs: [{ logRecords: [log(21), log(17)] }] },
            { resource: { attributes: kv({ 'service.name': 'c' }) }, scopeLogs: [{ logRecords: [log(5)] }] },
          ],
        },
      }),
    );
    // c counted nothing: no resource for it; log.record.count is replaced by the logs block.
    expect(points(r)).toEqual([
      ['errors', { 'service.name': 'a', env: 'staging' }, 'sum', [{ attributes: { env: 'prod' }, value: '1' }, { attributes: { env: 'staging' }, value: '1' }]],
      ['errors', { 'service.name': 'b' }, 'sum', [{ attributes: { env: 'unknown' }, value: '2' }]],
    ]);
  });

  it('metrics: metric.count by default; data points by an attribute (a bool reads as "", a point without it is not counted)', () => {
    const dp = (a: Record<string, string | boolean>) => ({ attributes: kv(a), timeUnixNano: String(T0), asDouble: 1 });
    const body = `  datapoints {\n    name = "dp.by.cpu"\n    attributes {\n      key = "cpu"\n    }\n  }\n`;
    const r = expectClean(
      run(body, {
        metrics: {
          resourceMetrics: [{ resource: { attributes: kv({ host: 'h' }) }, scopeMetrics: [{ metrics: [{ name: 'g', gauge: { dataPoints: [dp({ cpu: '0' }), dp({ cpu: '0' }), dp({ cpu: true })] } }, { name: 's', sum: { aggregationTemporality: 2, isMonotonic: true, dataPoints: [dp({})] } }] }] }],
        },
      }),
    );
    expect(points(r)).toEqual([
      ['metric.count', { host: 'h' }, 'sum', [{ attributes: {}, value: '2' }]],
      ['dp.by.cpu', { host: 'h' }, 'sum', [{ attributes: { cpu: '0' }, value: '2' }, { attributes: { cpu: '' }, value: '1' }]],
    ]);
  });

  it('an integer default_value is ignored, as upstream (it arrives as int64), and said so; a float one applies', () => {
    const body = (d: string) => `  logs {\n    name = "by.code"\n    attributes {\n      key = "code"\n      default_value = ${d}\n    }\n  }\n`;
    const req = { logs: { resourceLogs: [{ resource: { attributes: kv({}) }, scopeLogs: [{ logRecords: [log(9), log(9, { code: '200' })] }] }] } };
    const int = expectClean(run(body('0'), req));
    expect(points(int)).toEqual([['by.code', {}, 'sum', [{ attributes: { code: '200' }, value: '1' }]]]);
    const int7 = expectClean(run(body('7'), req));
    expect(points(int7)).toEqual([['by.code', {}, 'sum', [{ attributes: { code: '200' }, value: '1' }]]]);
    expect(int7.warnings.join('\n')).toContain('default_value 7 for code is an integer');
    const float = expectClean(run(body('1.5'), req));
    expect(points(float)).toEqual([['by.code', {}, 'sum', [{ attributes: { code: 1.5 }, value: '1' }, { attributes: { code: '200' }, value: '1' }]]]);
  });

  it('refuses a metric without a name and attributes on metrics, as upstream validates', () => {
    const noName = run(`  spans {\n    description = "x"\n  }\n`, { traces: { resourceSpans: [] } });
    expect(noName.components.find((c) => c.id === 'otelcol.connector.count.c')).toMatchObject({ status: 'failed', message: expect.stringContaining('spans: metric name missing') });
    const attrs = run(`  metrics {\n    name = "m"\n    attributes {\n      key = "k"\n    }\n  }\n`, { traces: { resourceSpans: [] } });
    expect(attrs.components.find((c) => c.id === 'otelcol.connector.count.c')!.message).toContain('metrics attributes not supported: metric "m"');
  });
});
