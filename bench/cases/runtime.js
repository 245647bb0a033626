// 100k log lines through a five-stage loki.process (regex, json, labels, match+drop,
// template), run by the runtime from a loki.source.api sample to a loki.write sink.
// Baseline: the same work as a plain JavaScript loop (RegExp, JSON.parse, an object of labels,
// a filter and a template string) over the same lines, measured in the same run.
import { performance } from 'node:perf_hooks';
import { loadSchemaCatalog } from '@alloy-lint/schemas/node';
import { memoryHost, runConfig } from '@alloy-lint/runtime';

const LINES = 100_000;
const LEVELS = ['info', 'warn', 'error', 'debug'];

const CONFIG = `
loki.source.api "in" {
  http {
    listen_port = 3500
  }
  forward_to = [loki.process.bench.receiver]
}

loki.process "bench" {
  stage.regex {
    expression = "^(?P<ts>\\\\S+) (?P<level>\\\\w+) (?P<body>\\\\{.*\\\\})$"
  }
  stage.json {
    source      = "body"
    expressions = { status = "", path = "", msg = "" }
  }
  stage.labels {
    values = { level = "", status = "" }
  }
  stage.match {
    selector = "{level=\\"debug\\"}"
    action   = "drop"
  }
  stage.template {
    source   = "summary"
    template = "{{ .path }} {{ .status }} {{ .msg }}"
  }
  forward_to = [loki.write.out.receiver]
}

loki.write "out" {
  endpoint {
    url = "http://loki:3100/loki/api/v1/push"
  }
}
`;

function lines() {
  const out = [];
  for (let i = 0; i < LINES; i++) {
    const level = LEVELS[i % 4];
    const body = JSON.stringify({ status: 200 + (i % 5) * 100, path: `/api/items/${i % 97}`, msg: `request ${i} served`, user: `u${i % 13}` });
    out.push(`2025-05-21T02:48:${String(i % 60).padStart(2, '0')}Z ${level} ${body}`);
  }
  return out;
}

function baseline(all) {
  const re = /^(\S+) (\w+) (\{.*\})$/;
  const kept = [];
  for (const line of all) {
    const m = re.exec(line);
    if (!m) continue;
    const j = JSON.parse(m[3]);
    const labels = { job: 'bench', level: m[2], status: String(j.status) };
    if (labels.level === 'debug') continue;
    kept.push({ labels, line, summary: `${j.path} ${j.status} ${j.msg}` });
  }
  return kept.length;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export default function runtimeRows() {
  const all = lines();
  const catalog = loadSchemaCatalog('v1.18.1');
  const samples = { logs: { 'loki.source.api.in': all.map((line) => ({ line, labels: { job: 'bench' } })) } };
  const host = memoryHost({}, {}, new Date('2025-05-21T03:00:00Z'));
  const runOnce = () => {
    const r = runConfig([{ name: 'bench.alloy', text: CONFIG }], { catalog, host, samples });
    const sink = r.sinks.find((s) => s.component === 'loki.write.out');
    if (!r.ok || !sink) throw new Error(`bench config did not run: ${r.components.map((c) => `${c.id} ${c.status} ${c.message ?? ''}`).join('; ')}`);
    return sink.entries.length;
  };
  const delivered = runOnce();
  const want = baseline(all);
  if (delivered !== want) throw new Error(`runtime delivered ${delivered} entries, the baseline keeps ${want}`);
  const a = [];
  const b = [];
  for (let i = 0; i < 5; i++) {
    let t = performance.now();
    runOnce();
    a.push(performance.now() - t);
    t = performance.now();
    baseline(all);
    b.push(performance.now() - t);
  }
  const ms = median(a);
  const baselineMs = median(b);
  return {
    context: { lines: LINES, delivered },
    rows: [
      {
        name: `run: 100k lines, source → 5-stage loki.process → loki.write (${delivered} delivered)`,
        ms,
        perSecond: LINES / (ms / 1000),
        unit: 'lines/s',
        baseline: 'plain JS regex + JSON.parse + labels + filter + template loop',
        baselineMs,
        ratio: ms / baselineMs,
      },
    ],
  };
}
