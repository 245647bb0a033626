// Two OpenTelemetry / Prometheus rows, each against a plain JavaScript loop doing the same
// work, measured in the same run (pairs alternated, medians of five; spread: lowest and highest pair ratio):
// 100k spans: otelcol.receiver.otlp → k8sattributes → batch → otlp exporter (100 pods,
//   each sending 1,000 spans from its own IP);
// 100k samples: prometheus.scrape (100 targets × 1,000 series) → prometheus.relabel →
//   prometheus.remote_write.
import { performance } from 'node:perf_hooks';
import { loadSchemaCatalog } from '@alloy-lint/schemas/node';
import { memoryHost, runConfig } from '@alloy-lint/runtime';

const PODS = 100;
const PER = 1000;

const TRACES = `
otelcol.receiver.otlp "in" {
  grpc {}
  output {
    traces = [otelcol.processor.k8sattributes.k.input]
  }
}
otelcol.processor.k8sattributes "k" {
  extract {
    metadata = ["k8s.namespace.name", "k8s.pod.name", "k8s.container.name"]
  }
  output {
    traces = [otelcol.processor.batch.b.input]
  }
}
otelcol.processor.batch "b" {
  output {
    traces = [otelcol.exporter.otlp.out.input]
  }
}
otelcol.exporter.otlp "out" {
  client {
    endpoint = "tempo:4317"
  }
}
`;

const METRICS = `
prometheus.scrape "s" {
  targets    = [${Array.from({ length: PODS }, (_, i) => `{"__address__" = "10.1.${i >> 8}.${i & 255}:8080", "pod" = "p${i}"}`).join(', ')}]
  forward_to = [prometheus.relabel.r.receiver]
}
prometheus.relabel "r" {
  rule {
    source_labels = ["__name__"]
    regex         = "go_.*"
    action        = "drop"
  }
  forward_to = [prometheus.remote_write.rw.receiver]
}
prometheus.remote_write "rw" {
  external_labels = { cluster = "bench" }
  endpoint {
    url = "http://mimir/api/v1/push"
  }
}
`;

const hex = (n, w) => n.toString(16).padStart(w, '0');
const ip = (i) => `10.1.${i >> 8}.${i & 255}`;

function traceSamples() {
  const pods = [];
  const reqs = [];
  for (let p = 0; p < PODS; p++) {
    pods.push({ name: `app-${p}`, namespace: 'default', ip: ip(p), containers: [{ name: 'app', image: 'app:1' }] });
    const spans = [];
    for (let s = 0; s < PER; s++) {
      const n = p * PER + s;
      spans.push({
        traceId: hex(n, 32),
        spanId: hex(n + 1, 16),
        name: `op-${s % 20}`,
        kind: 2,
        startTimeUnixNano: String(1747795687000000000n + BigInt(n) * 1000n),
        endTimeUnixNano: String(1747795687000000000n + BigInt(n) * 1000n + 500000n),
        attributes: [{ key: 'http.route', value: { stringValue: `/r/${s % 50}` } }],
      });
    }
    reqs.push({ peer: `${ip(p)}:40000`, traces: { resourceSpans: [{ resource: { attributes: [{ key: 'service.name', value: { stringValue: `svc-${p}` } }] }, scopeSpans: [{ scope: { name: 'bench' }, spans }] }] } });
  }
  return { kubernetes: { pods }, otlp: { 'otelcol.receiver.otlp.in': reqs } };
}

function traceBaseline(samples) {
  const byIp = new Map(samples.kubernetes.pods.map((p) => [p.ip, p]));
  const out = [];
  const idOk = /^[0-9a-f]{32}$/;
  for (const req of samples.otlp['otelcol.receiver.otlp.in']) {
    const pod = byIp.get(req.peer.slice(0, req.peer.lastIndexOf(':')));
    for (const rs of req.traces.resourceSpans) {
      const resource = {};
      for (const a of rs.resource.attributes) resource[a.key] = a.value.stringValue;
      if (pod) Object.assign(resource, { 'k8s.namespace.name': pod.namespace, 'k8s.pod.name': pod.name, 'k8s.container.name': pod.containers[0].name });
      for (const ss of rs.scopeSpans)
        for (const s of ss.spans) {
          if (!idOk.test(s.traceId)) continue;
          const attributes = {};
          for (const a of s.attributes) attributes[a.key] = a.value.stringValue;
          out.push({ name: s.name, traceId: s.traceId, spanId: s.spanId, start: BigInt(s.startTimeUnixNano), end: BigInt(s.endTimeUnixNano), resource: { ...resource }, attributes });
        }
    }
  }
  return out.length;
}

function metricSamples() {
  const scrape = {};
  for (let t = 0; t < PODS; t++) {
    const lines = ['# TYPE http_requests_total counter'];
    for (let s = 0; s < PER; s++) lines.push(s % 10 === 0 ? `go_gc_${s} ${s}` : `http_requests_total{code="${200 + (s % 5)}",path="/r/${s}"} ${s * 3}`);
    scrape[`${ip(t)}:8080`] = lines.join('\n') + '\n';
  }
  return { scrape };
}

function metricBaseline(samples) {
  const line = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+(\d+))?$/;
  const pair = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;
  const drop = /^(?:go_.*)$/;
  const out = [];
  let t = 0;
  for (const [addr, text] of Object.entries(samples.scrape)) {
    const target = { instance: addr, job: 'prometheus.scrape.s', pod: `p${t++}` };
    for (const l of text.split('\n')) {
      if (!l || l[0] === '#') continue;
      const m = line.exec(l);
      const labels = { __name__: m[1] };
      if (m[2]) for (const p of m[2].matchAll(pair)) labels[p[1]] = p[2];
      Object.assign(labels, target);
      if (drop.test(labels.__name__)) continue;
      out.push({ labels: { cluster: 'bench', ...labels }, value: Number(m[3]), t: 0 });
    }
  }
  return out.length;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function pair(name, unit, items, runOnce, baseline, baselineText) {
  const a = [];
  const b = [];
  for (let i = 0; i < 5; i++) {
    globalThis.gc?.();
    let t = performance.now();
    runOnce();
    a.push(performance.now() - t);
    globalThis.gc?.();
    t = performance.now();
    baseline();
    b.push(performance.now() - t);
  }
  const ms = median(a);
  const baselineMs = median(b);
  const ratios = a.map((x, i) => x / b[i]);
  const spread = [Math.min(...ratios), Math.max(...ratios)]; // lowest and highest pair ratio
  return { name, ms, perSecond: items / (ms / 1000), unit, baseline: baselineText, baselineMs, ratio: ms / baselineMs, spread };
}

export default function telemetryRows() {
  const catalog = loadSchemaCatalog('v1.18.1');
  const host = memoryHost({}, {}, new Date('2025-05-21T03:00:00Z'));
  const ts = traceSamples();
  const runTraces = () => {
    const r = runConfig([{ name: 'traces.alloy', text: TRACES }], { catalog, host, samples: ts });
    const s = r.sinks.find((x) => x.component === 'otelcol.exporter.otlp.out');
    if (!r.ok || !s) throw new Error(`traces bench did not run: ${r.components.map((c) => `${c.id} ${c.status} ${c.message ?? ''}`).join('; ')}`);
    return s.spans.length;
  };
  const spans = runTraces();
  if (spans !== traceBaseline(ts)) throw new Error(`runtime exported ${spans} spans, the baseline ${traceBaseline(ts)}`);
  const ms = metricSamples();
  const runMetrics = () => {
    const r = runConfig([{ name: 'metrics.alloy', text: METRICS }], { catalog, host, samples: ms });
    const s = r.sinks.find((x) => x.component === 'prometheus.remote_write.rw');
    if (!r.ok || !s) throw new Error(`metrics bench did not run: ${r.components.map((c) => `${c.id} ${c.status} ${c.message ?? ''}`).join('; ')}`);
    return s.samples.length;
  };
  const written = runMetrics();
  const want = metricBaseline(ms) + PODS * 5; // plus up, scrape_* report series per target
  if (written !== want) throw new Error(`runtime wrote ${written} samples, the baseline ${want}`);
  return {
    context: { spans, samples: PODS * PER, written },
    rows: [
      pair(`run: 100k spans, otlp receiver → k8sattributes → batch → otlp exporter (${spans} exported)`, 'spans/s', PODS * PER, runTraces, () => traceBaseline(ts), 'plain JS: pod by IP, attribute objects, span copies'),
      pair(`run: 100k scraped samples, scrape → relabel → remote_write (${written} written)`, 'samples/s', PODS * PER, runMetrics, () => metricBaseline(ms), 'plain JS: regex line parse, target labels, drop rule, external labels'),
    ],
  };
}
