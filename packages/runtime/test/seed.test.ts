// End to end on the seed pipelines with our own samples (no ../shared needed).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { memoryHost, readSamples, runConfig, type Samples } from '../src/index.js';
import { catalog, expectClean, sink } from './helpers.js';

const root = new URL('../../../', import.meta.url);
const text = (p: string) => readFileSync(new URL(p, root), 'utf8');

function samples(): Samples {
  const r = readSamples(parse(text('test/fixtures/runtime/k8s-samples.yaml'), { schema: 'core' }));
  if ('errors' in r) throw new Error(r.errors.join('\n'));
  return r.samples;
}

describe('seed pipelines', () => {
  it('k8s-logs.alloy: both application lines reach loki.write with namespace, pod, container and cluster', () => {
    const r = expectClean(runConfig([{ name: 'k8s-logs.alloy', text: text('examples/k8s-logs.alloy') }], { catalog, host: memoryHost(), samples: samples(), trace: true }));
    const w = sink(r, 'loki.write.loki');
    const labels = { namespace: 'default', pod: 'hello-api-7d4b9c', container: 'hello-api', cluster: 'kose-eks-welcomestudy', job: 'loki.source.kubernetes.pod', instance: 'default/hello-api-7d4b9c:hello-api' };
    expect(w.entries).toEqual([
      {
        line: '2025/05/21 02:48:07 Request received: path=/hello, method=GET, trace_id=4228e430a1f94dc866fb862c68189da7\n',
        timestamp: '2025-05-21T02:48:07.120537218Z',
        labels,
        structuredMetadata: {},
      },
      { line: 'Response sent: trace_id=4228e430a1f94dc866fb862c68189da7\n', timestamp: '2025-05-21T02:48:07.121904611Z', labels, structuredMetadata: {} },
    ]);
    // The derived field regex of the walkthrough finds the trace id in both lines.
    for (const e of w.entries) expect(/trace_id=([a-f0-9]{32})/.exec(e.line)?.[1]).toBe('4228e430a1f94dc866fb862c68189da7');
    expect(r.journeys.map((j) => j.steps.map((s) => s.component))).toEqual([
      ['loki.process.pod_logs', 'loki.write.loki'],
      ['loki.process.pod_logs', 'loki.write.loki'],
    ]);
    const relabel = r.targets.find((t) => t.component === 'discovery.relabel.pod_logs')!;
    expect(relabel.traces![0].steps.map((s) => s.action)).toEqual(['replace', 'replace', 'replace']);
  });

  it('otlp-traces.alloy: the span sent from the pod reaches the OTLP exporter with namespace, pod and container', () => {
    const r = readSamples(parse(text('examples/otlp-traces.samples.yaml'), { schema: 'core' }));
    if ('errors' in r) throw new Error(r.errors.join('\n'));
    const run = expectClean(runConfig([{ name: 'otlp-traces.alloy', text: text('examples/otlp-traces.alloy') }], { catalog, host: memoryHost(), samples: r.samples, trace: true }));
    expect(run.components.map((c) => c.status)).toEqual(['simulated', 'simulated', 'simulated']);
    const spans = sink(run, 'otelcol.exporter.otlp.default').spans!;
    expect(spans).toHaveLength(1);
    expect(spans[0].name).toBe('handle-hello');
    expect(spans[0].fields?.traceId).toBe('4228e430a1f94dc866fb862c68189da7');
    expect(spans[0].attributes['custom.attribute']).toBe('hello-world');
    expect(spans[0].resource).toEqual({ 'service.name': 'hello-api', 'telemetry.sdk.language': 'go', 'k8s.namespace.name': 'default', 'k8s.pod.name': 'hello-api-7d4b9c', 'k8s.container.name': 'hello-api' });
    expect(run.itemJourneys[0].steps.map((s) => s.note)).toEqual([
      'received over grpc from 10.0.1.45:52314',
      'pod default/hello-api-7d4b9c found by the connection 10.0.1.45',
      'exported to tempo-distributor.tempo.svc.cluster.local:4317 (gRPC, plaintext)',
    ]);
  });
});
