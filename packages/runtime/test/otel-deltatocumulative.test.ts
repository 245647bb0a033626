// otelcol.processor.deltatocumulative: expectations worked out by hand from the upstream
// README and the OpenTelemetry data model's delta-to-cumulative rules (first point starts
// the stream; later ones add up; older or out-of-order points are dropped).
import { describe, expect, it } from 'vitest';
import { expectClean, runText, sink } from './helpers.js';
import { EXPORTER, kv, RECEIVER, T0 } from './otel-helpers.js';

const S = 1_000_000_000n;
const CFG = (extra = '') => `otelcol.processor.deltatocumulative "d" {\n${extra}  output {\n    metrics = [otelcol.exporter.otlp.out.input]\n  }\n}\n`;
const request = (metrics: unknown[]) => ({ metrics: { resourceMetrics: [{ resource: { attributes: kv({ 'service.name': 'api' }) }, scopeMetrics: [{ scope: { name: 'm' }, metrics }] }] } });
const sum = (v: number | bigint, start: bigint, t: bigint, temporality = 1, attrs: Record<string, string> = { path: '/a' }) => ({
  name: 'requests',
  sum: { aggregationTemporality: temporality, isMonotonic: true, dataPoints: [{ attributes: kv(attrs), startTimeUnixNano: String(start), timeUnixNano: String(t), ...(typeof v === 'bigint' ? { asInt: String(v) } : { asDouble: v }) }] },
});
const hist = (counts: number[], n: number, total: number, t: bigint, bounds = [1, 5]) => ({
  name: 'latency',
  histogram: { aggregationTemporality: 1, dataPoints: [{ startTimeUnixNano: String(T0), timeUnixNano: String(t), count: String(n), sum: total, bucketCounts: counts.map(String), explicitBounds: bounds }] },
});
const run = (requests: unknown[], extra = '') => expectClean(runText(RECEIVER('otelcol.processor.deltatocumulative.d.input') + CFG(extra) + EXPORTER, { otlp: { 'otelcol.receiver.otlp.in': requests as never } }, { experimental: true, trace: true }));
const seen = (r: ReturnType<typeof run>) => (sink(r, 'otelcol.exporter.otlp.out')?.metrics ?? []).map((m) => [m.name, m.fields!.temporality, m.fields!.points]);

describe('otelcol.processor.deltatocumulative', () => {
  it('adds up a delta sum per stream; out-of-order and older-start points are dropped', () => {
    const r = run([
      request([sum(5n, T0, T0 + 10n * S)]),
      request([sum(3n, T0 + 10n * S, T0 + 20n * S)]), // 5 + 3
      request([sum(4n, T0 + 20n * S, T0 + 20n * S)]), // same time as the state: dropped, nothing sent
      request([sum(1n, T0 - 5n * S, T0 + 30n * S)]), // starts before the stream: dropped
      request([sum(7n, T0, T0 + 40n * S, 1, { path: '/b' })]), // another stream starts afresh
      request([sum(2n, T0 + 30n * S, T0 + 50n * S)]), // 8 + 2
    ]);
    expect(seen(r)).toEqual([
      ['requests', 'cumulative', [{ attributes: { path: '/a' }, value: '5' }]],
      ['requests', 'cumulative', [{ attributes: { path: '/a' }, value: '8' }]],
      ['requests', 'cumulative', [{ attributes: { path: '/b' }, value: '7' }]],
      ['requests', 'cumulative', [{ attributes: { path: '/a' }, value: '10' }]],
    ]);
    const dropped = r.itemJourneys.filter((j) => j.outcome.kind === 'dropped').map((j) => j.steps.at(-1)!.note);
    expect(dropped).toEqual([expect.stringContaining('out of order'), expect.stringContaining("before the stream's start")]);
  });

  it('a double point adds to the double value only, as upstream (an int state reads as 0)', () => {
    const r = run([request([sum(8n, T0, T0 + S)]), request([sum(2.5, T0, T0 + 2n * S)])]);
    expect(seen(r).map((x) => (x[2] as { value: string }[])[0].value)).toEqual(['8', '2.5']);
  });

  it('histograms add bucket by bucket; other bounds restart the stream; cumulative and gauges pass unchanged', () => {
    const gauge = { name: 'temp', gauge: { dataPoints: [{ timeUnixNano: String(T0), asDouble: 21.5 }] } };
    const r = run([
      request([hist([1, 2, 0], 3, 6, T0 + S), sum(100n, T0, T0 + S, 2), gauge]),
      request([hist([0, 1, 1], 2, 9, T0 + 2n * S)]),
      request([hist([4, 0], 4, 2, T0 + 3n * S, [10])]),
    ]);
    expect(seen(r)).toEqual([
      ['latency', 'cumulative', [{ attributes: {}, count: '3', sum: 6 }]],
      ['requests', 'cumulative', [{ attributes: { path: '/a' }, value: '100' }]],
      ['temp', undefined, [{ attributes: {}, value: '21.5' }]],
      ['latency', 'cumulative', [{ attributes: {}, count: '5', sum: 15 }]],
      ['latency', 'cumulative', [{ attributes: {}, count: '4', sum: 2 }]],
    ]);
  });

  it('max_streams: new streams past the limit are dropped', () => {
    const r = run([request([sum(1n, T0, T0 + S)]), request([sum(1n, T0, T0 + S, 1, { path: '/b' })])], '  max_streams = 1\n');
    expect(seen(r)).toEqual([['requests', 'cumulative', [{ attributes: { path: '/a' }, value: '1' }]]]);
    expect(r.itemJourneys.find((j) => j.outcome.kind === 'dropped')!.steps.at(-1)!.note).toContain('stream limit of 1 reached');
  });
});
