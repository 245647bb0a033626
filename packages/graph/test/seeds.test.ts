import { describe, expect, it } from 'vitest';
import { modelOf, seed } from './helpers.js';

const edgesOf = (m: ReturnType<typeof modelOf>) => m.edges.map((e) => `${e.from} -> ${e.to} [${e.signal}, ${e.attribute}, ${e.flow}]`);
const nodesOf = (m: ReturnType<typeof modelOf>) => m.nodes.map((n) => `${n.kind} ${n.id} (${n.signals.join(', ')})`);

describe('seed pipelines', () => {
  it('k8s-logs: discovery to relabel to the Kubernetes log source, then process and write', () => {
    const m = modelOf(seed('k8s-logs.alloy'));
    expect(m.files).toEqual(['examples/k8s-logs.alloy']);
    expect(nodesOf(m)).toEqual([
      'component discovery.kubernetes.pod (targets)',
      'component discovery.relabel.pod_logs (targets)',
      'component loki.source.kubernetes.pod (logs, targets)',
      'component loki.process.pod_logs (logs)',
      'component loki.write.loki (logs)',
    ]);
    expect(edgesOf(m)).toEqual([
      'discovery.kubernetes.pod -> discovery.relabel.pod_logs [targets, targets, pull]',
      'discovery.relabel.pod_logs -> loki.source.kubernetes.pod [targets, targets, pull]',
      'loki.source.kubernetes.pod -> loki.process.pod_logs [logs, forward_to, push]',
      'loki.process.pod_logs -> loki.write.loki [logs, forward_to, push]',
    ]);
    expect(m.clusters).toEqual([]);
    expect(m.nodes.every((n) => n.badge === undefined)).toBe(true);
  });

  it('k8s-logs: nodes and edges carry names, labels and source ranges', () => {
    const m = modelOf(seed('k8s-logs.alloy'));
    expect(m.nodes[2]).toMatchObject({
      id: 'loki.source.kubernetes.pod',
      name: 'loki.source.kubernetes',
      label: 'pod',
      range: { file: 'examples/k8s-logs.alloy', start: { line: 31, column: 1 }, end: { line: 34, column: 2 } },
    });
    expect(m.edges[2]).toMatchObject({
      reference: 'loki.process.pod_logs.receiver',
      range: { start: { line: 33, column: 19 }, end: { line: 33, column: 49 } },
    });
  });

  it('otlp-traces: receiver to k8sattributes processor to OTLP exporter', () => {
    const m = modelOf(seed('otlp-traces.alloy'));
    expect(nodesOf(m)).toEqual([
      'component otelcol.receiver.otlp.default (traces)',
      'component otelcol.processor.k8sattributes.default (traces)',
      'component otelcol.exporter.otlp.default (traces)',
    ]);
    expect(edgesOf(m)).toEqual([
      'otelcol.receiver.otlp.default -> otelcol.processor.k8sattributes.default [traces, output.traces, push]',
      'otelcol.processor.k8sattributes.default -> otelcol.exporter.otlp.default [traces, output.traces, push]',
    ]);
    expect(m.clusters).toEqual([]);
  });
});
