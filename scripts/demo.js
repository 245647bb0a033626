#!/usr/bin/env node
// `npm run demo`: the seed pipelines through alloy-lint, as a user would run it.
// First the logs pipeline runs on sample inputs (a pod and the two lines its app logs),
// then the same run traced stage by stage, the pipeline tests, and a short check.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '@alloy-lint/cli';

const root = new URL('..', import.meta.url).pathname;
process.chdir(root);

async function step(title, argv) {
  console.log(`\n\u001b[1m$ alloy-lint ${argv.join(' ')}\u001b[0m   # ${title}`);
  const code = await main(argv);
  console.log(`(exit ${code})`);
}

const run = ['run', 'examples/k8s-logs.alloy', '--inputs', 'examples/k8s-logs.samples.yaml'];
await step('the logs pipeline on the sample pod: both lines reach loki.write with namespace, pod, container and cluster', run);
await step('the same run, traced: each target rule by rule, each entry stage by stage', [...run, '--trace']);
await step('pipeline tests: our own, with expectations per sink', ['test', 'test/fixtures/runtime']);

const traces = ['run', 'examples/otlp-traces.alloy', '--inputs', 'examples/otlp-traces.samples.yaml', '--trace'];
await step('the traces pipeline on the seed span, sent from the pod: k8sattributes finds the pod by the connection and the span reaches the OTLP exporter with namespace, pod and container', traces);

const seeds = ['-c', 'examples/k8s-logs.alloy', '-i', 'examples/k8s-logs.samples.yaml', '-c', 'examples/otlp-traces.alloy', '-i', 'examples/otlp-traces.samples.yaml'];
await step("Grafana's trace ↔ logs links on both seed pipelines, with the walkthrough's data sources", ['correlate', ...seeds, '-g', 'examples/grafana-datasources.yaml']);

await step('the two seed pipelines are valid', ['check', 'examples/k8s-logs.alloy', 'examples/otlp-traces.alloy']);
// The same pipeline with a typo an SRE makes: a list split over lines without a trailing comma.
const broken = readFileSync('examples/k8s-logs.alloy', 'utf8').replace(
  'forward_to = [loki.process.pod_logs.receiver]',
  'forward_to = [\n        loki.process.pod_logs.receiver\n    ]',
);
const dir = mkdtempSync(join(tmpdir(), 'alloy-demo-'));
const brokenPath = join(dir, 'k8s-logs-broken.alloy');
writeFileSync(brokenPath, broken);
await step('a missing trailing comma, caught before Alloy starts', ['check', brokenPath]);

// As the walkthrough deployed it: the same pipeline inside the Alloy Helm chart's values.
await step('the pipeline inside the Helm values the walkthrough deployed: checked at the YAML lines', ['check', 'examples/helm-values.yaml']);
const brokenValues = join(dir, 'helm-values.yaml');
writeFileSync(brokenValues, readFileSync('examples/helm-values.yaml', 'utf8').replace('loki.process.pod_logs.receiver', 'loki.process.pod_log.receiver'));
await step('a typo in a reference inside values.yaml, reported at its YAML line and column', ['check', brokenValues]);
await step('which values would fmt tidy (every other byte of the YAML is kept)', ['fmt', '--check', 'examples/helm-values.yaml']);

// The logs pipeline without its `container` relabel rule: Tempo's link finds no logs.
const src = readFileSync('examples/k8s-logs.alloy', 'utf8');
const start = src.indexOf('    // Container name as the "container" label.');
const end = src.indexOf('}', src.indexOf('target_label = "container"')) + 2;
const noContainer = join(dir, 'k8s-logs-no-container.alloy');
writeFileSync(noContainer, src.slice(0, start) + src.slice(end));
await step('the same check when the logs pipeline drops its `container` rule', ['correlate', '-c', noContainer, '-i', 'examples/k8s-logs.samples.yaml', ...seeds.slice(4), '-g', 'examples/grafana-datasources.yaml']);
