// otelcol.processor.interval: expectations worked out by hand from the upstream README (latest
// point per stream held until the interval ends; delta and non-monotonic sums pass at once).
import { describe, expect, it } from 'vitest';
import { expectClean, runText, sink } from './helpers.js';
import { EXPORTER, kv, RECEIVER, T0 } from './otel-helpers.js';

const S = 1_000_000_000n;
const CFG = (extra = '') => `otelcol.processor.interval "i" {\n${extra}  output {\n    metrics = [otelcol.exporter.otlp.out.input]\n  }\n}\n`;
const request = (metrics: unknown[]) => ({ metrics: { resourceMetrics: [{ resource: { attributes: kv({ host: 'h' }) }, scopeMetrics: [{ metrics }] }] } });
const pt = (v: number, t: bigint, attrs: Record<string, string> = {}) => ({ attributes: kv(attrs), timeUnixNano: String(t), asDouble: v });
const gauge = (points: unknown[]) => ({ name: 'temp', gauge: { dataPoints: points } });
const sum = (name: string, temporality: number, points: unknown[]) => ({ name, sum: { aggregationTemporality: temporality, isMonotonic: true, dataPoints: points } });
const run = (extra = '') =>
  expectClean(
    runText(
      RECEIVER('otelcol.processor.interval.i.input') + CFG(extra) + EXPORTER,
      {
        otlp: {
          'otelcol.receiver.otlp.in': [
            request([gauge([pt(20, T0 + S, { room: 'a' })]), sum('requests', 2, [pt(10, T0 + S)]), sum('d', 1, [pt(1, T0 + S)])]),
            request([gauge([pt(22, T0 + 2n * S, { room: 'a' }), pt(5, T0 + 2n * S, { room: 'b' })]), sum('requests', 2, [pt(15, T0 + 2n * S), pt(99, T0 + S)]), sum('d', 1, [pt(2, T0 + 2n * S)])]),
          ] as never,
        },
      },
      { experimental: true, trace: true },
    ),
  );
const seen = (r: ReturnType<typeof run>) => sink(r, 'otelcol.exporter.otlp.out').metrics!.map((m) => [m.name, m.fields!.points]);

describe('otelcol.processor.interval', () => {
  it('holds gauges and cumulative sums (latest point per stream) and passes delta sums at once', () => {
    expect(seen(run())).toEqual([
      ['d', [{ attributes: {}, value: '1' }]],
      ['d', [{ attributes: {}, value: '2' }]],
      ['temp', [{ attributes: { room: 'a' }, value: '22' }, { attributes: { room: 'b' }, value: '5' }]],
      ['requests', [{ attributes: {}, value: '15' }]],
    ]);
  });

  it('passthrough.gauge lets gauges through unchanged', () => {
    expect(seen(run('  passthrough {\n    gauge = true\n  }\n')).map((x) => x[0])).toEqual(['temp', 'd', 'temp', 'd', 'requests']);
  });
});
