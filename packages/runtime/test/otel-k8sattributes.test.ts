// otelcol.processor.k8sattributes, with expectations from the contrib processor's documented
// behaviour: association by connection IP or pod_association rules, extraction, containers.
import { describe, expect, it } from 'vitest';
import type { K8sPod, RunResult, Samples } from '../src/index.js';
import { expectClean, runText, sink } from './helpers.js';
import { EXPORTER, otlpSamples, RECEIVER, span, traces, type Attr } from './otel-helpers.js';

const POD: K8sPod = {
  name: 'hello-api-7d4b9c',
  namespace: 'default',
  uid: '6f1c2b1e-0c55-4a7e-9d52-3c9b7f0a1d42',
  ip: '10.0.1.45',
  node: 'node-1',
  labels: { app: 'hello-api', 'app.kubernetes.io/version': '1.2.3' },
  annotations: { 'team.example.com/owner': 'sre' },
  controller: { kind: 'ReplicaSet', name: 'hello-api-5d8f9c7b6d' },
  containers: [{ name: 'hello-api', image: 'registry.example.com/hello-api:1.0.0', id: 'containerd://abc123' }],
};
const SIDECAR: K8sPod = { ...POD, name: 'two-7d4b9c', uid: 'u2', ip: '10.0.1.46', containers: [{ name: 'app', image: 'app:2' }, { name: 'proxy', image: 'envoy:1.30', id: 'docker://def456' }] };

function run(processor: string, resource: Attr, peer: string | undefined, pods: K8sPod[] = [POD, SIDECAR], before = ''): RunResult {
  const cfg = RECEIVER(before ? 'otelcol.processor.batch.b.input' : 'otelcol.processor.k8sattributes.k.input') + (before ? `otelcol.processor.batch "b" {\n  output {\n    traces = [otelcol.processor.k8sattributes.k.input]\n  }\n}\n` : '') + processor + EXPORTER;
  const samples: Samples = otlpSamples('otelcol.receiver.otlp.in', peer, traces(resource, [span()]), { kubernetes: { pods } });
  return expectClean(runText(cfg, samples, { trace: true }));
}

const k8s = (body: string) => `otelcol.processor.k8sattributes "k" {\n${body}\n  output {\n    traces = [otelcol.exporter.otlp.out.input]\n  }\n}\n`;
const resourceOf = (r: RunResult) => sink(r, 'otelcol.exporter.otlp.out').spans![0].resource;
const note = (r: RunResult) => r.itemJourneys[0].steps.find((s) => s.component === 'otelcol.processor.k8sattributes.k')?.note;

describe('otelcol.processor.k8sattributes', () => {
  it('finds the pod by the connection IP and adds the default metadata (deployment from a 10-character ReplicaSet hash)', () => {
    const r = run(k8s(''), { 'service.name': 'hello-api' }, '10.0.1.45:52314');
    expect(resourceOf(r)).toEqual({
      'service.name': 'hello-api',
      'k8s.pod.name': 'hello-api-7d4b9c',
      'k8s.namespace.name': 'default',
      'k8s.pod.uid': '6f1c2b1e-0c55-4a7e-9d52-3c9b7f0a1d42',
      'k8s.deployment.name': 'hello-api',
      'k8s.node.name': 'node-1',
      // one container: its name and image even though the resource names no container
      'k8s.container.name': 'hello-api',
      'container.image.name': 'registry.example.com/hello-api',
      'container.image.tag': '1.0.0',
    });
    expect(note(r)).toBe('pod default/hello-api-7d4b9c found by the connection 10.0.1.45');
  });

  it('adds no container attributes for a pod with two containers unless the resource names one', () => {
    const meta = '  extract {\n    metadata = ["k8s.pod.name", "k8s.container.name", "container.id", "container.image.name"]\n  }';
    const a = run(k8s(meta), {}, '10.0.1.46:1');
    expect(resourceOf(a)).toEqual({ 'k8s.pod.name': 'two-7d4b9c' });
    expect(note(a)).toContain('the pod has 2 containers');
    const b = run(k8s(meta), { 'k8s.container.name': 'proxy' }, '10.0.1.46:1');
    expect(resourceOf(b)).toEqual({ 'k8s.pod.name': 'two-7d4b9c', 'k8s.container.name': 'proxy', 'container.image.name': 'envoy', 'container.id': 'def456' });
    const c = run(k8s(meta), { 'container.id': 'def456' }, '10.0.1.46:1');
    expect(resourceOf(c)!['k8s.container.name']).toBe('proxy');
  });

  it('pod_association: rules in order, the first whose every source resolves wins', () => {
    const rules = `  extract {
    metadata = ["k8s.pod.name"]
  }
  pod_association {
    source {
      from = "resource_attribute"
      name = "k8s.pod.uid"
    }
  }
  pod_association {
    source {
      from = "resource_attribute"
      name = "k8s.pod.name"
    }
    source {
      from = "resource_attribute"
      name = "k8s.namespace.name"
    }
  }`;
    // No uid, no namespace: neither rule has all its sources; the connection is not a rule here.
    const a = run(k8s(rules), { 'k8s.pod.name': 'two-7d4b9c' }, '10.0.1.45:1');
    expect(note(a)).toBe('no pod identifier: no pod_association rule has all its sources');
    const b = run(k8s(rules), { 'k8s.pod.name': 'two-7d4b9c', 'k8s.namespace.name': 'default' }, '10.0.1.45:1');
    expect(note(b)).toBe('pod default/two-7d4b9c found by pod_association 2 (k8s.pod.name=two-7d4b9c, k8s.namespace.name=default)');
    const c = run(k8s(rules), { 'k8s.pod.uid': 'u2' }, undefined);
    expect(resourceOf(c)!['k8s.pod.name']).toBe('two-7d4b9c');
  });

  it('without pod_association uses k8s.pod.ip, then ip, then the connection, then host.name', () => {
    const md = '  extract {\n    metadata = ["k8s.pod.name"]\n  }';
    expect(resourceOf(run(k8s(md), { 'k8s.pod.ip': '10.0.1.46' }, '10.0.1.45:1'))!['k8s.pod.name']).toBe('two-7d4b9c');
    expect(resourceOf(run(k8s(md), { ip: '10.0.1.46' }, '10.0.1.45:1'))!['k8s.pod.name']).toBe('two-7d4b9c');
    expect(resourceOf(run(k8s(md), { 'host.name': '10.0.1.46' }, undefined))!['k8s.pod.name']).toBe('two-7d4b9c');
    expect(note(run(k8s(md), { 'host.name': 'web-1' }, undefined))).toMatch(/^no pod identifier/);
  });

  it('after a batch processor the sender address is gone, so the connection cannot associate', () => {
    const r = run(k8s(''), {}, '10.0.1.45:52314', [POD], 'batch');
    expect(resourceOf(r)).toEqual({});
    expect(note(r)).toContain('a batch processor before this one drops');
  });

  it('passthrough only adds k8s.pod.ip from the connection', () => {
    const r = run(k8s('  passthrough = true'), { 'service.name': 's' }, '10.0.1.45:52314');
    expect(resourceOf(r)).toEqual({ 'service.name': 's', 'k8s.pod.ip': '10.0.1.45' });
  });

  it('labels and annotations: key with default tag name, tag_name, key_regex with a capture', () => {
    const r = run(
      k8s(`  extract {
    metadata = ["k8s.pod.name"]
    label {
      key = "app"
    }
    label {
      tag_name = "version"
      key      = "app.kubernetes.io/version"
    }
    annotation {
      tag_name  = "owner.$1"
      key_regex = "team\\\\.example\\\\.com/(.*)"
    }
  }`),
      {},
      '10.0.1.45:1',
    );
    expect(resourceOf(r)).toEqual({ 'k8s.pod.name': 'hello-api-7d4b9c', 'k8s.pod.labels.app': 'hello-api', version: '1.2.3', 'owner.owner': 'sre' });
  });

  it('excludes pods named jaeger-agent by default, and keeps existing non-empty attributes', () => {
    const jaeger = { ...POD, name: 'jaeger-agent', uid: 'j', ip: '10.0.9.9' };
    expect(note(run(k8s(''), {}, '10.0.9.9:1', [jaeger]))).toBe('pod default/jaeger-agent is excluded');
    const r = run(k8s('  extract {\n    metadata = ["k8s.pod.name", "k8s.namespace.name"]\n  }'), { 'k8s.namespace.name': 'mine', 'k8s.pod.name': '' }, '10.0.1.45:1');
    expect(resourceOf(r)).toEqual({ 'k8s.namespace.name': 'mine', 'k8s.pod.name': 'hello-api-7d4b9c' });
  });
});
