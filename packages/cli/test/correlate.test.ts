import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run, tempTree } from './helpers.js';

const ROOT = new URL('../../../', import.meta.url).pathname;
const TRACES = ['-c', 'examples/otlp-traces.alloy', '-i', 'examples/otlp-traces.samples.yaml'];
const GRAFANA = ['-g', 'examples/grafana-datasources.yaml'];

describe('alloy-lint correlate', () => {
  it('passes on the seed pipelines with the walkthrough data sources', () => {
    const r = run(['correlate', '-c', 'examples/k8s-logs.alloy', '-i', 'examples/k8s-logs.samples.yaml', ...TRACES, ...GRAFANA], { cwd: ROOT });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('{container="hello-api"} |="4228e430a1f94dc866fb862c68189da7"');
    expect(r.stdout).toContain('correlation ok: 1 span link(s), 2 line link(s) checked');
  });

  it('fails with the relabel rule to add when the logs lose their container label', () => {
    const src = readFileSync(`${ROOT}examples/k8s-logs.alloy`, 'utf8').replace('target_label = "container"', 'target_label = "ctr"');
    const dir = tempTree({ 'logs.alloy': src });
    const r = run(['correlate', '-c', `${dir}/logs.alloy`, '-i', 'examples/k8s-logs.samples.yaml', ...TRACES, ...GRAFANA, '--format', 'json'], { cwd: ROOT });
    expect(r.code).toBe(1);
    const rep = JSON.parse(r.stdout);
    expect(rep.traceToLogs[0].problem).toContain('logs reach Loki without a `container` label');
    expect(rep.traceToLogs[0].problem).toContain('__meta_kubernetes_pod_container_name');
  });

  it('rejects a provisioning file without data sources, as a usage error', () => {
    const dir = tempTree({ 'ds.yaml': 'apiVersion: 1\n' });
    const r = run(['correlate', ...TRACES, '-g', `${dir}/ds.yaml`], { cwd: ROOT });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('expected a provisioning file with a `datasources` list');
  });
});

describe('alloy-lint run on telemetry', () => {
  it('exits 1 when nothing could be simulated', () => {
    const dir = tempTree({ 'p.alloy': 'pyroscope.write "w" {\n  endpoint {\n    url = "http://p"\n  }\n}\n' });
    const r = run(['run', 'p.alloy'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no component of this configuration could be simulated');
  });

  it('prints spans at the exporter and their way with --trace', () => {
    const r = run(['run', 'examples/otlp-traces.alloy', '--inputs', 'examples/otlp-traces.samples.yaml', '--trace'], { cwd: ROOT });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('otelcol.exporter.otlp.default → tempo-distributor.tempo.svc.cluster.local:4317 (gRPC, plaintext) (1 span)');
    expect(r.stdout).toContain('resource +k8s.container.name="hello-api" +k8s.namespace.name="default" +k8s.pod.name="hello-api-7d4b9c"');
  });
});
